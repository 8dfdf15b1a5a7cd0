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

    /// <summary>The language's name in itself ("Français").</summary>
    public string LanguageName { get; init; } = string.Empty;

    /// <summary>"ltr" or "rtl", for the page's <c>dir</c>.</summary>
    public string Direction { get; init; } = "ltr";

    /// <summary>The day the pages were generated (yyyy-MM-dd), for the footer and the printed running header.</summary>
    public string Generated { get; init; } = string.Empty;

    /// <summary>The link to this language's index from a page of the language.</summary>
    public string Index { get; init; } = string.Empty;

    /// <summary>Whether any text of the site has no translation into this language.</summary>
    public bool Untranslated { get; init; }

    /// <summary>The treaties that are libraries: they declare no safeguard, measure or checklist of their own.</summary>
    public IReadOnlyList<TreatyView> Libraries => Treaties.Where(t => t.IsLibrary).ToList();

    /// <summary>Every kind of safeguard the treaties use, with the safeguards of each, across treaties.</summary>
    public IReadOnlyList<KindIndexView> Kinds { get; init; } = [];
}

/// <summary>A language: its tag, its name in itself, the same page in it, and whether it is the page's own.</summary>
public sealed record LanguageLinkView(string Tag, string Page, bool Current)
{
    /// <summary>The language's name in itself.</summary>
    public string Name { get; init; } = Tag;
}

/// <summary>A kind of safeguard across treaties: its title and each safeguard of that kind, linked.</summary>
public sealed record KindIndexView(string Id, string Title, IReadOnlyList<LinkView> Safeguards);

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

    /// <summary>The title without markup, for the page's <c>title</c> and the printed running header.</summary>
    public string PlainTitle { get; init; } = string.Empty;

    /// <summary>Whether the file declares no measure or checklist but safeguards, instruments, kinds or facts for others to import.</summary>
    public bool IsLibrary { get; init; }

    /// <summary>The web address of the treaty's official text, escaped for the format, or empty.</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>Whether the file has measures or checklists: a treaty the index lists as such.</summary>
    public bool IsTreaty { get; init; }

    /// <summary>What the treaty holds, in a sentence ("12 safeguards, 3 measures, 2 checklists").</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>How many of its citations are verified and quote their provision, in a sentence.</summary>
    public string Verification { get; init; } = string.Empty;

    /// <summary>Whether a text of the page has no translation into the page's language.</summary>
    public bool Untranslated { get; init; }
}

public sealed record KindView(string Id, string Title, string Description);

public sealed record InstrumentView(string Id, string Title, string Reference)
{
    /// <summary>The web address of its official text, escaped for the format, or empty.</summary>
    public string Url { get; init; } = string.Empty;
}

public sealed record KindGroupView(string Kind, string Title, IReadOnlyList<SafeguardView> Safeguards)
{
    /// <summary>The group's anchor on the treaty page.</summary>
    public string Anchor { get; init; } = string.Empty;
}

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

    /// <summary>"Mandatory ground for refusal" or "Optional ground for refusal" in the page's language, or empty.</summary>
    public string GroundText { get; init; } = string.Empty;

    /// <summary>The kinds' titles, in the page's language.</summary>
    public string KindTitles { get; init; } = string.Empty;

    /// <summary>The small line under the title: identifier, severity, basis.</summary>
    public string Meta { get; init; } = string.Empty;

    /// <summary>Where the safeguard is used: measures, profiles, checklists, comparisons.</summary>
    public IReadOnlyList<LinkView> UsedBy { get; init; } = [];
}

/// <summary>A citation; <see cref="Quotes"/> hold the cited wording, each with its language tag.</summary>
public sealed record CitationView(string Text, bool Verified, string Note, string Source = "", IReadOnlyList<QuoteView>? Quotes = null)
{
    /// <summary>"verified" or "unverified" in the page's language.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>The web address of the instrument's official text, escaped for the format, or empty.</summary>
    public string Href { get; init; } = string.Empty;

    /// <summary>What the wording was checked against, or that it was not, as a sentence in the page's language.</summary>
    public string Checked { get; init; } = string.Empty;

    /// <summary>The cited wording, in the languages quoted.</summary>
    public IReadOnlyList<QuoteView> Quotes { get; init; } = Quotes ?? [];
}

/// <summary>The wording of a provision: the language tag (for <c>lang</c>) and the text.</summary>
public sealed record QuoteView(string Language, string Text);

public sealed record QuestionView(string Id, string Ask, string Type, IReadOnlyList<string> Options, string SatisfiedBy, string Guidance)
{
    /// <summary>How to answer, as a sentence ("Answer yes or no.").</summary>
    public string AnswerText { get; init; } = string.Empty;

    /// <summary>What the answer decides, as a sentence ("The ground does not apply when the answer is: no.").</summary>
    public string Test { get; init; } = string.Empty;

    /// <summary>The boxes of the printed form: Yes / No / Unknown, or the options; empty for a written answer.</summary>
    public IReadOnlyList<string> Boxes { get; init; } = [];

    /// <summary>Whether the form leaves lines to write the answer on (text, date, number).</summary>
    public bool Written { get; init; }
}

public sealed record ExceptionView(string Name, int Priority, string When, string Outcome, string Because)
{
    /// <summary>The exception as a sentence in the page's language.</summary>
    public string Text { get; init; } = string.Empty;
}

public sealed record ProfileView(string Id, string Anchor, string Title, string Description, IReadOnlyList<string> Requirements, IReadOnlyList<CitationView> Citations);

/// <summary>A measure; <see cref="Scope"/> is the condition under which the instrument governs it, in words, or empty.</summary>
public sealed record MeasureView(string Id, string Anchor, string Title, string Description, IReadOnlyList<CitationView> Citations, IReadOnlyList<string> Profiles, IReadOnlyList<LinkView> Safeguards, string Scope = "");

public sealed record LinkView(string Text, string Href);

public sealed record CoverageView(IReadOnlyList<string> Kinds, IReadOnlyList<CoverageRowView> Rows)
{
    /// <summary>Each gap in a sentence: the measure, the kind, and the profile that requires it.</summary>
    public IReadOnlyList<string> Gaps { get; init; } = [];
}

public sealed record CoverageRowView(string Measure, string Anchor, IReadOnlyList<CoverageCellView> Cells, bool HasGaps);

/// <summary>
/// State is "covered", "missing" or "not-required"; Text names the safeguards that cover the kind. Kind is the
/// column's title, Mark what the cell shows ("✓ 2", "✗ Missing", "—").
/// </summary>
public sealed record CoverageCellView(string State, string Text)
{
    public string Kind { get; init; } = string.Empty;

    public string Mark { get; init; } = string.Empty;

    /// <summary>The covering safeguards, linked.</summary>
    public IReadOnlyList<LinkView> Safeguards { get; init; } = [];
}

public sealed record ChecklistView(
    string Id,
    string Title,
    string Description,
    string Page,
    string TreatyTitle,
    string TreatyPage,
    string Measure,
    IReadOnlyList<SafeguardView> Safeguards,
    IReadOnlyList<QuestionView> Facts)
{
    public string PlainTitle { get; init; } = string.Empty;

    /// <summary>The printable form's page.</summary>
    public string FormPage { get; init; } = string.Empty;

    /// <summary>"for the measure “…”" in the page's language.</summary>
    public string MeasureText { get; init; } = string.Empty;

    /// <summary>The rules of the decision, in the order they apply, as sentences.</summary>
    public IReadOnlyList<string> DecisionRules { get; init; } = [];

    /// <summary>The decisions the form offers to tick.</summary>
    public IReadOnlyList<string> Decisions { get; init; } = [];

    public bool Untranslated { get; init; }
}

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
    string Verification)
{
    public string PlainTitle { get; init; } = string.Empty;

    public bool Untranslated { get; init; }
}

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
