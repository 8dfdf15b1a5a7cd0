using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Reports;

namespace SafeguardGen.Docs;

/// <summary>
/// Builds the views of one language from the bound model: texts chosen, escaped, conditions put in plain words,
/// the page's own words taken from the language's label table. A text with no translation into the language is
/// shown in the language it was written in, marked so (<c>lang</c> and a visible "not translated"), never passed
/// off as a translation.
/// </summary>
internal sealed class ViewBuilder
{
    private readonly SiteIndex model;
    private readonly string language;
    private readonly Escaper escape;
    private readonly Labels labels;

    // The language of the texts being read: the declaring treaty's own. Set per treaty, checklist and comparison.
    private string own = "en";

    // How many texts were shown untranslated so far: a view compares before and after to know whether to say so.
    private int untranslated;

    public ViewBuilder(SiteIndex model, string language, Escaper escape)
    {
        this.model = model;
        this.language = language;
        this.escape = escape;
        labels = Labels.For(language);
    }

    public Labels Labels => labels;

    public string TreatyPage(string treaty) => model.Href(language, model.TreatyPage(treaty));

    public string ChecklistPage(QualifiedName checklist) => model.Href(language, model.ChecklistPage(checklist));

    /// <summary>A label of the page's own words, escaped for the format.</summary>
    public string L(string key) => escape.Text(labels[key]);

    /// <summary>
    /// A label with its arguments put in. The label is escaped first and the arguments (already escaped) go in
    /// after, so nothing is escaped twice and a brace in an argument is never read as a placeholder.
    /// </summary>
    private string F(string key, params string[] arguments) => Labels.Fill(escape.Text(labels[key]), arguments);

    private bool Translated(LocalizedText text) =>
        string.Equals(language, own, StringComparison.OrdinalIgnoreCase) || text.Translations.Any(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase));

    /// <summary>A short text in the page's language, or in its own language marked as not translated.</summary>
    private string T(LocalizedText? text) => Shown(text, escape.Text, block: false);

    /// <summary>Guidance (Markdown) in the page's language, or in its own language marked as not translated.</summary>
    private string G(LocalizedText? text) => Shown(text, escape.Guidance, block: true);

    private string Shown(LocalizedText? text, Func<string?, string> render, bool block)
    {
        if (text is null || text.Text.Length == 0)
        {
            return string.Empty;
        }

        var shown = render(text.Get(language));
        if (Translated(text))
        {
            return shown;
        }

        untranslated++;
        return escape.Untranslated(shown, own, Labels.For(own).RightToLeft, L("not_translated"), block);
    }

    /// <summary>A text without any mark, for a page's <c>title</c> and the running header.</summary>
    private string Plain(LocalizedText? text) => escape.Text(text?.Get(language));

    /// <summary>An official text's address for a link: the binder accepts only absolute http(s) addresses, and the link filter checks again.</summary>
    private string Link(string? url) => url is not null && LinkFilter.IsSafe(url) ? escape.Text(url) : string.Empty;

    private string Own(string treaty) => model.FindTreaty(treaty)?.Language ?? "en";

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Anchor(string id) => new string(id.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());

    public TreatyView Treaty(Treaty treaty)
    {
        own = treaty.Language;
        var before = untranslated;
        var safeguards = treaty.Safeguards.Select(s => Safeguard(s, TreatyPage(treaty.Name))).ToList();
        var groups = treaty.Safeguards
            .Select((s, i) => (Kind: s.Kinds.Count > 0 ? s.Kinds[0] : new KindUse("unclassified", null, null), View: safeguards[i]))
            .GroupBy(p => p.Kind.Name + "|" + p.Kind.DeclaringTreaty)
            .Select((g, i) => new KindGroupView(escape.Text(g.First().Kind.ToString().Split('(')[0]), KindTitle(g.First().Kind), g.Select(p => p.View).ToList()) { Anchor = "kind-" + Count(i) })
            .ToList();
        var citations = treaty.Safeguards.SelectMany(s => s.Citations).Concat(treaty.Measures.SelectMany(m => m.Citations)).Concat(treaty.Profiles.SelectMany(p => p.Citations)).ToList();
        // A file without measures or checklists declares things for other files to import: shown as a library,
        // not as a treaty with "0 measures, 0 checklists". A file of comparisons or scenarios alone is neither.
        var isLibrary = treaty.Measures.Count == 0 && treaty.Checklists.Count == 0
            && treaty.Safeguards.Count + treaty.Instruments.Count + treaty.Kinds.Count + treaty.Facts.Count > 0;
        var title = T(treaty.Title);
        var view = new TreatyView(
            escape.Text(treaty.Name),
            title,
            escape.Text(treaty.Reference),
            escape.Text(treaty.Version ?? string.Empty),
            G(treaty.Description),
            TreatyPage(treaty.Name),
            treaty.Languages.Select(l => escape.Text(Labels.NameOf(l))).ToList(),
            groups,
            treaty.Safeguards.Select((s, i) => (s, i)).Where(p => p.s.RefusalGround == RefusalGround.Mandatory).Select(p => safeguards[p.i]).ToList(),
            treaty.Safeguards.Select((s, i) => (s, i)).Where(p => p.s.RefusalGround == RefusalGround.Optional).Select(p => safeguards[p.i]).ToList(),
            treaty.Facts.Select(f => Question(f, ground: false) with { Test = string.Empty }).ToList(),
            treaty.Kinds.Select(k => new KindView(escape.Text(k.Name.ToString()), T(k.Title), G(k.Description))).ToList(),
            treaty.Instruments.Select(i => new InstrumentView(escape.Text(i.Name.ToString()), T(i.Title), escape.Text(i.Reference ?? string.Empty)) { Url = Link(i.Url) }).ToList(),
            treaty.Profiles.Select(Profile).ToList(),
            treaty.Measures.Select(Measure).ToList(),
            Coverage(treaty),
            treaty.Checklists.Select(c => Checklist(treaty, c)).ToList(),
            model.Reports
                .Where(r => r.Comparison.Name.Treaty == treaty.Name || r.Comparison.Instrument.Treaty == treaty.Name || r.Baseline.Name.Treaty == treaty.Name)
                .Select(r => new LinkView(ComparisonLink(r), model.Href(language, model.ComparisonPage(r.Comparison.Name))))
                .ToList())
        {
            PlainTitle = Plain(treaty.Title),
            Url = Link(treaty.Url),
            IsLibrary = isLibrary,
            IsTreaty = treaty.Measures.Count > 0 || treaty.Checklists.Count > 0,
            Summary = isLibrary
                ? F("library_counts", Count(treaty.Safeguards.Count), Count(treaty.Instruments.Count), Count(treaty.Kinds.Count + treaty.Facts.Count))
                : F("treaty_counts", Count(treaty.Safeguards.Count), Count(treaty.Measures.Count), Count(treaty.Checklists.Count)),
            Verification = citations.Count == 0
                ? L("verification_none")
                : F("verification_summary", Count(citations.Count(c => c.Verified)), Count(citations.Count), Count(citations.Count(c => c.Quotes.Count > 0))),
        };
        return view with { Untranslated = untranslated > before };
    }

    /// <summary>A comparison's title with its gaps counted, for the lists that link to it.</summary>
    private string ComparisonLink(ComparisonReport report)
    {
        var saved = own;
        own = Own(report.Comparison.Name.Treaty);
        var title = T(report.Comparison.Title);
        own = saved;
        var gaps = report.Rows.Count(r => r.IsGap);
        return F("comparison_link", title, Count(gaps), Count(report.Rows.Count));
    }

    /// <param name="report">The comparison's report.</param>
    /// <param name="standalone">Whether the page stands alone (a report written by <c>safeguard compare</c>): then it links to no other page.</param>
    public ComparisonView Comparison(ComparisonReport report, bool standalone = false)
    {
        var comparison = report.Comparison;
        own = Own(comparison.Name.Treaty);
        var before = untranslated;
        var instrument = model.FindTreaty(comparison.Instrument.Treaty);
        var treaties = new[] { comparison.Instrument.Treaty, report.Baseline.Name.Treaty, comparison.Name.Treaty }
            .Distinct(StringComparer.Ordinal)
            .Select(model.FindTreaty)
            .Where(t => t is not null)
            .Select(t => new LinkView(T(t!.Title), standalone ? string.Empty : TreatyPage(t.Name)))
            .ToList();
        var judgements = report.Rows.Select(row => Judgement(row, standalone)).ToList();
        var citations = report.Citations.ToList();
        var view = new ComparisonView(
            escape.Text(comparison.Name.ToString()),
            T(comparison.Title),
            G(comparison.Description),
            standalone ? string.Empty : model.Href(language, model.ComparisonPage(comparison.Name)),
            escape.Text(comparison.InstrumentReference) + (instrument is null ? string.Empty : " (" + T(instrument.Title) + ")"),
            T(report.Baseline.Title),
            G(report.Baseline.Description),
            treaties,
            judgements.Where((_, i) => report.Rows[i].IsGap).ToList(),
            judgements.Where((_, i) => !report.Rows[i].IsGap).ToList(),
            comparison.Excess.Select(e => new ExcessView(escape.Text(e.Name), T(e.Title), e.Citations.Select(Citation).ToList(), Verification(ComparisonReport.VerificationOf(e.Citations)), T(e.Rationale))).ToList(),
            report.Grounds.Select(r => new GroundView(T(r.Requirement.Title), Ground(r.Requirement.Ground), Ground(r.Judgement.Ground), ComparisonWords.Keyword(r.Judgement.Relationship), RelationshipText(r.Judgement.Relationship))).ToList(),
            report.Summary.Select(c => new CountView(ComparisonWords.Keyword(c.Relationship), RelationshipText(c.Relationship), c.Count)).ToList(),
            F("comparison_verification", Count(citations.Count(c => c.Verified)), Count(citations.Count), Count(report.VerifiedBothSides), Count(report.Rows.Count)))
        {
            PlainTitle = Plain(comparison.Title),
        };
        return view with { Untranslated = untranslated > before };
    }

    private string RelationshipText(Relationship relationship) => L("relationship_" + ComparisonWords.Keyword(relationship));

    private string Verification(Verification verification) => L(verification switch
    {
        Language.Reports.Verification.NotCited => "verification_not_cited",
        Language.Reports.Verification.Unverified => "verification_unverified",
        Language.Reports.Verification.PartlyVerified => "verification_partly",
        _ => "verification_verified",
    });

    private string Ground(GroundStrength? strength) => L(strength switch
    {
        GroundStrength.Mandatory => "ground_strength_mandatory",
        GroundStrength.Optional => "ground_strength_optional",
        GroundStrength.Absent => "ground_strength_absent",
        _ => "ground_strength_none",
    });

    private JudgementView Judgement(ComparisonRow row, bool standalone)
    {
        var judgement = row.Judgement;
        var gap = T(judgement.Gap);
        if (gap.Length == 0 && judgement.Relationship == Relationship.Absent)
        {
            gap = L("whole_requirement");
        }

        return new JudgementView(
            escape.Text(row.Requirement.Name),
            T(row.Requirement.Title),
            ComparisonWords.Keyword(judgement.Relationship),
            RelationshipText(judgement.Relationship),
            row.Requirement.Citations.Select(Citation).ToList(),
            Verification(row.BaselineVerification),
            row.Counterparts.Select(s => new LinkView(T(s.Title), standalone ? string.Empty : SafeguardPage(s.Name))).ToList(),
            judgement.Citations.Select(Citation).ToList(),
            Verification(row.InstrumentVerification),
            T(judgement.Rationale),
            gap,
            judgement.Hedges.Select(Hedge).ToList(),
            row.Requirement.Ground is null ? string.Empty : Ground(row.Requirement.Ground),
            row.Requirement.Ground is null ? string.Empty : Ground(judgement.Ground));
    }

    private string Hedge(Hedge hedge)
    {
        var words = L("hedge_" + Hedge_Keyword(hedge.Kind));
        return hedge.Wording is null ? words : words + ": “" + escape.Text(hedge.Wording) + "”";
    }

    private static string Hedge_Keyword(HedgeKind kind) => Language.Binding.Hedge.Keyword(kind).Replace('-', '_');

    private string KindTitle(KindUse kind)
    {
        if (kind.IsBuiltIn)
        {
            return BuiltInKinds.Find(kind.Name) is null ? escape.Text(kind.Name) : escape.Text(labels.Kind(kind.Name));
        }

        var custom = model.FindKind(new QualifiedName(kind.DeclaringTreaty!, kind.Name));
        if (custom is null)
        {
            return escape.Text(kind.Name);
        }

        var saved = own;
        own = Own(kind.DeclaringTreaty!);
        var title = T(custom.Title);
        own = saved;
        return title;
    }

    private string SafeguardPage(QualifiedName name) => TreatyPage(name.Treaty) + "#" + Anchor(name.Name);

    public SafeguardView Safeguard(Safeguard safeguard, string page)
    {
        var saved = own;
        own = Own(safeguard.Name.Treaty);
        var ground = safeguard.RefusalGround != RefusalGround.None;
        var severity = L(safeguard.Severity == Severity.Blocking ? "severity_blocking" : "severity_advisory");
        var basis = L(safeguard.Basis switch
        {
            Basis.Treaty => "basis_treaty",
            Basis.HumanRightsLaw => "basis_human_rights_law",
            Basis.Policy => "basis_policy",
            _ => "basis_not_stated",
        });
        var view = new SafeguardView(
            escape.Text(safeguard.Name.ToString()),
            Anchor(safeguard.Name.Name),
            T(safeguard.Title),
            escape.Text(string.Join(", ", safeguard.Kinds.Select(k => k.ToString()))),
            severity,
            safeguard.RefusalGround switch
            {
                RefusalGround.Mandatory => "mandatory",
                RefusalGround.Optional => "optional",
                _ => string.Empty,
            },
            safeguard.Citations.Select(Citation).ToList(),
            safeguard.Questions.Select(q => Question(q, ground)).ToList(),
            Applicability(safeguard),
            safeguard.Exceptions.Select(e => Exception(e, ground)).ToList(),
            G(safeguard.Guidance),
            page + "#" + Anchor(safeguard.Name.Name),
            basis,
            safeguard.Hedges.Select(Hedge).ToList())
        {
            GroundText = safeguard.RefusalGround switch
            {
                RefusalGround.Mandatory => L("ground_mandatory"),
                RefusalGround.Optional => L("ground_optional"),
                _ => string.Empty,
            },
            KindTitles = string.Join(", ", safeguard.Kinds.Select(KindTitle)),
            Meta = F("safeguard_meta", escape.Text(safeguard.Name.ToString()), severity, basis),
            UsedBy = model.UsesOf(safeguard.Name).Select(Use).Where(l => l is not null).Select(l => l!).ToList(),
        };
        own = saved;
        return view;
    }

    /// <summary>A declaration that uses a safeguard, linked, with its sort in words ("Measure: Production orders").</summary>
    private LinkView? Use((string Sort, QualifiedName User) use)
    {
        var saved = own;
        own = Own(use.User.Treaty);
        try
        {
            switch (use.Sort)
            {
                case "measure" when model.FindMeasure(use.User) is { } measure:
                    return new LinkView(F("used_by_measure", T(measure.Title)), TreatyPage(use.User.Treaty) + "#" + Anchor(use.User.Name));
                case "profile" when model.FindProfile(use.User) is { } profile:
                    return new LinkView(F("used_by_profile", T(profile.Title)), TreatyPage(use.User.Treaty) + "#" + Anchor(use.User.Name));
                case "checklist" when model.FindChecklist(use.User) is { } checklist:
                    return new LinkView(F("used_by_checklist", T(checklist.Title)), ChecklistPage(use.User));
                case "comparison" when model.FindReport(use.User) is { } report:
                    return new LinkView(F("used_by_comparison", T(report.Comparison.Title)), model.Href(language, model.ComparisonPage(use.User)));
                default:
                    return null;
            }
        }
        finally
        {
            own = saved;
        }
    }

    private ExceptionView Exception(ExceptionRule exception, bool ground)
    {
        var outcome = L((ground, exception.Outcome) switch
        {
            (true, ExceptionOutcome.Satisfied) => "outcome_ground_does_not_apply",
            (true, ExceptionOutcome.NotSatisfied) => "outcome_ground_applies",
            (true, _) => "outcome_ground_not_considered",
            (false, ExceptionOutcome.Satisfied) => "outcome_met",
            (false, ExceptionOutcome.NotSatisfied) => "outcome_not_met",
            _ => "outcome_not_applicable",
        });
        var when = Words(exception.When.Expression);
        var because = T(exception.Because);
        return new ExceptionView(escape.Text(exception.Name), exception.Priority, when, outcome, because)
        {
            Text = F("exception_line", when, outcome) + (because.Length == 0 ? string.Empty : " " + because),
        };
    }

    /// <summary>A text the language has no place to translate (a citation's note or source), in the treaty's own language: marked when the page is in another.</summary>
    private string Untranslatable(string? text) => string.IsNullOrEmpty(text) ? string.Empty : T(LocalizedText.Plain(text!));

    private CitationView Citation(Citation citation) => new(
        escape.Text(citation.Display),
        citation.Verified,
        Untranslatable(citation.Note),
        Untranslatable(citation.Source),
        citation.Quotes.Select(q => new QuoteView(escape.Text(q.Language), escape.Text(q.Text))).ToList())
    {
        Status = L(citation.Verified ? "citation_verified" : "citation_unverified"),
        Href = Link(citation.Url),
        Checked = citation.Source is { Length: > 0 } source
            ? F("citation_checked_against", Untranslatable(source))
            : citation.Verified ? string.Empty : L("citation_not_checked"),
    };

    private QuestionView Question(Question question, bool ground)
    {
        var options = question.Options.Select(o => T(o.Label)).ToList();
        var list = string.Join("; ", options);
        var answer = question.Type.Value switch
        {
            Language.Binding.ValueType.YesNo => L("answer_yes_no"),
            Language.Binding.ValueType.Choice => F(question.Type.IsList ? "answer_choices" : "answer_choice", list),
            Language.Binding.ValueType.Text => L(question.Type.IsList ? "answer_texts" : "answer_text"),
            Language.Binding.ValueType.Date => L(question.Type.IsList ? "answer_dates" : "answer_date"),
            _ => L(question.Type.IsList ? "answer_numbers" : "answer_number"),
        };
        var criterion = question.Criterion is null ? string.Empty : Criterion(question);
        var test = criterion.Length == 0
            ? L(ground ? "test_none_ground" : "test_none")
            : F(ground ? "test_ground" : "test_met", criterion);
        return new QuestionView(escape.Text(question.Key.ToString()), T(question.Ask), escape.Text(question.Type.ToString()), options, criterion, G(question.Guidance))
        {
            AnswerText = answer,
            Test = test,
            Boxes = question.Type.Value switch
            {
                Language.Binding.ValueType.YesNo => [L("yes"), L("no"), L("unknown")],
                Language.Binding.ValueType.Choice => [.. options, L("unknown")],
                _ => [],
            },
            Written = question.Type.Value is not (Language.Binding.ValueType.YesNo or Language.Binding.ValueType.Choice),
        };
    }

    private string Criterion(Question question)
    {
        var criterion = question.Criterion!;
        string Labels() => string.Join(", ", criterion.Options.Select(o => "“" + OptionLabel(question, o) + "”"));
        return criterion.Kind switch
        {
            CriterionKind.Yes => L("yes_word"),
            CriterionKind.No => L("no_word"),
            CriterionKind.Provided => L(question.Type.IsList ? "criterion_entries" : "criterion_given"),
            CriterionKind.Empty => L("criterion_none"),
            CriterionKind.AnyOf => F(question.Type.IsList ? "criterion_includes_one_of" : "criterion_one_of", Labels()),
            CriterionKind.NoneOf => F("criterion_none_of", Labels()),
            _ => F(Comparison(criterion.Operator!), escape.Text(criterion.Operand!.Value)),
        };
    }

    private string OptionLabel(Question question, string option) => T(question.Options.FirstOrDefault(o => o.Name == option)?.Label ?? LocalizedText.Plain(option));

    private static string Comparison(string op) => op switch
    {
        ">=" => "compare_at_least",
        "<=" => "compare_at_most",
        ">" => "compare_more_than",
        "<" => "compare_less_than",
        "!=" => "compare_not",
        _ => "compare_exactly",
    };

    private string Applicability(Safeguard safeguard)
    {
        var parts = new List<string>();
        if (safeguard.When is not null)
        {
            parts.Add(F("applies_only_when", Words(safeguard.When.Expression)));
        }

        if (safeguard.Unless is not null)
        {
            parts.Add(F("does_not_apply_when", Words(safeguard.Unless.Expression)));
        }

        return string.Join(" ", parts);
    }

    private Question? Find(QuestionKey key) => model.FindQuestion(key);

    private string Asked(QuestionKey key) => F("condition_answer_to", T(Find(key)?.Ask ?? LocalizedText.Plain(key.ToString())));

    /// <summary>A condition in plain words: the questions quoted, the options by their labels.</summary>
    /// <remarks>Conditions nest only as deep as the parser allows (its depth limit), so this recursion is bounded.</remarks>
    public string Words(Expression expression) => expression switch
    {
        QuestionReference q => F("condition_is_yes", Asked(q.Key)),
        Literal l => Value(null, l),
        NotExpression { Operand: QuestionReference q } => F("condition_is_no", Asked(q.Key)),
        NotExpression n => F("condition_not", Words(n.Operand)),
        LogicalExpression l => string.Join(L(l.Operator == LogicalOperator.And ? "condition_and" : "condition_or"), l.Operands.Select(operand => Grouped(operand, l.Operator))),
        BinaryExpression { Left: QuestionReference left } b => F("condition_is", Asked(left.Key), Relation(b.Operator, Operand(left, b.Right))),
        InExpression { Operand: QuestionReference q } i => F(i.Negated ? "condition_none_of" : "condition_one_of", Asked(q.Key), string.Join(", ", i.Values.Select(v => Value(q, v)))),
        ContainsExpression { Operand: QuestionReference q } c => F("condition_includes", Asked(q.Key), Value(q, c.Element)),
        AnsweredExpression a => F(a.Answered ? "condition_given" : "condition_not_given", Asked(a.Operand.Key)),
        _ => "?",
    };

    private string Grouped(Expression expression, LogicalOperator parent) =>
        expression is LogicalExpression inner && inner.Operator != parent ? "(" + Words(expression) + ")" : Words(expression);

    private string Relation(BinaryOperator op, string operand) => op switch
    {
        BinaryOperator.GreaterOrEqual => F("compare_at_least", operand),
        BinaryOperator.LessOrEqual => F("compare_at_most", operand),
        BinaryOperator.Greater => F("compare_more_than", operand),
        BinaryOperator.Less => F("compare_less_than", operand),
        BinaryOperator.NotEqual => F("compare_not", operand),
        _ => operand,
    };

    private string Operand(QuestionReference left, Expression right) => right is QuestionReference other ? Asked(other.Key) : right is Literal literal ? Value(left, literal) : "?";

    private string Value(QuestionReference? question, Literal literal) => literal.Type switch
    {
        Language.Binding.ValueType.Choice when question is not null && Find(question.Key) is { } q => "“" + OptionLabel(q, literal.Value) + "”",
        Language.Binding.ValueType.Text => "“" + escape.Text(literal.Value) + "”",
        Language.Binding.ValueType.YesNo => L(literal.Value == "yes" ? "yes_word" : "no_word"),
        _ => escape.Text(literal.Value),
    };

    private ProfileView Profile(Profile profile) => new(
        escape.Text(profile.Name.ToString()),
        Anchor(profile.Name.Name),
        T(profile.Title),
        G(profile.Description),
        profile.RequiredKinds.Select(k => F("requires_kind", KindTitle(k)))
            .Concat(profile.RequiredSafeguards.Select(s => F("requires_safeguard", model.FindSafeguard(s) is { } found ? TitleOf(found) : escape.Text(s.ToString()))))
            .ToList(),
        profile.Citations.Select(Citation).ToList());

    private string TitleOf(Safeguard safeguard)
    {
        var saved = own;
        own = Own(safeguard.Name.Treaty);
        var title = T(safeguard.Title);
        own = saved;
        return title;
    }

    private MeasureView Measure(Measure measure) => new(
        escape.Text(measure.Name.ToString()),
        Anchor(measure.Name.Name),
        T(measure.Title),
        G(measure.Description),
        measure.Citations.Select(Citation).ToList(),
        measure.Profiles.Select(p => model.FindProfile(p) is { } found ? T(found.Title) : escape.Text(p.ToString())).ToList(),
        measure.Safeguards.Select(s => new LinkView(model.FindSafeguard(s) is { } found ? TitleOf(found) : escape.Text(s.ToString()), SafeguardPage(s))).ToList(),
        measure.Scope is null ? string.Empty : F("scope_text", Words(measure.Scope.Expression)));

    /// <summary>
    /// Measures against every kind their profiles require: how many safeguards cover each (named, linked), and
    /// the gaps, each explained by the profile that requires the kind.
    /// </summary>
    private CoverageView Coverage(Treaty treaty)
    {
        var kinds = treaty.Measures
            .SelectMany(m => m.Profiles.Select(model.FindProfile).Where(p => p is not null).SelectMany(p => p!.RequiredKinds))
            .Distinct()
            .ToList();
        var kindTitles = kinds.Select(KindTitle).ToList();
        var rows = new List<CoverageRowView>();
        var gaps = new List<string>();
        foreach (var measure in treaty.Measures)
        {
            var profiles = measure.Profiles.Select(model.FindProfile).Where(p => p is not null).Select(p => p!).ToList();
            var safeguards = measure.Safeguards.Select(model.FindSafeguard).Where(s => s is not null).Select(s => s!).ToList();
            var measureTitle = T(measure.Title);
            var cells = kinds.Select((kind, k) =>
            {
                var covering = safeguards.Where(s => s.Kinds.Any(use => use.Covers(kind))).ToList();
                if (covering.Count > 0)
                {
                    return new CoverageCellView("covered", string.Join(", ", covering.Select(TitleOf)))
                    {
                        Kind = kindTitles[k],
                        Mark = "✓ " + Count(covering.Count),
                        Safeguards = covering.Select(s => new LinkView(TitleOf(s), SafeguardPage(s.Name))).ToList(),
                    };
                }

                var requiring = profiles.Where(p => p.RequiredKinds.Contains(kind)).ToList();
                if (requiring.Count > 0)
                {
                    gaps.Add(F("coverage_gap", measureTitle, kindTitles[k], string.Join(", ", requiring.Select(p => T(p.Title)))));
                    return new CoverageCellView("missing", L("coverage_missing")) { Kind = kindTitles[k], Mark = "✗ " + L("coverage_missing") };
                }

                return new CoverageCellView("not-required", string.Empty) { Kind = kindTitles[k], Mark = "—" };
            }).ToList();
            rows.Add(new CoverageRowView(measureTitle, Anchor(measure.Name.Name), cells, cells.Any(c => c.State == "missing")));
        }

        return new CoverageView(kindTitles, rows) { Gaps = gaps };
    }

    public ChecklistView Checklist(Treaty treaty, Checklist checklist)
    {
        var saved = own;
        own = treaty.Language;
        var before = untranslated;
        var page = ChecklistPage(checklist.Name);
        var safeguards = checklist.Safeguards.Select(model.FindSafeguard).Where(s => s is not null).Select(s => Safeguard(s!, TreatyPage(s!.Name.Treaty))).ToList();
        var measure = model.FindMeasure(checklist.Measure);
        var hasScope = measure?.Scope is not null;
        var rules = new List<string> { L("rule_must_refuse"), L("rule_incomplete"), L("rule_may_refuse"), L("rule_proceed") };
        if (hasScope)
        {
            rules.Insert(0, L("rule_outside"));
        }

        var decisions = new List<string> { L("decision_proceed"), L("decision_may_refuse"), L("decision_must_refuse"), L("decision_incomplete") };
        if (hasScope)
        {
            decisions.Add(L("decision_outside"));
        }

        var view = new ChecklistView(
            escape.Text(checklist.Name.ToString()),
            T(checklist.Title),
            G(checklist.Description),
            page,
            T(treaty.Title),
            TreatyPage(treaty.Name),
            measure is null ? escape.Text(checklist.Measure.ToString()) : T(measure.Title),
            safeguards,
            checklist.Facts.Select(model.FindFact).Where(f => f is not null).Select(f => Question(f!, ground: false) with { Test = string.Empty }).ToList())
        {
            PlainTitle = Plain(checklist.Title),
            FormPage = model.Href(language, model.FormPage(checklist.Name)),
            MeasureText = F("for_measure", measure is null ? escape.Text(checklist.Measure.ToString()) : T(measure.Title)),
            DecisionRules = rules,
            Decisions = decisions,
        };
        view = view with { Untranslated = untranslated > before };
        own = saved;
        return view;
    }

    /// <summary>Every kind the treaties' safeguards use, built-in first in name order, with the safeguards of each across treaties.</summary>
    public IReadOnlyList<KindIndexView> KindIndex(IEnumerable<Treaty> treaties)
    {
        var byKind = new SortedDictionary<string, (KindUse Kind, List<LinkView> Safeguards)>(StringComparer.Ordinal);
        foreach (var treaty in treaties)
        {
            foreach (var safeguard in treaty.Safeguards)
            {
                foreach (var kind in safeguard.Kinds)
                {
                    var key = (kind.IsBuiltIn ? "0|" : "1|" + kind.DeclaringTreaty + "|") + kind.Name;
                    if (!byKind.TryGetValue(key, out var entry))
                    {
                        byKind[key] = entry = (kind, []);
                    }

                    entry.Safeguards.Add(new LinkView(TitleOf(safeguard) + " (" + T(treaty.Title) + ")", SafeguardPage(safeguard.Name)));
                }
            }
        }

        return byKind.Values.Select(e => new KindIndexView(escape.Text(e.Kind.ToString().Split('(')[0]), KindTitle(e.Kind), e.Safeguards)).ToList();
    }
}
