using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Syntax;

// The syntax tree: immutable records with exact spans and structural equality, one file's parse result.
// Optional parts are null when absent; the binder reports what a declaration is missing.

public sealed record IdentifierSyntax(string Text, TextSpan Span);

/// <summary>A possibly qualified name: <c>legality</c>, <c>common.legality</c>, <c>common.legality.basis</c>.</summary>
public sealed record NameSyntax(EquatableArray<IdentifierSyntax> Parts, TextSpan Span)
{
    /// <summary>The name as written, parts joined by '.': worked out once, since the binder reads it for every lookup.</summary>
    public string Text { get; } = Parts.Count == 1 ? Parts[0].Text : string.Join(".", System.Linq.Enumerable.Select(Parts, p => p.Text));

    public override string ToString() => Text;
}

public sealed record StringSyntax(string Value, TextSpan Span);

/// <summary>One text of a localised property: <c>title "…"</c> or <c>title@fr "…"</c>.</summary>
public sealed record TextEntrySyntax(string? Language, string Value, TextSpan Span);

/// <summary>All the entries of one localised property in a block, keyed by language (null is the file's own language).</summary>
public sealed record LocalizedTextSyntax(string Property, EquatableArray<TextEntrySyntax> Entries, TextSpan Span);

public sealed record TreatyFileSyntax(
    string Path,
    HeaderSyntax? Header,
    EquatableArray<ImportSyntax> Imports,
    EquatableArray<DeclarationSyntax> Declarations,
    bool HasSyntaxErrors);

public sealed record HeaderSyntax(
    IdentifierSyntax Name,
    LocalizedTextSyntax? Title,
    LocalizedTextSyntax? Description,
    StringSyntax? Reference,
    StringSyntax? Version,
    NameSyntax? Namespace,
    IdentifierSyntax? Language,
    EquatableArray<IdentifierSyntax> Translations,
    TextSpan Span,
    bool HasErrors,
    StringSyntax? Source = null,
    StringSyntax? Url = null);

public sealed record ImportSyntax(IdentifierSyntax Treaty, IdentifierSyntax? Alias, TextSpan Span);

public abstract record DeclarationSyntax(string Keyword, IdentifierSyntax Name, TextSpan Span, bool HasErrors);

public sealed record InstrumentSyntax(
    IdentifierSyntax Name,
    LocalizedTextSyntax? Title,
    StringSyntax? Reference,
    TextSpan Span,
    bool HasErrors,
    StringSyntax? Source = null,
    StringSyntax? Url = null) : DeclarationSyntax("instrument", Name, Span, HasErrors);

public sealed record KindSyntax(
    IdentifierSyntax Name,
    LocalizedTextSyntax? Title,
    LocalizedTextSyntax? Description,
    TextSpan Span,
    bool HasErrors) : DeclarationSyntax("kind", Name, Span, HasErrors);

public sealed record FactSyntax(QuestionSyntax Question, TextSpan Span, bool HasErrors)
    : DeclarationSyntax("fact", Question.Name, Span, HasErrors);

public sealed record SafeguardSyntax(
    IdentifierSyntax Name,
    EquatableArray<KindReferenceSyntax> Kinds,
    LocalizedTextSyntax? Title,
    LocalizedTextSyntax? Guidance,
    EquatableArray<CitationSyntax> Citations,
    IdentifierSyntax? Severity,
    EquatableArray<QuestionSyntax> Questions,
    ExpressionSyntax? When,
    ExpressionSyntax? Unless,
    EquatableArray<ExceptionSyntax> Exceptions,
    TextSpan Span,
    bool HasErrors,
    IdentifierSyntax? Basis = null,
    EquatableArray<HedgeSyntax> Hedges = default) : DeclarationSyntax("safeguard", Name, Span, HasErrors);

/// <summary><c>hedge as-appropriate "as appropriate in view of the nature of the procedure or power concerned"</c>.</summary>
public sealed record HedgeSyntax(IdentifierSyntax Kind, StringSyntax? Wording, TextSpan Span);

/// <summary><c>quote "…"</c> or <c>quote@ar "…"</c> inside a citation's block: the cited wording, in its language.</summary>
public sealed record QuoteSyntax(string? Language, StringSyntax Text, TextSpan Span);

/// <summary><c>legality</c>, <c>refusal-ground(mandatory)</c>, <c>common.fair-trial</c>.</summary>
public sealed record KindReferenceSyntax(NameSyntax Name, IdentifierSyntax? Qualifier, TextSpan Span);

/// <summary><c>cite uncc article 24 paragraph 2 letter b unverified "note"</c>.</summary>
public sealed record CitationSyntax(
    NameSyntax Instrument,
    IdentifierSyntax Unit,
    StringSyntax? Number,
    StringSyntax? Paragraph,
    IdentifierSyntax? Letter,
    IdentifierSyntax? Verification,
    StringSyntax? Note,
    TextSpan Span,
    StringSyntax? Source = null,
    EquatableArray<QuoteSyntax> Quotes = default);

public sealed record QuestionSyntax(
    IdentifierSyntax Name,
    AnswerTypeSyntax Type,
    LocalizedTextSyntax? Ask,
    LocalizedTextSyntax? Guidance,
    EquatableArray<OptionSyntax> Options,
    CriterionSyntax? Criterion,
    TextSpan Span,
    bool HasErrors);

/// <summary><c>yes-no</c>, <c>choice</c>, <c>text</c>, <c>date</c>, <c>number</c>, or <c>list of …</c> of one of these.</summary>
public sealed record AnswerTypeSyntax(IdentifierSyntax Name, IdentifierSyntax? ListElement, TextSpan Span);

public sealed record OptionSyntax(IdentifierSyntax Name, LocalizedTextSyntax? Label, TextSpan Span);

/// <summary>
/// What answer satisfies a question: <c>yes</c>, <c>no</c>, <c>provided</c>, <c>empty</c>,
/// <c>any-of a, b</c>, <c>none-of a, b</c>, or a comparison <c>&gt;= 4</c>.
/// </summary>
public sealed record CriterionSyntax(
    IdentifierSyntax? Word,
    string? Operator,
    LiteralSyntax? Operand,
    EquatableArray<IdentifierSyntax> Options,
    TextSpan Span);

public sealed record ExceptionSyntax(
    IdentifierSyntax Name,
    ExpressionSyntax? When,
    IdentifierSyntax? Outcome,
    StringSyntax? Priority,
    LocalizedTextSyntax? Because,
    TextSpan Span,
    bool HasErrors);

public sealed record MeasureSyntax(
    IdentifierSyntax Name,
    LocalizedTextSyntax? Title,
    LocalizedTextSyntax? Description,
    EquatableArray<CitationSyntax> Citations,
    EquatableArray<NameSyntax> Profiles,
    EquatableArray<NameSyntax> Safeguards,
    TextSpan Span,
    bool HasErrors,
    ExpressionSyntax? Scope = null) : DeclarationSyntax("measure", Name, Span, HasErrors);

public sealed record ProfileSyntax(
    IdentifierSyntax Name,
    LocalizedTextSyntax? Title,
    LocalizedTextSyntax? Description,
    EquatableArray<CitationSyntax> Citations,
    EquatableArray<KindReferenceSyntax> RequiredKinds,
    EquatableArray<NameSyntax> RequiredSafeguards,
    TextSpan Span,
    bool HasErrors) : DeclarationSyntax("profile", Name, Span, HasErrors);

public sealed record ChecklistSyntax(
    IdentifierSyntax Name,
    LocalizedTextSyntax? Title,
    LocalizedTextSyntax? Description,
    NameSyntax? Measure,
    EquatableArray<NameSyntax> Includes,
    TextSpan Span,
    bool HasErrors) : DeclarationSyntax("checklist", Name, Span, HasErrors);

/// <summary>
/// <c>requirement independent-supervision { title "…" cite … ground mandatory }</c>: one provision of a baseline,
/// with its own citations; <see cref="Ground"/> says it is a ground for refusal of that strength.
/// </summary>
public sealed record RequirementSyntax(
    IdentifierSyntax Name,
    LocalizedTextSyntax? Title,
    LocalizedTextSyntax? Description,
    EquatableArray<CitationSyntax> Citations,
    IdentifierSyntax? Ground,
    TextSpan Span,
    bool HasErrors);

/// <summary>
/// A set of requirements to hold an instrument against: the requirements of profiles (each kind and safeguard it
/// requires), safeguards, and requirements written out with their own citations.
/// </summary>
public sealed record BaselineSyntax(
    IdentifierSyntax Name,
    LocalizedTextSyntax? Title,
    LocalizedTextSyntax? Description,
    EquatableArray<NameSyntax> Profiles,
    EquatableArray<NameSyntax> Safeguards,
    EquatableArray<RequirementSyntax> Requirements,
    TextSpan Span,
    bool HasErrors) : DeclarationSyntax("baseline", Name, Span, HasErrors);

/// <summary>
/// <c>judge independent-supervision hedged { counterpart uncc.independent-review rationale "…" gap "…" }</c>: how
/// the instrument under review relates to one requirement of the baseline.
/// </summary>
public sealed record JudgementSyntax(
    IdentifierSyntax Requirement,
    IdentifierSyntax Relationship,
    EquatableArray<NameSyntax> Counterparts,
    EquatableArray<CitationSyntax> Citations,
    LocalizedTextSyntax? Rationale,
    LocalizedTextSyntax? Gap,
    EquatableArray<HedgeSyntax> Hedges,
    IdentifierSyntax? Ground,
    TextSpan Span,
    bool HasErrors);

/// <summary><c>excess any-criminal-offence { title "…" cite … rationale "…" }</c>: a power with no counterpart in the baseline.</summary>
public sealed record ExcessPowerSyntax(
    IdentifierSyntax Name,
    LocalizedTextSyntax? Title,
    EquatableArray<CitationSyntax> Citations,
    LocalizedTextSyntax? Rationale,
    TextSpan Span,
    bool HasErrors);

/// <summary>An instrument under review held against a baseline: a judgement per requirement, and the excess powers.</summary>
public sealed record ComparisonSyntax(
    IdentifierSyntax Name,
    LocalizedTextSyntax? Title,
    LocalizedTextSyntax? Description,
    NameSyntax? Reviews,
    NameSyntax? Baseline,
    EquatableArray<JudgementSyntax> Judgements,
    EquatableArray<ExcessPowerSyntax> Excess,
    TextSpan Span,
    bool HasErrors) : DeclarationSyntax("comparison", Name, Span, HasErrors);

// Conditions.

public abstract record ExpressionSyntax(TextSpan Span);

public sealed record NameExpressionSyntax(NameSyntax Name) : ExpressionSyntax(Name.Span);

public enum LiteralKind
{
    Yes,
    No,
    Number,
    Text,
    Date,
}

public sealed record LiteralSyntax(LiteralKind Kind, string Value, TextSpan Span) : ExpressionSyntax(Span);

public sealed record NotExpressionSyntax(ExpressionSyntax Operand, TextSpan Span) : ExpressionSyntax(Span);

/// <summary>A comparison: <c>q == x</c>, <c>q &lt; 4</c> and the like.</summary>
public sealed record BinaryExpressionSyntax(string Operator, ExpressionSyntax Left, ExpressionSyntax Right, TextSpan Span) : ExpressionSyntax(Span);

/// <summary>
/// <c>a and b and c</c> or <c>a or b or c</c>: a chain of one operator, kept flat so that a chain of any length is
/// one level deep and no stage recurses in proportion to its length. Mixed chains nest by precedence.
/// </summary>
public sealed record LogicalExpressionSyntax(string Operator, EquatableArray<ExpressionSyntax> Operands, TextSpan Span) : ExpressionSyntax(Span);

/// <summary><c>x in (a, b)</c> and <c>x not in (a, b)</c>: membership of a choice or value in a set.</summary>
public sealed record InExpressionSyntax(ExpressionSyntax Operand, bool Negated, EquatableArray<ExpressionSyntax> Values, TextSpan Span) : ExpressionSyntax(Span);

/// <summary><c>grounds contains race</c>: a list answer holds an element.</summary>
public sealed record ContainsExpressionSyntax(ExpressionSyntax Operand, ExpressionSyntax Element, TextSpan Span) : ExpressionSyntax(Span);

/// <summary><c>q is answered</c> / <c>q is unanswered</c>.</summary>
public sealed record AnsweredExpressionSyntax(ExpressionSyntax Operand, bool Answered, TextSpan Span) : ExpressionSyntax(Span);

/// <summary>Stands where a condition could not be parsed; already reported.</summary>
public sealed record ErrorExpressionSyntax(TextSpan Span) : ExpressionSyntax(Span);

/// <summary>
/// An answer's value in a scenario: one item (<c>yes</c>, <c>5</c>, <c>2024-01-31</c>, <c>"text"</c>, an option's
/// name) or a parenthesised list (<c>(sex, race)</c>, <c>()</c>). Items are literals or one-part names.
/// </summary>
public sealed record ScenarioValueSyntax(bool IsList, EquatableArray<ExpressionSyntax> Items, TextSpan Span);

/// <summary><c>answer persecution.grounds (political-opinion)</c>.</summary>
public sealed record ScenarioAnswerSyntax(NameSyntax Question, ScenarioValueSyntax Value, TextSpan Span);

/// <summary>
/// <c>expect decision must-refuse</c>, <c>expect outcome persecution holds</c> or
/// <c>expect still-needed exactly (a.b, c)</c>: <see cref="Word"/> is the decision, the outcome or the comparison.
/// </summary>
public sealed record ExpectationSyntax(string Kind, NameSyntax? Safeguard, IdentifierSyntax Word, EquatableArray<NameSyntax> Questions, TextSpan Span);

public sealed record ScenarioSyntax(
    IdentifierSyntax Name,
    NameSyntax? Checklist,
    LocalizedTextSyntax? Description,
    StringSyntax? AnswersFrom,
    EquatableArray<ScenarioAnswerSyntax> Answers,
    EquatableArray<ExpectationSyntax> Expectations,
    TextSpan Span,
    bool HasErrors) : DeclarationSyntax("scenario", Name, Span, HasErrors);
