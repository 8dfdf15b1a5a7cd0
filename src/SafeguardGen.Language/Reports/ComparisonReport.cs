using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Reports;

/// <summary>A requirement of the baseline beside the judgement of the instrument under review.</summary>
public sealed record ComparisonRow(BaselineRequirement Requirement, Judgement Judgement, EquatableArray<Safeguard> Counterparts)
{
    /// <summary>Whether the relationship is a gap: absent, weaker or hedged.</summary>
    public bool IsGap => Judgement.Relationship is Relationship.Absent or Relationship.Weaker or Relationship.Hedged;

    public Verification BaselineVerification => ComparisonReport.VerificationOf(Requirement.Citations);

    public Verification InstrumentVerification => ComparisonReport.VerificationOf(Judgement.Citations);
}

/// <summary>Whether a side's citations were checked against a text.</summary>
public enum Verification
{
    /// <summary>The side cites nothing.</summary>
    NotCited,

    /// <summary>No citation of the side was checked.</summary>
    Unverified,

    /// <summary>Some of the side's citations were checked, not all.</summary>
    PartlyVerified,

    /// <summary>Every citation of the side was checked against the text it names.</summary>
    Verified,
}

public sealed record RelationshipCount(Relationship Relationship, int Count);

/// <summary>
/// A gap report: the comparison's judgements in report order (the gaps first: absent, then weaker, then hedged;
/// then equivalent and stronger; within each, the baseline's order), the grounds for refusal among them in the
/// baseline's order, and a count by relationship. Built from the bound model alone, so every shell (the CLI, the
/// docs site, an app) reports the same.
/// </summary>
public sealed record ComparisonReport(
    Comparison Comparison,
    Baseline Baseline,
    EquatableArray<ComparisonRow> Rows,
    EquatableArray<ComparisonRow> Grounds,
    EquatableArray<RelationshipCount> Summary)
{
    /// <summary>The rows whose two sides are both verified.</summary>
    public int VerifiedBothSides => Rows.Count(r => r.BaselineVerification == Verification.Verified && r.InstrumentVerification == Verification.Verified);

    /// <summary>Every citation of the report: both sides of each judgement and the excess powers'.</summary>
    public IEnumerable<Citation> Citations =>
        Rows.SelectMany(r => r.Requirement.Citations.Concat(r.Judgement.Citations)).Concat(Comparison.Excess.SelectMany(e => e.Citations));

    /// <summary>"7 of 24 citations verified; 0 of 8 judgements verified on both sides."</summary>
    public string VerificationSummary => string.Format(
        System.Globalization.CultureInfo.InvariantCulture,
        "{0} of {1} citations verified; {2} of {3} judgements verified on both sides.",
        Citations.Count(c => c.Verified),
        Citations.Count(),
        VerifiedBothSides,
        Rows.Count);

    /// <summary>The judgements whose relationship is one of <paramref name="relationships"/>, in report order.</summary>
    public IReadOnlyList<ComparisonRow> Findings(IEnumerable<Relationship> relationships)
    {
        var set = new HashSet<Relationship>(relationships);
        return Rows.Where(r => set.Contains(r.Judgement.Relationship)).ToList();
    }

    public int Count(Relationship relationship) => Summary.FirstOrDefault(c => c.Relationship == relationship)?.Count ?? 0;

    /// <summary>The report of a comparison, or null when its baseline is not in the model.</summary>
    /// <param name="model">The model holding the comparison, its baseline and its counterparts.</param>
    /// <param name="comparison">The comparison.</param>
    /// <param name="index">The model's index, when the caller has one: building it scans the whole model.</param>
    public static ComparisonReport? Build(TreatyModel model, Comparison comparison, ModelIndex? index = null)
    {
        var baseline = model.FindBaseline(comparison.Baseline);
        if (baseline is null)
        {
            return null;
        }

        index ??= model.CreateIndex();
        var requirements = baseline.Requirements.ToDictionary(r => r.Name, System.StringComparer.Ordinal);
        var order = baseline.Requirements.Select((r, i) => (r.Name, i)).ToDictionary(p => p.Name, p => p.i, System.StringComparer.Ordinal);
        var rows = comparison.Judgements
            .Where(j => requirements.ContainsKey(j.Requirement))
            .Select(j => new ComparisonRow(
                requirements[j.Requirement],
                j,
                j.Counterparts.Select(index.FindSafeguard).Where(s => s is not null).Select(s => s!).ToEquatableArray()))
            .ToList();
        var ordered = rows.OrderBy(r => (int)r.Judgement.Relationship).ThenBy(r => order[r.Requirement.Name]).ToEquatableArray();
        var grounds = rows.Where(r => r.Requirement.Ground is not null).OrderBy(r => order[r.Requirement.Name]).ToEquatableArray();
        var summary = System.Enum.GetValues(typeof(Relationship)).Cast<Relationship>()
            .Select(relationship => new RelationshipCount(relationship, rows.Count(r => r.Judgement.Relationship == relationship)))
            .ToEquatableArray();
        return new ComparisonReport(comparison, baseline, ordered, grounds, summary);
    }

    /// <summary>Every comparison of the model with its report, by qualified name.</summary>
    public static IReadOnlyList<ComparisonReport> BuildAll(TreatyModel model) => BuildAll(model, model.Treaties.SelectMany(t => t.Comparisons), null);

    /// <summary>The reports of <paramref name="comparisons"/>, by qualified name, with one index of the model for all of them.</summary>
    public static IReadOnlyList<ComparisonReport> BuildAll(TreatyModel model, IEnumerable<Comparison> comparisons, ModelIndex? index)
    {
        var list = comparisons.OrderBy(c => c.Name.ToString(), System.StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            return [];
        }

        index ??= model.CreateIndex();
        return list.Select(c => Build(model, c, index)).Where(r => r is not null).Select(r => r!).ToList();
    }

    public static Verification VerificationOf(EquatableArray<Citation> citations)
    {
        if (citations.IsEmpty)
        {
            return Verification.NotCited;
        }

        var verified = citations.Count(c => c.Verified);
        return verified == citations.Count ? Verification.Verified : verified == 0 ? Verification.Unverified : Verification.PartlyVerified;
    }

    /// <summary>The relationship in plain words, for a reader who is not a programmer.</summary>
    public static string Describe(Relationship relationship) => relationship switch
    {
        Relationship.Absent => "Absent: the instrument has no counterpart",
        Relationship.Weaker => "Weaker: the counterpart protects less",
        Relationship.Hedged => "Hedged: the counterpart is qualified",
        Relationship.Equivalent => "Equivalent: the counterpart protects as much",
        _ => "Stronger: the counterpart protects more",
    };

    public static string Describe(Verification verification) => verification switch
    {
        Verification.NotCited => "no citation",
        Verification.Unverified => "unverified",
        Verification.PartlyVerified => "partly verified",
        _ => "verified",
    };

    public static string Describe(GroundStrength? strength) => strength switch
    {
        GroundStrength.Mandatory => "mandatory (must refuse)",
        GroundStrength.Optional => "optional (may refuse)",
        GroundStrength.Absent => "absent",
        _ => "not a ground",
    };
}
