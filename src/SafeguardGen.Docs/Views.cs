using System.Collections.Generic;
using System.Linq;

namespace SafeguardGen.Docs;

// What templates see. Every string is already escaped for the output format, so neither a default nor a
// custom template can let author text inject markup. Scriban exposes members in snake_case (title, anchor,
// safeguards_by_kind...).

public sealed record SiteView(string Language, IReadOnlyList<LanguageLinkView> Languages, IReadOnlyList<TreatyView> Treaties, string Generator);

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
    IReadOnlyList<ChecklistView> Checklists)
{
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
