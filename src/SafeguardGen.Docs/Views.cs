using System.Collections.Generic;
using System.Linq;

namespace SafeguardGen.Docs;

// What templates see. Every string is already escaped for the output format, so neither a default nor a
// custom template can let author text inject markup. Scriban exposes members in snake_case (title, anchor,
// safeguards_by_kind...).

public sealed record SiteView(string Language, IReadOnlyList<LanguageLinkView> Languages, IReadOnlyList<TreatyView> Treaties, string Generator, IReadOnlyList<ComparisonView>? Comparisons = null)
{
    /// <summary>Every comparison of the model, by qualified name.</summary>
    public IReadOnlyList<ComparisonView> Comparisons { get; init; } = Comparisons ?? [];
}

public sealed record LanguageLinkView(string Tag, string Page, bool Current);

public sealed record TreatyView(
    string Name,
    string Title,
    string Reference,
    string Version,
    string Description,
    string Page,
    IReadOnlyList<string> Languages,
    IReadOnlyList<KindGroupView> SafeguardsByKind,
    IReadOnlyList<SafeguardView> MandatoryGrounds,
    IReadOnlyList<SafeguardView> OptionalGrounds,
    IReadOnlyList<QuestionView> Facts,
    IReadOnlyList<KindView> Kinds,
    IReadOnlyList<InstrumentView> Instruments,
    IReadOnlyList<ProfileView> Profiles,
    IReadOnlyList<MeasureView> Measures,
    CoverageView Coverage,
    IReadOnlyList<ChecklistView> Checklists,
    IReadOnlyList<LinkView>? Comparisons = null)
{
    /// <summary>The comparisons that review this treaty's instrument, hold it as a baseline, or are declared in it.</summary>
    public IReadOnlyList<LinkView> Comparisons { get; init; } = Comparisons ?? [];

    public int SafeguardCount => SafeguardsByKind.Sum(g => g.Safeguards.Count);
}

public sealed record KindView(string Id, string Title, string Description);

public sealed record InstrumentView(string Id, string Title, string Reference);

public sealed record KindGroupView(string Kind, string Title, IReadOnlyList<SafeguardView> Safeguards);

public sealed record SafeguardView(
    string Id,
    string Anchor,
    string Title,
    string Kinds,
    string Severity,
    string RefusalGround,
    IReadOnlyList<CitationView> Citations,
    IReadOnlyList<QuestionView> Questions,
    string Applicability,
    IReadOnlyList<ExceptionView> Exceptions,
    string Guidance,
    string Page,
    string Basis = "",
    IReadOnlyList<string>? Hedges = null)
{
    /// <summary>How the provision's wording qualifies the obligation, in plain words; empty when it does not.</summary>
    public IReadOnlyList<string> Hedges { get; init; } = Hedges ?? [];
}

/// <summary>A citation; <see cref="Quotes"/> hold the cited wording, each with its language tag.</summary>
public sealed record CitationView(string Text, bool Verified, string Note, string Source = "", IReadOnlyList<QuoteView>? Quotes = null)
{
    /// <summary>The cited wording, in the languages quoted.</summary>
    public IReadOnlyList<QuoteView> Quotes { get; init; } = Quotes ?? [];
}

/// <summary>The wording of a provision: the language tag (for <c>lang</c>) and the text.</summary>
public sealed record QuoteView(string Language, string Text);

public sealed record QuestionView(string Id, string Ask, string Type, IReadOnlyList<string> Options, string SatisfiedBy, string Guidance);

public sealed record ExceptionView(string Name, int Priority, string When, string Outcome, string Because);

public sealed record ProfileView(string Id, string Anchor, string Title, string Description, IReadOnlyList<string> Requirements, IReadOnlyList<CitationView> Citations);

/// <summary>A measure; <see cref="Scope"/> is the condition under which the instrument governs it, in words, or empty.</summary>
public sealed record MeasureView(string Id, string Anchor, string Title, string Description, IReadOnlyList<CitationView> Citations, IReadOnlyList<string> Profiles, IReadOnlyList<LinkView> Safeguards, string Scope = "");

public sealed record LinkView(string Text, string Href);

public sealed record CoverageView(IReadOnlyList<string> Kinds, IReadOnlyList<CoverageRowView> Rows);

public sealed record CoverageRowView(string Measure, string Anchor, IReadOnlyList<CoverageCellView> Cells, bool HasGaps);

/// <summary>State is "covered", "missing" or "not-required"; Text names the safeguards that cover the kind.</summary>
public sealed record CoverageCellView(string State, string Text);

public sealed record ChecklistView(
    string Id,
    string Title,
    string Description,
    string Page,
    string TreatyTitle,
    string TreatyPage,
    string Measure,
    IReadOnlyList<SafeguardView> Safeguards,
    IReadOnlyList<QuestionView> Facts);

/// <summary>
/// A comparison as a gap report. <see cref="Gaps"/> (absent, then weaker, then hedged) and <see cref="Kept"/>
/// (equivalent, then stronger) hold the judgements in report order; <see cref="Grounds"/> the grounds for refusal in
/// the baseline's order; <see cref="Summary"/> a count per relationship, in report order.
/// </summary>
public sealed record ComparisonView(
    string Id,
    string Title,
    string Description,
    string Page,
    string Instrument,
    string BaselineTitle,
    string BaselineDescription,
    IReadOnlyList<LinkView> Treaties,
    IReadOnlyList<JudgementView> Gaps,
    IReadOnlyList<JudgementView> Kept,
    IReadOnlyList<ExcessView> Excess,
    IReadOnlyList<GroundView> Grounds,
    IReadOnlyList<CountView> Summary,
    string Verification);

/// <summary>
/// One requirement of the baseline beside the instrument's counterpart. <see cref="Relationship"/> is the keyword
/// (for a class or a filter), <see cref="RelationshipText"/> the words a reader sees. Verifications read
/// "verified", "partly verified", "unverified" or "no citation". Grounds are empty when the requirement is not a
/// ground for refusal.
/// </summary>
public sealed record JudgementView(
    string Requirement,
    string RequirementTitle,
    string Relationship,
    string RelationshipText,
    IReadOnlyList<CitationView> BaselineCitations,
    string BaselineVerification,
    IReadOnlyList<LinkView> Counterparts,
    IReadOnlyList<CitationView> InstrumentCitations,
    string InstrumentVerification,
    string Rationale,
    string Gap,
    IReadOnlyList<string> Hedges,
    string BaselineGround,
    string InstrumentGround);

/// <summary>A power of the instrument with no counterpart in the baseline.</summary>
public sealed record ExcessView(string Name, string Title, IReadOnlyList<CitationView> Citations, string Verification, string Rationale);

/// <summary>A ground for refusal: its strength in the baseline and in the instrument, and the relationship judged.</summary>
public sealed record GroundView(string Requirement, string Baseline, string Instrument, string Relationship, string RelationshipText);

public sealed record CountView(string Relationship, string Text, int Count);
