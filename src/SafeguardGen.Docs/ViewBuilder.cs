using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Reports;

namespace SafeguardGen.Docs;

/// <summary>Builds the views of one language from the bound model: texts chosen, escaped, conditions put in plain words.</summary>
internal sealed class ViewBuilder
{
    private readonly SiteIndex model;
    private readonly string language;
    private readonly Escaper escape;

    public ViewBuilder(SiteIndex model, string language, Escaper escape)
    {
        this.model = model;
        this.language = language;
        this.escape = escape;
    }

    public string TreatyPage(string treaty) => model.TreatyPage(treaty);

    public string ChecklistPage(QualifiedName checklist) => model.ChecklistPage(checklist);

    private string T(LocalizedText? text) => escape.Text(text?.Get(language));

    private string G(LocalizedText? text) => escape.Guidance(text?.Get(language));

    public static string Anchor(string id) => new string(id.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());

    public TreatyView Treaty(Treaty treaty)
    {
        var safeguards = treaty.Safeguards.Select(s => Safeguard(s, TreatyPage(treaty.Name))).ToList();
        var groups = treaty.Safeguards
            .Select((s, i) => (Kind: s.Kinds.Count > 0 ? s.Kinds[0] : new KindUse("unclassified", null, null), View: safeguards[i]))
            .GroupBy(p => p.Kind.Name + "|" + p.Kind.DeclaringTreaty)
            .Select(g => new KindGroupView(escape.Text(g.First().Kind.ToString().Split('(')[0]), KindTitle(g.First().Kind), g.Select(p => p.View).ToList()))
            .ToList();
        return new TreatyView(
            escape.Text(treaty.Name),
            T(treaty.Title),
            escape.Text(treaty.Reference),
            escape.Text(treaty.Version ?? string.Empty),
            G(treaty.Description),
            TreatyPage(treaty.Name),
            treaty.Languages.Select(escape.Text).ToList(),
            groups,
            treaty.Safeguards.Select((s, i) => (s, i)).Where(p => p.s.RefusalGround == RefusalGround.Mandatory).Select(p => safeguards[p.i]).ToList(),
            treaty.Safeguards.Select((s, i) => (s, i)).Where(p => p.s.RefusalGround == RefusalGround.Optional).Select(p => safeguards[p.i]).ToList(),
            treaty.Facts.Select(Question).ToList(),
            treaty.Kinds.Select(k => new KindView(escape.Text(k.Name.ToString()), T(k.Title), G(k.Description))).ToList(),
            treaty.Instruments.Select(i => new InstrumentView(escape.Text(i.Name.ToString()), T(i.Title), escape.Text(i.Reference ?? string.Empty))).ToList(),
            treaty.Profiles.Select(Profile).ToList(),
            treaty.Measures.Select(Measure).ToList(),
            Coverage(treaty),
            treaty.Checklists.Select(c => Checklist(treaty, c)).ToList(),
            model.Reports
                .Where(r => r.Comparison.Name.Treaty == treaty.Name || r.Comparison.Instrument.Treaty == treaty.Name || r.Baseline.Name.Treaty == treaty.Name)
                .Select(r => new LinkView(T(r.Comparison.Title), model.ComparisonPage(r.Comparison.Name)))
                .ToList());
    }

    /// <param name="report">The comparison's report.</param>
    /// <param name="standalone">Whether the page stands alone (a report written by <c>safeguard compare</c>): then it links to no other page.</param>
    public ComparisonView Comparison(ComparisonReport report, bool standalone = false)
    {
        var comparison = report.Comparison;
        var instrument = model.FindTreaty(comparison.Instrument.Treaty);
        var treaties = new[] { comparison.Instrument.Treaty, report.Baseline.Name.Treaty, comparison.Name.Treaty }
            .Distinct(StringComparer.Ordinal)
            .Select(model.FindTreaty)
            .Where(t => t is not null)
            .Select(t => new LinkView(T(t!.Title), standalone ? string.Empty : TreatyPage(t.Name)))
            .ToList();
        var judgements = report.Rows.Select(row => Judgement(row, standalone)).ToList();
        return new ComparisonView(
            escape.Text(comparison.Name.ToString()),
            T(comparison.Title),
            G(comparison.Description),
            standalone ? string.Empty : model.ComparisonPage(comparison.Name),
            escape.Text(comparison.InstrumentReference) + (instrument is null ? string.Empty : " (" + T(instrument.Title) + ")"),
            T(report.Baseline.Title),
            G(report.Baseline.Description),
            treaties,
            judgements.Where((_, i) => report.Rows[i].IsGap).ToList(),
            judgements.Where((_, i) => !report.Rows[i].IsGap).ToList(),
            comparison.Excess.Select(e => new ExcessView(escape.Text(e.Name), T(e.Title), e.Citations.Select(Citation).ToList(), ComparisonReport.Describe(ComparisonReport.VerificationOf(e.Citations)), T(e.Rationale))).ToList(),
            report.Grounds.Select(r => new GroundView(T(r.Requirement.Title), ComparisonReport.Describe(r.Requirement.Ground), ComparisonReport.Describe(r.Judgement.Ground), ComparisonWords.Keyword(r.Judgement.Relationship), ComparisonReport.Describe(r.Judgement.Relationship))).ToList(),
            report.Summary.Select(c => new CountView(ComparisonWords.Keyword(c.Relationship), ComparisonReport.Describe(c.Relationship), c.Count)).ToList(),
            escape.Text(report.VerificationSummary));
    }

    private JudgementView Judgement(ComparisonRow row, bool standalone)
    {
        var judgement = row.Judgement;
        var gap = T(judgement.Gap);
        if (gap.Length == 0 && judgement.Relationship == Relationship.Absent)
        {
            gap = "The whole requirement.";
        }

        return new JudgementView(
            escape.Text(row.Requirement.Name),
            T(row.Requirement.Title),
            ComparisonWords.Keyword(judgement.Relationship),
            ComparisonReport.Describe(judgement.Relationship),
            row.Requirement.Citations.Select(Citation).ToList(),
            ComparisonReport.Describe(row.BaselineVerification),
            row.Counterparts.Select(s => new LinkView(T(s.Title), standalone ? string.Empty : SafeguardPage(s.Name))).ToList(),
            judgement.Citations.Select(Citation).ToList(),
            ComparisonReport.Describe(row.InstrumentVerification),
            T(judgement.Rationale),
            gap,
            judgement.Hedges.Select(h => escape.Text(h.Describe())).ToList(),
            row.Requirement.Ground is null ? string.Empty : ComparisonReport.Describe(row.Requirement.Ground),
            row.Requirement.Ground is null ? string.Empty : ComparisonReport.Describe(judgement.Ground));
    }

    private string KindTitle(KindUse kind)
    {
        if (kind.IsBuiltIn)
        {
            return escape.Text(BuiltInKinds.Find(kind.Name)?.Title ?? kind.Name);
        }

        var custom = model.FindKind(new QualifiedName(kind.DeclaringTreaty!, kind.Name));
        return custom is null ? escape.Text(kind.Name) : T(custom.Title);
    }

    private string SafeguardPage(QualifiedName name) => TreatyPage(name.Treaty) + "#" + Anchor(name.Name);

    public SafeguardView Safeguard(Safeguard safeguard, string page) => new(
        escape.Text(safeguard.Name.ToString()),
        Anchor(safeguard.Name.Name),
        T(safeguard.Title),
        escape.Text(string.Join(", ", safeguard.Kinds.Select(k => k.ToString()))),
        safeguard.Severity == Severity.Blocking ? "blocking" : "advisory",
        safeguard.RefusalGround switch
        {
            RefusalGround.Mandatory => "mandatory",
            RefusalGround.Optional => "optional",
            _ => string.Empty,
        },
        safeguard.Citations.Select(Citation).ToList(),
        safeguard.Questions.Select(Question).ToList(),
        Applicability(safeguard),
        safeguard.Exceptions.Select(e => new ExceptionView(escape.Text(e.Name), e.Priority, Words(e.When.Expression), e.Outcome switch
        {
            ExceptionOutcome.Satisfied => "satisfied",
            ExceptionOutcome.NotSatisfied => "not satisfied",
            _ => "not applicable",
        }, T(e.Because))).ToList(),
        G(safeguard.Guidance),
        page + "#" + Anchor(safeguard.Name.Name),
        safeguard.Basis switch
        {
            Basis.Treaty => "treaty text",
            Basis.HumanRightsLaw => "human-rights law",
            Basis.Policy => "policy",
            _ => "not stated",
        },
        safeguard.Hedges.Select(h => escape.Text(h.Describe())).ToList());

    private CitationView Citation(Citation citation) => new(
        escape.Text(citation.Display),
        citation.Verified,
        escape.Text(citation.Note ?? string.Empty),
        escape.Text(citation.Source ?? string.Empty),
        citation.Quotes.Select(q => new QuoteView(escape.Text(q.Language), escape.Text(q.Text))).ToList());

    private QuestionView Question(Question question) => new(
        escape.Text(question.Key.ToString()),
        T(question.Ask),
        escape.Text(question.Type.ToString()),
        question.Options.Select(o => T(o.Label)).ToList(),
        question.Criterion is null ? string.Empty : Criterion(question),
        G(question.Guidance));

    private string Criterion(Question question)
    {
        var criterion = question.Criterion!;
        string Labels() => string.Join(", ", criterion.Options.Select(o => "“" + OptionLabel(question, o) + "”"));
        return criterion.Kind switch
        {
            CriterionKind.Yes => "yes",
            CriterionKind.No => "no",
            CriterionKind.Provided => question.Type.IsList ? "at least one entry" : "evidence is given",
            CriterionKind.Empty => "none",
            CriterionKind.AnyOf => (question.Type.IsList ? "includes one of " : "one of ") + Labels(),
            CriterionKind.NoneOf => "none of " + Labels(),
            _ => Comparison(criterion.Operator!) + " " + escape.Text(criterion.Operand!.Value),
        };
    }

    private string OptionLabel(Question question, string option) => T(question.Options.FirstOrDefault(o => o.Name == option)?.Label ?? LocalizedText.Plain(option));

    private static string Comparison(string op) => op switch
    {
        ">=" => "at least",
        "<=" => "at most",
        ">" => "more than",
        "<" => "less than",
        "!=" => "not",
        _ => "exactly",
    };

    private string Applicability(Safeguard safeguard)
    {
        var parts = new List<string>();
        if (safeguard.When is not null)
        {
            parts.Add("Applies only when " + Words(safeguard.When.Expression) + ".");
        }

        if (safeguard.Unless is not null)
        {
            parts.Add("Does not apply when " + Words(safeguard.Unless.Expression) + ".");
        }

        return string.Join(" ", parts);
    }

    private Question? Find(QuestionKey key) => model.FindQuestion(key);

    private string Asked(QuestionKey key) => "the answer to “" + T(Find(key)?.Ask ?? LocalizedText.Plain(key.ToString())) + "”";

    /// <summary>A condition in plain words: the questions quoted, the options by their labels.</summary>
    public string Words(Expression expression) => expression switch
    {
        QuestionReference q => Asked(q.Key) + " is yes",
        Literal l => Value(null, l),
        NotExpression { Operand: QuestionReference q } => Asked(q.Key) + " is no",
        NotExpression n => "it is not the case that " + Words(n.Operand),
        LogicalExpression l => string.Join(l.Operator == LogicalOperator.And ? " and " : " or ", l.Operands.Select(operand => Grouped(operand, l.Operator))),
        BinaryExpression { Left: QuestionReference left } b => Asked(left.Key) + " is " + Relation(b.Operator) + Operand(left, b.Right),
        InExpression { Operand: QuestionReference q } i => Asked(q.Key) + (i.Negated ? " is none of " : " is one of ") + string.Join(", ", i.Values.Select(v => Value(q, v))),
        ContainsExpression { Operand: QuestionReference q } c => Asked(q.Key) + " includes " + Value(q, c.Element),
        AnsweredExpression a => Asked(a.Operand.Key) + (a.Answered ? " is given" : " is not yet given"),
        _ => "?",
    };

    private string Grouped(Expression expression, LogicalOperator parent) =>
        expression is LogicalExpression inner && inner.Operator != parent ? "(" + Words(expression) + ")" : Words(expression);

    private static string Relation(BinaryOperator op) => op switch
    {
        BinaryOperator.GreaterOrEqual => "at least ",
        BinaryOperator.LessOrEqual => "at most ",
        BinaryOperator.Greater => "more than ",
        BinaryOperator.Less => "less than ",
        BinaryOperator.NotEqual => "not ",
        _ => string.Empty,
    };

    private string Operand(QuestionReference left, Expression right) => right is QuestionReference other ? Asked(other.Key) : right is Literal literal ? Value(left, literal) : "?";

    private string Value(QuestionReference? question, Literal literal) => literal.Type switch
    {
        Language.Binding.ValueType.Choice when question is not null && Find(question.Key) is { } q => "“" + OptionLabel(q, literal.Value) + "”",
        Language.Binding.ValueType.Text => "“" + escape.Text(literal.Value) + "”",
        _ => escape.Text(literal.Value),
    };

    private ProfileView Profile(Profile profile) => new(
        escape.Text(profile.Name.ToString()),
        Anchor(profile.Name.Name),
        T(profile.Title),
        G(profile.Description),
        profile.RequiredKinds.Select(k => "kind " + escape.Text(k.ToString()))
            .Concat(profile.RequiredSafeguards.Select(s => "safeguard " + escape.Text(s.ToString())))
            .ToList(),
        profile.Citations.Select(Citation).ToList());

    private MeasureView Measure(Measure measure) => new(
        escape.Text(measure.Name.ToString()),
        Anchor(measure.Name.Name),
        T(measure.Title),
        G(measure.Description),
        measure.Citations.Select(Citation).ToList(),
        measure.Profiles.Select(p => T(model.FindProfile(p)?.Title ?? LocalizedText.Plain(p.ToString()))).ToList(),
        measure.Safeguards.Select(s => new LinkView(T(model.FindSafeguard(s)?.Title ?? LocalizedText.Plain(s.ToString())), SafeguardPage(s))).ToList(),
        measure.Scope is null ? string.Empty : Words(measure.Scope.Expression));

    /// <summary>Measures against every kind their profiles require: which safeguards cover each, and the gaps.</summary>
    private CoverageView Coverage(Treaty treaty)
    {
        var kinds = treaty.Measures
            .SelectMany(m => m.Profiles.Select(model.FindProfile).Where(p => p is not null).SelectMany(p => p!.RequiredKinds))
            .Distinct()
            .ToList();
        var rows = new List<CoverageRowView>();
        foreach (var measure in treaty.Measures)
        {
            var required = measure.Profiles.Select(model.FindProfile).Where(p => p is not null).SelectMany(p => p!.RequiredKinds).ToList();
            var safeguards = measure.Safeguards.Select(model.FindSafeguard).Where(s => s is not null).Select(s => s!).ToList();
            var cells = kinds.Select(kind =>
            {
                var covering = safeguards.Where(s => s.Kinds.Any(k => k.Covers(kind))).ToList();
                if (covering.Count > 0)
                {
                    return new CoverageCellView("covered", string.Join(", ", covering.Select(s => T(s.Title))));
                }

                return required.Contains(kind) ? new CoverageCellView("missing", "missing") : new CoverageCellView("not-required", string.Empty);
            }).ToList();
            rows.Add(new CoverageRowView(T(measure.Title), Anchor(measure.Name.Name), cells, cells.Any(c => c.State == "missing")));
        }

        return new CoverageView(kinds.Select(k => escape.Text(k.ToString())).ToList(), rows);
    }

    public ChecklistView Checklist(Treaty treaty, Checklist checklist)
    {
        var page = ChecklistPage(checklist.Name);
        var safeguards = checklist.Safeguards.Select(model.FindSafeguard).Where(s => s is not null).Select(s => Safeguard(s!, TreatyPage(s!.Name.Treaty))).ToList();
        return new ChecklistView(
            escape.Text(checklist.Name.ToString()),
            T(checklist.Title),
            G(checklist.Description),
            page,
            T(treaty.Title),
            TreatyPage(treaty.Name),
            T(model.FindMeasure(checklist.Measure)?.Title ?? LocalizedText.Plain(checklist.Measure.ToString())),
            safeguards,
            checklist.Facts.Select(model.FindFact).Where(f => f is not null).Select(f => Question(f!)).ToList());
    }
}
