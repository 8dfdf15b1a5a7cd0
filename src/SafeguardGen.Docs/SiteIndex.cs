using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;

namespace SafeguardGen.Docs;

/// <summary>
/// What every page of one render needs to look up, built once: declarations by name in constant time (through
/// the language's <see cref="ModelIndex"/>; the model's own Find methods scan, which made rendering quadratic),
/// the file name of every treaty and checklist page, and the model's size for the template limits.
/// </summary>
internal sealed class SiteIndex
{
    // Device names Windows reserves whatever the extension: a file "con.md" or "con.x.md" cannot be created there.
    private static readonly HashSet<string> Reserved = new(
        new[] { "con", "prn", "aux", "nul" }
            .Concat(Enumerable.Range(0, 10).SelectMany(i => new[] { "com" + i, "lpt" + i }))
            .Concat(new[] { "com¹", "com²", "com³", "lpt¹", "lpt²", "lpt³" }),
        StringComparer.OrdinalIgnoreCase);

    private readonly ModelIndex declarations;
    private readonly Dictionary<string, string> treatyPages = new(StringComparer.Ordinal);
    private readonly Dictionary<QualifiedName, string> checklistPages = new();
    private readonly Dictionary<QualifiedName, string> comparisonPages = new();
    private readonly Dictionary<QualifiedName, List<(string Sort, QualifiedName User)>> usedBy = new();
    private readonly Dictionary<QualifiedName, Checklist> checklists = new();
    private readonly Dictionary<QualifiedName, Language.Reports.ComparisonReport> reports = new();

    public SiteIndex(TreatyModel model, string extension, bool wiki = false)
    {
        Wiki = wiki;
        Extension = extension;
        declarations = model.CreateIndex();
        long size = 0;
        foreach (var treaty in model.Treaties)
        {
            size += 1 + treaty.Languages.Count + treaty.Kinds.Count + treaty.Instruments.Count;
            Measure(treaty.Title, treaty.Description);
            foreach (var safeguard in treaty.Safeguards)
            {
                size += 1 + safeguard.Kinds.Count + safeguard.Citations.Count + safeguard.Questions.Count + safeguard.Exceptions.Count;
                Measure(safeguard.Title, safeguard.Guidance);
                Measure(safeguard.Citations);
                foreach (var question in safeguard.Questions)
                {
                    size += question.Options.Count;
                    Measure(question);
                }
            }

            var coverageKinds = new HashSet<KindUse>();
            foreach (var measure in treaty.Measures)
            {
                size += 1 + measure.Citations.Count + measure.Profiles.Count + measure.Safeguards.Count;
                Measure(measure.Title, measure.Description);
                Measure(measure.Citations);
            }

            foreach (var profile in treaty.Profiles)
            {
                size += 1 + profile.Citations.Count + profile.RequiredKinds.Count + profile.RequiredSafeguards.Count;
                Measure(profile.Title, profile.Description);
                Measure(profile.Citations);
                coverageKinds.UnionWith(profile.RequiredKinds);
            }

            // The coverage matrix: a cell per measure and kind required anywhere.
            size += (long)treaty.Measures.Count * coverageKinds.Count;
            foreach (var fact in treaty.Facts)
            {
                size += 1 + fact.Options.Count;
                Measure(fact);
            }

            foreach (var kind in treaty.Kinds)
            {
                Measure(kind.Title, kind.Description);
            }

            foreach (var checklist in treaty.Checklists)
            {
                size += 1 + checklist.Safeguards.Count + checklist.Facts.Count;
                Measure(checklist.Title, checklist.Description);
            }
        }

        Reports = Language.Reports.ComparisonReport.BuildAll(model);
        foreach (var report in Reports)
        {
            reports[report.Comparison.Name] = report;
        }

        foreach (var report in Reports)
        {
            var comparison = report.Comparison;
            size += 4 + report.Baseline.Requirements.Count + (3L * comparison.Judgements.Count) + comparison.Excess.Count;
            Measure(comparison.Title, comparison.Description);
            Measure(report.Baseline.Title, report.Baseline.Description);
            foreach (var row in report.Rows)
            {
                size += row.Requirement.Citations.Count + row.Judgement.Citations.Count + row.Counterparts.Count + row.Judgement.Hedges.Count;
                Measure(row.Requirement.Title, row.Requirement.Description);
                Measure(row.Judgement.Rationale, row.Judgement.Gap);
                Measure(row.Requirement.Citations);
                Measure(row.Judgement.Citations);
            }

            foreach (var power in comparison.Excess)
            {
                size += power.Citations.Count;
                Measure(power.Title, power.Rationale);
                Measure(power.Citations);
            }
        }

        Size = size;

        AssignPages(model, extension);
        IndexUses(model);
    }

    /// <summary>Whether pages are named for a wiki: one flat folder, links without extensions.</summary>
    public bool Wiki { get; }

    public string Extension { get; }

    /// <summary>Where each safeguard is used, found once: the measures and checklists that hold it, the profiles that require it, the comparisons that judge it a counterpart.</summary>
    private void IndexUses(TreatyModel model)
    {
        void Add(QualifiedName safeguard, string sort, QualifiedName user)
        {
            if (!usedBy.TryGetValue(safeguard, out var list))
            {
                usedBy[safeguard] = list = [];
            }

            if (!list.Contains((sort, user)))
            {
                list.Add((sort, user));
            }
        }

        foreach (var treaty in model.Treaties)
        {
            foreach (var measure in treaty.Measures)
            {
                foreach (var safeguard in measure.Safeguards)
                {
                    Add(safeguard, "measure", measure.Name);
                }
            }

            foreach (var profile in treaty.Profiles)
            {
                foreach (var safeguard in profile.RequiredSafeguards)
                {
                    Add(safeguard, "profile", profile.Name);
                }
            }

            foreach (var checklist in treaty.Checklists)
            {
                checklists[checklist.Name] = checklist;
                foreach (var safeguard in checklist.Safeguards)
                {
                    Add(safeguard, "checklist", checklist.Name);
                }
            }

            foreach (var comparison in treaty.Comparisons)
            {
                foreach (var counterpart in comparison.Judgements.SelectMany(j => j.Counterparts))
                {
                    Add(counterpart, "comparison", comparison.Name);
                }
            }
        }
    }

    /// <summary>The declarations that use a safeguard, as (sort, name): sort is measure, profile, checklist or comparison.</summary>
    public IReadOnlyList<(string Sort, QualifiedName User)> UsesOf(QualifiedName safeguard) => usedBy.TryGetValue(safeguard, out var list) ? list : [];

    /// <summary>The page's file, relative to the output folder.</summary>
    public string File(string language, string page) => Wiki ? language + "--" + page + "." + Extension : language + "/" + page;

    /// <summary>A link to a page of <paramref name="language"/> from another page of the same language.</summary>
    public string Href(string language, string page) => Wiki ? language + "--" + page : page;

    /// <summary>A link to a page of <paramref name="language"/> from a page of another language.</summary>
    public string CrossHref(string language, string page) => Wiki ? language + "--" + page : "../" + language + "/" + page;

    /// <summary>A link to a page of <paramref name="language"/> from the root page.</summary>
    public string RootHref(string language, string page) => Wiki ? language + "--" + page : language + "/" + page;

    /// <summary>Each language's index page.</summary>
    public string IndexPage => Wiki ? "index" : "index." + Extension;

    /// <summary>The root page: the languages, or the wiki's home.</summary>
    public string RootFile => Wiki ? "Home." + Extension : "index." + Extension;

    /// <summary>The link to the root page from a page of a language.</summary>
    public string RootFromLanguage => Wiki ? "Home" : "../index." + Extension;

    /// <summary>The printable form of a checklist.</summary>
    public string FormPage(QualifiedName checklist)
    {
        var page = ChecklistPage(checklist);
        return Wiki ? page + "--form" : string.Concat(page.AsSpan(0, page.Length - Extension.Length - 1), ".form.", Extension);
    }

    /// <summary>
    /// Every page a file name of its own: the natural one (treaty, or treaty.checklist) unless it is reserved or
    /// another page took it first, compared ignoring case (so "Ab" and "ab" cannot overwrite each other on a
    /// case-insensitive file system); otherwise a suffix -2, -3... on the first part. Natural names are handed
    /// out first, in ordinal order, so a page keeps its name whatever else the model holds.
    /// </summary>
    private void AssignPages(TreatyModel model, string extension)
    {
        var wanted = model.Treaties.Select(t => (Stem: t.Name, Treaty: t.Name, Checklist: (QualifiedName?)null))
            .Concat(model.Treaties.SelectMany(t => t.Checklists).Select(c => (Stem: c.Name.Treaty + "." + c.Name.Name, Treaty: c.Name.Treaty, Checklist: (QualifiedName?)c.Name)))
            .Concat(model.Treaties.SelectMany(t => t.Comparisons).Select(c => (Stem: c.Name.Treaty + "." + c.Name.Name, Treaty: c.Name.Treaty, Checklist: (QualifiedName?)c.Name)))
            .OrderBy(p => p.Stem, StringComparer.Ordinal)
            .ToList();
        var comparisons = new HashSet<QualifiedName>(model.Treaties.SelectMany(t => t.Comparisons).Select(c => c.Name));
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var assigned = new string?[wanted.Count];
        for (var i = 0; i < wanted.Count; i++)
        {
            if (!IsReserved(wanted[i].Stem) && taken.Add(wanted[i].Stem))
            {
                assigned[i] = wanted[i].Stem;
            }
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            if (assigned[i] is not null)
            {
                continue;
            }

            var stem = wanted[i].Stem;
            var dot = stem.IndexOf('.', StringComparison.Ordinal);
            var (head, tail) = dot < 0 ? (stem, string.Empty) : (stem.Substring(0, dot), stem.Substring(dot));
            for (var n = 2; ; n++)
            {
                var candidate = head + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + tail;
                if (!IsReserved(candidate) && taken.Add(candidate))
                {
                    assigned[i] = candidate;
                    break;
                }
            }
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            // In a wiki every page sits in one folder and links carry no extension: "uncc--extradition-review".
            var page = Wiki ? assigned[i]!.Replace(".", "--", StringComparison.Ordinal) : assigned[i] + "." + extension;
            if (wanted[i].Checklist is { } declaration)
            {
                // A checklist and a comparison of one treaty never share a name: declarations' names are unique in a treaty.
                (comparisons.Contains(declaration) ? comparisonPages : checklistPages)[declaration] = page;
            }
            else
            {
                treatyPages[wanted[i].Treaty] = page;
            }
        }
    }

    private static bool IsReserved(string stem)
    {
        var dot = stem.IndexOf('.', StringComparison.Ordinal);
        // "index" is each language's index page.
        return stem.Equals("index", StringComparison.OrdinalIgnoreCase) || Reserved.Contains(dot < 0 ? stem : stem.Substring(0, dot));
    }

    /// <summary>The length of the longest author text, in any language (a question's option labels counted together, as a page joins them).</summary>
    public int LongestText { get; private set; }

    /// <summary>The length of all author texts together, in every language, citations and quotes included: what a page can hold.</summary>
    public long TotalText { get; private set; }

    private void Measure(LocalizedText? title, LocalizedText? text)
    {
        LongestText = Math.Max(LongestText, Math.Max(Length(title), Length(text)));
        TotalText += Total(title) + Total(text);
    }

    private void Measure(Question question)
    {
        Measure(question.Ask, question.Guidance);
        LongestText = Math.Max(LongestText, question.Options.Sum(o => Length(o.Label)));
        TotalText += question.Options.Sum(o => Total(o.Label));
    }

    private void Measure(IEnumerable<Citation> citations)
    {
        foreach (var citation in citations)
        {
            var length = citation.Display.Length + (citation.Note?.Length ?? 0) + (citation.Source?.Length ?? 0) + citation.Quotes.Sum(q => q.Text.Length);
            LongestText = Math.Max(LongestText, length);
            TotalText += length;
        }
    }

    private static long Total(LocalizedText? text) => text is null ? 0 : text.Text.Length + text.Translations.Sum(t => (long)t.Text.Length);

    private static int Length(LocalizedText? text) => text is null ? 0 : Math.Max(text.Text.Length, text.Translations.Select(t => t.Text.Length).DefaultIfEmpty(0).Max());

    /// <summary>How many items the views of one language hold, at most: what a template can loop over without looping on its own.</summary>
    public long Size { get; }

    public string TreatyPage(string treaty) => treatyPages.TryGetValue(treaty, out var page) ? page : treaty;

    public string ChecklistPage(QualifiedName checklist) => checklistPages.TryGetValue(checklist, out var page) ? page : checklist.ToString();

    public string ComparisonPage(QualifiedName comparison) => comparisonPages.TryGetValue(comparison, out var page) ? page : comparison.ToString();

    /// <summary>The report of every comparison, by qualified name.</summary>
    public IReadOnlyList<Language.Reports.ComparisonReport> Reports { get; }

    public Treaty? FindTreaty(string name) => declarations.FindTreaty(name);

    public Safeguard? FindSafeguard(QualifiedName name) => declarations.FindSafeguard(name);

    public Measure? FindMeasure(QualifiedName name) => declarations.FindMeasure(name);

    public Profile? FindProfile(QualifiedName name) => declarations.FindProfile(name);

    public Question? FindFact(QualifiedName name) => declarations.FindFact(name);

    public Question? FindQuestion(QuestionKey key) => declarations.FindQuestion(key);

    public CustomKind? FindKind(QualifiedName name) => declarations.FindKind(name);

    public Checklist? FindChecklist(QualifiedName name) => checklists.TryGetValue(name, out var found) ? found : null;

    public Language.Reports.ComparisonReport? FindReport(QualifiedName name) => reports.TryGetValue(name, out var found) ? found : null;
}
