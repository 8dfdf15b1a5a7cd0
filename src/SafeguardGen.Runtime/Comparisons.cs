using System;
using System.Collections.Generic;
using System.Linq;

namespace SafeguardGen;

/// <summary>How an instrument under review relates to one requirement of a baseline, in the order of a gap report.</summary>
public enum ComparisonRelationship
{
    /// <summary>The instrument has no counterpart to the requirement.</summary>
    Absent,

    /// <summary>The instrument's counterpart protects less.</summary>
    Weaker,

    /// <summary>The instrument's counterpart is qualified ("as appropriate", "subject to domestic law", "may").</summary>
    Hedged,

    /// <summary>The instrument's counterpart protects as much.</summary>
    Equivalent,

    /// <summary>The instrument's counterpart protects more.</summary>
    Stronger,
}

/// <summary>How firmly an instrument provides a ground for refusal.</summary>
public enum RefusalGroundStrength
{
    /// <summary>The instrument does not provide the ground.</summary>
    Absent,

    /// <summary>The requested state may refuse.</summary>
    Optional,

    /// <summary>The requested state must refuse.</summary>
    Mandatory,
}

/// <summary>A judgement: one requirement of the baseline beside the instrument's counterpart.</summary>
/// <param name="Requirement">The requirement's name in the baseline.</param>
/// <param name="RequirementTitle">The requirement in words.</param>
/// <param name="Relationship">How the instrument relates to it.</param>
/// <param name="BaselineCitations">Where the baseline states the requirement.</param>
/// <param name="Counterparts">The instrument's safeguards that answer it, by ID (e.g. "uncc.independent-review").</param>
/// <param name="InstrumentCitations">Where the instrument provides its counterpart.</param>
/// <param name="Rationale">Why the instrument relates so, in plain words.</param>
/// <param name="Gap">What the instrument's counterpart leaves out, or null.</param>
/// <param name="Hedges">How the counterpart's wording qualifies it.</param>
/// <param name="BaselineGround">The requirement's strength as a ground for refusal, or null when it is not one.</param>
/// <param name="InstrumentGround">The instrument's strength for that ground, or null when the requirement is not one.</param>
public sealed record JudgementInfo(
    string Requirement,
    LocalizedText RequirementTitle,
    ComparisonRelationship Relationship,
    IReadOnlyList<Citation> BaselineCitations,
    IReadOnlyList<string> Counterparts,
    IReadOnlyList<Citation> InstrumentCitations,
    LocalizedText Rationale,
    LocalizedText? Gap,
    IReadOnlyList<Hedge> Hedges,
    RefusalGroundStrength? BaselineGround,
    RefusalGroundStrength? InstrumentGround)
{
    /// <summary>Whether the judgement is a gap: absent, weaker or hedged.</summary>
    public bool IsGap => Relationship is ComparisonRelationship.Absent or ComparisonRelationship.Weaker or ComparisonRelationship.Hedged;
}

/// <summary>A power of the instrument under review that has no counterpart in the baseline.</summary>
/// <param name="Id">The power's name in the comparison.</param>
/// <param name="Title">The power in words.</param>
/// <param name="Citations">Where the instrument grants it.</param>
/// <param name="Rationale">Why it matters.</param>
public sealed record ExcessPowerInfo(string Id, LocalizedText Title, IReadOnlyList<Citation> Citations, LocalizedText Rationale);

/// <summary>A comparison of an instrument with a baseline: a judgement per requirement, gaps first, and the excess powers.</summary>
/// <param name="Id">The comparison's qualified name, e.g. "uncc-vs-budapest.uncc-against-article-15".</param>
/// <param name="Title">Its title.</param>
/// <param name="Description">What it compares, or null.</param>
/// <param name="Instrument">The reference of the instrument under review, e.g. "A/RES/79/243".</param>
/// <param name="Baseline">The baseline's qualified name.</param>
/// <param name="BaselineTitle">The baseline's title.</param>
/// <param name="Judgements">One per requirement, in report order: absent, weaker, hedged, equivalent, stronger.</param>
/// <param name="ExcessPowers">The instrument's powers with no counterpart in the baseline.</param>
public sealed record ComparisonInfo(
    string Id,
    LocalizedText Title,
    LocalizedText? Description,
    string Instrument,
    string Baseline,
    LocalizedText BaselineTitle,
    IReadOnlyList<JudgementInfo> Judgements,
    IReadOnlyList<ExcessPowerInfo> ExcessPowers)
{
    /// <summary>The judgements that are gaps (absent, then weaker, then hedged).</summary>
    public IEnumerable<JudgementInfo> Gaps => Judgements.Where(j => j.IsGap);

    /// <summary>How many requirements the instrument relates to so.</summary>
    public int Count(ComparisonRelationship relationship) => Judgements.Count(j => j.Relationship == relationship);

    /// <summary>The judgements whose relationship is one of these, for an app that fails on chosen findings.</summary>
    public IReadOnlyList<JudgementInfo> Findings(params ComparisonRelationship[] relationships) =>
        Judgements.Where(j => Array.IndexOf(relationships, j.Relationship) >= 0).ToList();
}
