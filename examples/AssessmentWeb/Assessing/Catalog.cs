using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Docs;
using SafeguardGen.Generated;

namespace SafeguardGen.Examples.AssessmentWeb.Assessing;

/// <summary>The checklists this app assesses: every checklist generated from examples/treaties, ordered by ID.</summary>
public sealed class Catalog
{
    public IReadOnlyList<IChecklist> All { get; } = SafeguardChecklists.All;

    public IChecklist? Find(string? id) => All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    /// <summary>The instruments a checklist's safeguards cite, in order of first citation: what it applies.</summary>
    public static IReadOnlyList<string> Instruments(IChecklist checklist) =>
        checklist.Safeguards.SelectMany(s => s.Citations).Select(c => c.Instrument).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>
/// The languages a page can be read in: the checklist's declared languages, complete; then the other official
/// languages of the United Nations, in which the decision, the outcomes and the explanation are worded and the
/// checklist's texts appear where an author translated them, each other text marked as not translated.
/// </summary>
public static class Languages
{
    /// <summary>The name of a language in itself, from the documentation's label tables.</summary>
    public static string Name(string language) => LanguageNames.Name(language);

    /// <summary>Whether the language is written right to left, from the documentation's label tables.</summary>
    public static bool RightToLeft(string language) => LanguageNames.RightToLeft(language);

    /// <summary>The languages offered for a checklist (or, with none, for the app's own pages), declared ones first.</summary>
    public static IReadOnlyList<(string Language, bool Complete)> Offered(IChecklist? checklist)
    {
        var declared = checklist?.Languages ?? new[] { "en" };
        return declared.Select(l => (l, true))
            .Concat(Wording.Languages.Where(l => !declared.Contains(l, StringComparer.Ordinal)).Select(l => (l, false)))
            .ToList();
    }

    /// <summary>The language to show: the one asked for when offered, else the checklist's own.</summary>
    public static string Choose(string? asked, IChecklist? checklist)
    {
        var offered = Offered(checklist);
        return offered.Any(o => o.Language == asked) ? asked! : offered[0].Language;
    }
}
