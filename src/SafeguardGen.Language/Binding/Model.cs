using System;
using System.Globalization;
using System.Linq;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Binding;

// The bound model: names resolved across files, types checked. Immutable records with structural
// equality, so that every consumer (generator, docs, CLI) can cache on them.

/// <summary>Every treaty of a compilation, ordered by name.</summary>
public sealed record TreatyModel(EquatableArray<Treaty> Treaties)
{
    /// <summary>
    /// Lookups by name in constant time, for code that resolves many names (the Find methods scan). Built anew on
    /// each call and never stored in the record, so the record's equality stays structural.
    /// </summary>
    public ModelIndex CreateIndex() => new(this);

    public Treaty? FindTreaty(string name) => Treaties.FirstOrDefault(t => t.Name == name);

    public Safeguard? FindSafeguard(QualifiedName name) => FindTreaty(name.Treaty)?.Safeguards.FirstOrDefault(s => s.Name == name);

    public Measure? FindMeasure(QualifiedName name) => FindTreaty(name.Treaty)?.Measures.FirstOrDefault(s => s.Name == name);

    public Profile? FindProfile(QualifiedName name) => FindTreaty(name.Treaty)?.Profiles.FirstOrDefault(s => s.Name == name);

    public Question? FindFact(QualifiedName name) => FindTreaty(name.Treaty)?.Facts.FirstOrDefault(f => f.Owner == name);

    public Baseline? FindBaseline(QualifiedName name) => FindTreaty(name.Treaty)?.Baselines.FirstOrDefault(b => b.Name == name);
}

/// <summary>A declaration's full name: the treaty that declares it and its own name.</summary>
public sealed record QualifiedName(string Treaty, string Name)
{
    public override string ToString() => Treaty + "." + Name;
}

public sealed record Translation(string Language, string Text);

/// <summary>A text in the file's own language with its translations.</summary>
public sealed record LocalizedText(string Text, EquatableArray<Translation> Translations)
{
    public static LocalizedText Plain(string text) => new(text, default);

    public string Get(string? language) =>
        language is null ? Text : Translations.FirstOrDefault(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase))?.Text ?? Text;
}

public sealed record Treaty(
    string Name,
    string Path,
    LocalizedText Title,
    LocalizedText? Description,
    string Reference,
    string? Version,
    string? Namespace,
    string Language,
    EquatableArray<string> Translations,
    EquatableArray<string> Imports,
    EquatableArray<Instrument> Instruments,
    EquatableArray<CustomKind> Kinds,
    EquatableArray<Question> Facts,
    EquatableArray<Safeguard> Safeguards,
    EquatableArray<Measure> Measures,
    EquatableArray<Profile> Profiles,
    EquatableArray<Checklist> Checklists,
    SourceLocation Location,
    EquatableArray<Scenario> Scenarios = default,
    EquatableArray<Baseline> Baselines = default,
    EquatableArray<Comparison> Comparisons = default,
    string? Url = null)
{
    /// <summary>Every language the treaty's texts are available in, its own first.</summary>
    public EquatableArray<string> Languages => new[] { Language }.Concat(Translations).ToEquatableArray();
}

/// <summary>
/// An instrument citations can name. <see cref="Source"/> is the text its verified citations were checked against;
/// <see cref="Url"/> is the web address of its official text (http or https), or null.
/// </summary>
public sealed record Instrument(QualifiedName Name, LocalizedText Title, string? Reference, SourceLocation Location, string? Source = null, string? Url = null);

public sealed record CustomKind(QualifiedName Name, LocalizedText Title, LocalizedText? Description, SourceLocation Location);

/// <summary>A safeguard kind as used: <c>refusal-ground(mandatory)</c>. Custom kinds carry their treaty.</summary>
public sealed record KindUse(string Name, string? Qualifier, string? DeclaringTreaty)
{
    public bool IsBuiltIn => DeclaringTreaty is null;

    /// <summary>Whether this use meets a requirement: the same kind, and the same qualifier where the requirement names one.</summary>
    public bool Covers(KindUse requirement) =>
        Name == requirement.Name && DeclaringTreaty == requirement.DeclaringTreaty
        && (requirement.Qualifier is null || requirement.Qualifier == Qualifier);

    public override string ToString() => (DeclaringTreaty is null ? Name : DeclaringTreaty + "." + Name) + (Qualifier is null ? string.Empty : "(" + Qualifier + ")");
}

public enum Severity
{
    Blocking,
    Advisory,
}

public enum RefusalGround
{
    None,
    Mandatory,
    Optional,
}

/// <summary>
/// Where a safeguard's force comes from. A lawyer reads a requirement differently when it is the wording of the
/// instrument under review, a standard of human-rights law that binds the state anyway, or an advocacy position.
/// </summary>
public enum Basis
{
    /// <summary>The author did not say.</summary>
    Unstated,

    /// <summary>The wording of the instrument the safeguard belongs to.</summary>
    Treaty,

    /// <summary>A standard of international human-rights law (a covenant, a convention, its case law).</summary>
    HumanRightsLaw,

    /// <summary>A policy choice or advocacy position, not (yet) law.</summary>
    Policy,
}

/// <summary>A way a provision's wording qualifies its own obligation.</summary>
public enum HedgeKind
{
    /// <summary>"as appropriate" (in view of the nature of the power, for instance).</summary>
    AsAppropriate,

    /// <summary>"subject to" or "in accordance with" domestic law.</summary>
    SubjectToDomesticLaw,

    /// <summary>"may" where a firm obligation would say "shall".</summary>
    May,

    /// <summary>"within its means" or "to the extent possible".</summary>
    WithinMeans,
}

/// <summary>A hedge of a safeguard's provision, with the hedging words as the provision writes them.</summary>
public sealed record Hedge(HedgeKind Kind, string? Wording)
{
    public static string Keyword(HedgeKind kind) => kind switch
    {
        HedgeKind.AsAppropriate => "as-appropriate",
        HedgeKind.SubjectToDomesticLaw => "subject-to-domestic-law",
        HedgeKind.May => "may",
        _ => "within-means",
    };

    /// <summary>The hedge a keyword names (the inverse of <see cref="Keyword"/>), or null.</summary>
    public static HedgeKind? FromKeyword(string keyword)
    {
        foreach (HedgeKind kind in Enum.GetValues(typeof(HedgeKind)))
        {
            if (Keyword(kind) == keyword)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The hedge in plain words, for docs and explanations.</summary>
    public string Describe() => Kind switch
    {
        HedgeKind.AsAppropriate => "required only as appropriate",
        HedgeKind.SubjectToDomesticLaw => "subject to domestic law",
        HedgeKind.May => "permissive ('may', not 'shall')",
        _ => "required only within the state's means",
    } + (Wording is null ? string.Empty : ": \u201C" + Wording + "\u201D");
}

/// <summary>The cited wording in one language (a BCP 47 tag), as the citation's source gives it.</summary>
public sealed record Quote(string Language, string Text);

public sealed record Citation(
    QualifiedName Instrument,
    string InstrumentReference,
    string Unit,
    string? Number,
    string? Paragraph,
    string? Letter,
    bool Verified,
    string? Note,
    string? Source = null,
    EquatableArray<Quote> Quotes = default,
    string? Url = null)
{
    /// <summary>How a lawyer writes it: <c>ETS 185, Art. 15(2)(a)</c>.</summary>
    public string Display
    {
        get
        {
            if (Unit == "document")
            {
                // A report or submission cited as a whole.
                return InstrumentReference;
            }

            var unit = Unit switch
            {
                "article" => "Art. " + Number,
                "principle" => "Principle " + Number,
                "annex" => "Annex " + Number,
                _ => "Preamble",
            };
            var paragraph = Paragraph is null ? string.Empty : "(" + Paragraph + ")";
            var letter = Letter is null ? string.Empty : "(" + Letter + ")";
            return InstrumentReference + ", " + unit + paragraph + letter;
        }
    }
}

public sealed record Safeguard(
    QualifiedName Name,
    EquatableArray<KindUse> Kinds,
    LocalizedText Title,
    LocalizedText? Guidance,
    EquatableArray<Citation> Citations,
    Severity Severity,
    EquatableArray<Question> Questions,
    Condition? When,
    Condition? Unless,
    EquatableArray<ExceptionRule> Exceptions,
    SourceLocation Location,
    Basis Basis = Basis.Unstated,
    EquatableArray<Hedge> Hedges = default)
{
    public RefusalGround RefusalGround =>
        Kinds.FirstOrDefault(k => k.IsBuiltIn && k.Name == BuiltInKinds.RefusalGround)?.Qualifier switch
        {
            "mandatory" => RefusalGround.Mandatory,
            "optional" => RefusalGround.Optional,
            _ => RefusalGround.None,
        };
}

public enum ValueType
{
    YesNo,
    Choice,
    Text,
    Date,
    Number,
}

public sealed record AnswerType(ValueType Value, bool IsList)
{
    public override string ToString() => IsList ? "list of " + Describe(Value) : Describe(Value);

    public static string Describe(ValueType type) => type switch
    {
        ValueType.YesNo => "yes-no",
        ValueType.Choice => "choice",
        ValueType.Text => "text",
        ValueType.Date => "date",
        _ => "number",
    };
}

/// <summary>
/// Identifies a question across the model: a fact is <c>treaty.fact</c>, a safeguard's question is
/// <c>treaty.safeguard.question</c>.
/// </summary>
public sealed record QuestionKey(QualifiedName Owner, string? Question)
{
    public bool IsFact => Question is null;

    public override string ToString() => Question is null ? Owner.ToString() : Owner + "." + Question;
}

public sealed record AnswerOption(string Name, LocalizedText Label);

public sealed record Question(
    QuestionKey Key,
    AnswerType Type,
    LocalizedText Ask,
    LocalizedText? Guidance,
    EquatableArray<AnswerOption> Options,
    Criterion? Criterion,
    SourceLocation Location)
{
    public QualifiedName Owner => Key.Owner;

    public string Name => Key.Question ?? Key.Owner.Name;
}

public enum CriterionKind
{
    Yes,
    No,
    Provided,
    Empty,
    AnyOf,
    NoneOf,
    Compare,
}

/// <summary>The answer that satisfies a question. <see cref="Text"/> is its source form, for explanations.</summary>
public sealed record Criterion(CriterionKind Kind, string? Operator, Literal? Operand, EquatableArray<string> Options, string Text);

public enum ExceptionOutcome
{
    Satisfied,
    NotSatisfied,
    NotApplicable,
}

/// <summary>An exception to a safeguard's general rule: when it holds, it decides the outcome. Higher priority wins.</summary>
public sealed record ExceptionRule(string Name, Condition When, ExceptionOutcome Outcome, int Priority, LocalizedText? Because, SourceLocation Location);

/// <summary>A bound condition with its source text, so an explanation can quote it.</summary>
public sealed record Condition(Expression Expression, string Text);

public abstract record Expression;

public sealed record QuestionReference(QuestionKey Key, AnswerType Type) : Expression;

public sealed record Literal(ValueType Type, string Value) : Expression
{
    public decimal NumberValue => decimal.Parse(Value, NumberStyles.Number, CultureInfo.InvariantCulture);
}

public sealed record NotExpression(Expression Operand) : Expression;

/// <summary><c>and</c> or <c>or</c>.</summary>
public enum LogicalOperator
{
    And,
    Or,
}

/// <summary>A flat chain of one logical operator (see <c>LogicalExpressionSyntax</c>): depth 1 whatever its length.</summary>
public sealed record LogicalExpression(LogicalOperator Operator, EquatableArray<Expression> Operands) : Expression;

/// <summary>A comparison operator.</summary>
public enum BinaryOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right) : Expression;

public sealed record InExpression(Expression Operand, bool Negated, EquatableArray<Literal> Values) : Expression;

public sealed record ContainsExpression(Expression Operand, Literal Element) : Expression;

public sealed record AnsweredExpression(QuestionReference Operand, bool Answered) : Expression;

public sealed record Measure(
    QualifiedName Name,
    LocalizedText Title,
    LocalizedText? Description,
    EquatableArray<Citation> Citations,
    EquatableArray<QualifiedName> Profiles,
    EquatableArray<QualifiedName> Safeguards,
    SourceLocation Location,
    Condition? Scope = null);

public sealed record Profile(
    QualifiedName Name,
    LocalizedText Title,
    LocalizedText? Description,
    EquatableArray<Citation> Citations,
    EquatableArray<KindUse> RequiredKinds,
    EquatableArray<QualifiedName> RequiredSafeguards,
    SourceLocation Location);

/// <summary>
/// The unit the generator emits: a measure's safeguards plus any included ones, and the facts their conditions read.
/// </summary>
public sealed record Checklist(
    QualifiedName Name,
    LocalizedText Title,
    LocalizedText? Description,
    QualifiedName Measure,
    EquatableArray<QualifiedName> Safeguards,
    EquatableArray<QualifiedName> Facts,
    SourceLocation Location);

/// <summary>Dictionaries over a model's declarations; see <see cref="TreatyModel.CreateIndex"/>.</summary>
public sealed class ModelIndex
{
    private readonly System.Collections.Generic.Dictionary<string, Treaty> treaties = new(StringComparer.Ordinal);
    private readonly System.Collections.Generic.Dictionary<QualifiedName, Safeguard> safeguards = new();
    private readonly System.Collections.Generic.Dictionary<QualifiedName, Measure> measures = new();
    private readonly System.Collections.Generic.Dictionary<QualifiedName, Profile> profiles = new();
    private readonly System.Collections.Generic.Dictionary<QualifiedName, Question> facts = new();
    private readonly System.Collections.Generic.Dictionary<QuestionKey, Question> questions = new();
    private readonly System.Collections.Generic.Dictionary<QualifiedName, CustomKind> kinds = new();

    internal ModelIndex(TreatyModel model)
    {
        foreach (var treaty in model.Treaties)
        {
            treaties[treaty.Name] = treaty;
            foreach (var safeguard in treaty.Safeguards)
            {
                safeguards[safeguard.Name] = safeguard;
                foreach (var question in safeguard.Questions)
                {
                    questions[question.Key] = question;
                }
            }

            foreach (var measure in treaty.Measures)
            {
                measures[measure.Name] = measure;
            }

            foreach (var profile in treaty.Profiles)
            {
                profiles[profile.Name] = profile;
            }

            foreach (var fact in treaty.Facts)
            {
                facts[fact.Owner] = fact;
            }

            foreach (var kind in treaty.Kinds)
            {
                kinds[kind.Name] = kind;
            }
        }
    }

    public Treaty? FindTreaty(string name) => treaties.TryGetValue(name, out var found) ? found : null;

    public Safeguard? FindSafeguard(QualifiedName name) => safeguards.TryGetValue(name, out var found) ? found : null;

    public Measure? FindMeasure(QualifiedName name) => measures.TryGetValue(name, out var found) ? found : null;

    public Profile? FindProfile(QualifiedName name) => profiles.TryGetValue(name, out var found) ? found : null;

    public Question? FindFact(QualifiedName name) => facts.TryGetValue(name, out var found) ? found : null;

    /// <summary>A safeguard's question or a fact, by its key.</summary>
    public Question? FindQuestion(QuestionKey key) => key.IsFact ? FindFact(key.Owner) : questions.TryGetValue(key, out var found) ? found : null;

    public CustomKind? FindKind(QualifiedName name) => kinds.TryGetValue(name, out var found) ? found : null;
}

/// <summary>A decision a scenario expects; the same five as the runtime's <c>Decision</c>.</summary>
public enum ExpectedDecision
{
    Proceed,
    MayRefuse,
    MustRefuse,
    Incomplete,
    OutsideInstrument,
}

/// <summary>An outcome a scenario expects of a safeguard; the same four as the runtime's <c>SafeguardOutcome</c>.</summary>
public enum ExpectedOutcome
{
    Satisfied,
    NotSatisfied,
    NotApplicable,
    Unanswered,
}

/// <summary>How a scenario's list of questions still needed is compared with the actual list.</summary>
public enum StillNeededMatch
{
    /// <summary>The same questions, in any order.</summary>
    Exactly,

    /// <summary>At least these questions.</summary>
    Includes,

    /// <summary>None of these questions.</summary>
    Excludes,
}

/// <summary>
/// One answer a scenario gives: the question and its value(s) in canonical form (yes-no <c>yes</c>/<c>no</c>, an
/// option's name, a text, a date <c>yyyy-MM-dd</c>, a number in invariant form). A list answer may be empty.
/// <see cref="Location"/> is where it is written: in the .treaty file, or in the answers file it was read from.
/// </summary>
public sealed record ScenarioAnswer(QuestionKey Question, AnswerType Type, EquatableArray<Literal> Values, SourceLocation Location);

/// <summary><c>expect outcome persecution not-satisfied</c>.</summary>
public sealed record OutcomeExpectation(QualifiedName Safeguard, ExpectedOutcome Outcome, SourceLocation Location);

/// <summary><c>expect still-needed exactly (a.b, c)</c>.</summary>
public sealed record StillNeededExpectation(StillNeededMatch Match, EquatableArray<QuestionKey> Questions, SourceLocation Location);

/// <summary>
/// A case a lawyer writes: a checklist, answers, and what must follow. <see cref="Answers"/> holds the answers of
/// the answers file first (if any) and then the scenario's own, each question at most once (an answer written in
/// the scenario replaces the file's). Every expectation is optional, but a scenario has at least one.
/// </summary>
public sealed record Scenario(
    QualifiedName Name,
    QualifiedName Checklist,
    LocalizedText Description,
    string? AnswersFile,
    EquatableArray<ScenarioAnswer> Answers,
    ExpectedDecision? Decision,
    SourceLocation? DecisionLocation,
    EquatableArray<OutcomeExpectation> Outcomes,
    EquatableArray<StillNeededExpectation> StillNeeded,
    SourceLocation Location);

/// <summary>
/// How an instrument under review relates to one requirement of a baseline. The order is the order of a gap
/// report: the gaps first (absent, weaker, hedged), then what the instrument keeps (equivalent) or improves (stronger).
/// </summary>
public enum Relationship
{
    /// <summary>The instrument has no counterpart to the requirement.</summary>
    Absent,

    /// <summary>The instrument has a counterpart that protects less.</summary>
    Weaker,

    /// <summary>The instrument has a counterpart whose wording qualifies it where the baseline does not ("as appropriate", "subject to domestic law", "may" for "shall").</summary>
    Hedged,

    /// <summary>The instrument's counterpart protects as much as the requirement.</summary>
    Equivalent,

    /// <summary>The instrument's counterpart protects more.</summary>
    Stronger,
}

/// <summary>How firmly an instrument provides a ground for refusal.</summary>
public enum GroundStrength
{
    /// <summary>The instrument does not provide the ground.</summary>
    Absent,

    /// <summary>The requested state may refuse on the ground.</summary>
    Optional,

    /// <summary>The requested state must refuse on the ground.</summary>
    Mandatory,
}

public static class ComparisonWords
{
    public static string Keyword(Relationship relationship) => relationship switch
    {
        Relationship.Absent => "absent",
        Relationship.Weaker => "weaker",
        Relationship.Hedged => "hedged",
        Relationship.Equivalent => "equivalent",
        _ => "stronger",
    };

    /// <summary>The relationship a keyword names (the inverse of <see cref="Keyword(Relationship)"/>), or null.</summary>
    public static Relationship? RelationshipFromKeyword(string keyword)
    {
        foreach (Relationship relationship in Enum.GetValues(typeof(Relationship)))
        {
            if (Keyword(relationship) == keyword)
            {
                return relationship;
            }
        }

        return null;
    }

    public static string Keyword(GroundStrength strength) => strength switch
    {
        GroundStrength.Absent => "absent",
        GroundStrength.Optional => "optional",
        _ => "mandatory",
    };

    public static GroundStrength? StrengthFromKeyword(string keyword)
    {
        foreach (GroundStrength strength in Enum.GetValues(typeof(GroundStrength)))
        {
            if (Keyword(strength) == keyword)
            {
                return strength;
            }
        }

        return null;
    }

    /// <summary>A safeguard's refusal ground as a strength, or null when it is not a ground.</summary>
    public static GroundStrength? Strength(RefusalGround ground) => ground switch
    {
        RefusalGround.Mandatory => GroundStrength.Mandatory,
        RefusalGround.Optional => GroundStrength.Optional,
        _ => null,
    };
}

/// <summary>
/// One requirement of a baseline. <see cref="Safeguard"/> is set when the requirement is a safeguard (listed, or
/// required by a profile), <see cref="Kind"/> when it is a kind a profile requires; otherwise it was written out
/// with its own citations. <see cref="Ground"/> is its strength as a ground for refusal, or null.
/// </summary>
public sealed record BaselineRequirement(
    string Name,
    LocalizedText Title,
    LocalizedText? Description,
    EquatableArray<Citation> Citations,
    GroundStrength? Ground,
    QualifiedName? Safeguard,
    KindUse? Kind,
    SourceLocation Location);

/// <summary>A set of requirements to hold an instrument against, in the order they are written.</summary>
public sealed record Baseline(
    QualifiedName Name,
    LocalizedText Title,
    LocalizedText? Description,
    EquatableArray<BaselineRequirement> Requirements,
    SourceLocation Location);

/// <summary>
/// How the instrument under review relates to one requirement. <see cref="Citations"/> are the instrument's side:
/// the judgement's own, then those of its counterpart safeguards that cite the instrument under review.
/// <see cref="Hedges"/> are the judgement's own, or else its counterparts'. <see cref="Ground"/> is the
/// instrument's strength when the requirement is a ground for refusal, else null.
/// </summary>
public sealed record Judgement(
    string Requirement,
    Relationship Relationship,
    EquatableArray<QualifiedName> Counterparts,
    EquatableArray<Citation> Citations,
    LocalizedText Rationale,
    LocalizedText? Gap,
    EquatableArray<Hedge> Hedges,
    GroundStrength? Ground,
    SourceLocation Location);

/// <summary>A power of the instrument under review that has no counterpart in the baseline.</summary>
public sealed record ExcessPower(string Name, LocalizedText Title, EquatableArray<Citation> Citations, LocalizedText Rationale, SourceLocation Location);

/// <summary>
/// An instrument under review held against a baseline: one judgement per requirement, in the baseline's order
/// (a complete comparison; a requirement left unjudged is an error), and the powers the baseline never granted.
/// </summary>
public sealed record Comparison(
    QualifiedName Name,
    LocalizedText Title,
    LocalizedText? Description,
    QualifiedName Instrument,
    string InstrumentReference,
    QualifiedName Baseline,
    EquatableArray<Judgement> Judgements,
    EquatableArray<ExcessPower> Excess,
    SourceLocation Location);
