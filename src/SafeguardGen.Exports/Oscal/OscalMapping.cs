using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Emit;
using SafeguardGen.Language.Reports;

namespace SafeguardGen.Exports.Oscal;

// The runtime's namespace, SafeguardGen, encloses this one and has types of the same names: the model's win here.
using Comparison = SafeguardGen.Language.Binding.Comparison;

/// <summary>
/// A comparison as an OSCAL mapping collection. The source is the instrument under review, as the comparison
/// judges it (a judgement control per requirement, linking the instrument's provisions and counterpart safeguards);
/// the target is the baseline (a requirement control each). Each judgement becomes a map whose relationship is
/// OSCAL's (NIST IR 8477's set relations): the instrument's protection is equivalent to, a subset of, a superset of,
/// intersects with, or has no relationship to the requirement. The finer judgements survive as qualifiers and as a
/// property in the project's namespace.
/// </summary>
public static class OscalMapping
{
    /// <summary>The relationships OSCAL 1.2.1 defines for a map. Its JSON schema accepts any token, so the exporter checks against these.</summary>
    public static IReadOnlyList<string> AllowedRelationships { get; } = new[] { "equivalent-to", "equal-to", "subset-of", "superset-of", "intersects-with", "no-relationship" };

    /// <summary>
    /// Source (the instrument) to target (the requirement): an absent protection has no relationship; a weaker one
    /// is a subset of the requirement; a hedged one overlaps it without containing it; a stronger one contains it.
    /// </summary>
    public static string Relationship(Relationship relationship) => relationship switch
    {
        Language.Binding.Relationship.Absent => "no-relationship",
        Language.Binding.Relationship.Weaker => "subset-of",
        Language.Binding.Relationship.Hedged => "intersects-with",
        Language.Binding.Relationship.Equivalent => "equivalent-to",
        _ => "superset-of",
    };

    /// <summary>A mapping collection for every comparison, each report built over one index of the model.</summary>
    public static IReadOnlyList<ExportedFile> ExportAll(TreatyModel model, DateTimeOffset lastModified) =>
        ComparisonReport.BuildAll(model).Select(report => Export(model, report, lastModified)).ToList();

    private static ExportedFile Export(TreatyModel model, ComparisonReport report, DateTimeOffset lastModified)
    {
        var comparison = report.Comparison;
        var treaty = model.FindTreaty(comparison.Name.Treaty)!;
        var requirements = report.Baseline.Requirements.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var maps = comparison.Judgements.Select(j => Map(comparison, j, requirements.TryGetValue(j.Requirement, out var r) ? r : null)).ToList();
        var absent = comparison.Judgements.Where(j => j.Relationship == Language.Binding.Relationship.Absent).Select(j => OscalFormat.RequirementControl(comparison.Baseline, j.Requirement)).ToList();
        var mapping = new JsonMap
        {
            { "uuid", OscalFormat.Uuid("mapping/" + comparison.Name) },
            { "method", "human" },
            { "matching-rationale", "semantic" },
            { "status", "complete" },
            { "source-resource", new JsonMap { { "type", "catalog" }, { "href", OscalFormat.CatalogFile(comparison.Name.Treaty) }, { "remarks", OscalFormat.Markup("The judgements of comparison " + comparison.Name + ": how " + comparison.InstrumentReference + " answers each requirement.") } } },
            { "target-resource", new JsonMap { { "type", "catalog" }, { "href", OscalFormat.CatalogFile(comparison.Baseline.Treaty) }, { "remarks", OscalFormat.Markup("The requirements of baseline " + comparison.Baseline + ".") } } },
            { "maps", maps },
            {
                "target-gap-summary", absent.Count == 0 ? null : new JsonMap
                {
                    { "uuid", OscalFormat.Uuid("mapping/" + comparison.Name + "/absent") },
                    { "unmapped-controls", new List<JsonMap> { new() { { "with-ids", absent } } } },
                }
            },
        };

        var summary = " " + string.Join(", ", report.Summary.Select(c => c.Count + " " + ComparisonWords.Keyword(c.Relationship))) + ". " + report.VerificationSummary;
        var collection = new JsonMap
        {
            { "uuid", OscalFormat.Uuid("mapping-collection/" + comparison.Name) },
            {
                "metadata", OscalFormat.Metadata(comparison.Title.Text, treaty.Version, lastModified, new[]
                {
                    OscalFormat.Prop("reviews", comparison.Instrument.ToString()),
                    OscalFormat.Prop("baseline", comparison.Baseline.ToString()),
                }, (comparison.Description?.Text + summary).Trim())
            },
            {
                "provenance", new JsonMap
                {
                    { "method", "human" },
                    { "matching-rationale", "semantic" },
                    { "status", "complete" },
                    { "mapping-description", OscalFormat.Markup("Each judgement of the comparison, written by its authors in " + comparison.Location.Path.Replace('\\', '/') + ", exported by SafeguardGen. Relationships read from the instrument under review (source) to the baseline's requirement (target).") },
                }
            },
            { "mappings", new List<JsonMap> { mapping } },
            { "back-matter", OscalFormat.BackMatter(comparison.Judgements.SelectMany(j => j.Citations)) },
        };
        return new ExportedFile(comparison.Name + ".mapping.json", JsonText.Write(new JsonMap { { "mapping-collection", collection } }));
    }

    private static JsonMap Map(Comparison comparison, Judgement judgement, BaselineRequirement? requirement)
    {
        var props = new List<JsonMap> { OscalFormat.Prop("relationship", ComparisonWords.Keyword(judgement.Relationship)) };
        if (judgement.Ground is { } ground)
        {
            props.Add(OscalFormat.Prop("refusal-ground", ComparisonWords.Keyword(ground)));
        }

        props.Add(OscalFormat.Prop("verification", ComparisonReport.Describe(ComparisonReport.VerificationOf(judgement.Citations))));
        return new JsonMap
        {
            { "uuid", OscalFormat.Uuid("map/" + comparison.Name + "/" + judgement.Requirement) },
            { "relationship", Relationship(judgement.Relationship) },
            { "sources", new List<JsonMap> { new() { { "type", "control" }, { "id-ref", OscalFormat.JudgementControl(comparison.Name, judgement.Requirement) } } } },
            { "targets", new List<JsonMap> { new() { { "type", "control" }, { "id-ref", OscalFormat.RequirementControl(comparison.Baseline, judgement.Requirement) } } } },
            { "qualifiers", Qualifiers(judgement, requirement) },
            { "props", props },
            { "links", judgement.Citations.Select(OscalFormat.CitationLink).ToList() },
            { "remarks", OscalFormat.Markup(judgement.Rationale.Text) },
        };
    }

    /// <summary>
    /// What the set relation alone would lose. A weaker protection is incompatible with the requirement in what the
    /// gap names; a hedged one adds a condition (its hedges) the requirement does not have.
    /// </summary>
    private static List<JsonMap>? Qualifiers(Judgement judgement, BaselineRequirement? requirement)
    {
        var about = requirement is null ? judgement.Requirement : requirement.Title.Text;
        switch (judgement.Relationship)
        {
            case Language.Binding.Relationship.Weaker:
                return new List<JsonMap>
                {
                    Qualifier("has-incompatibility", "restricted", "Weaker than the requirement (" + about + "). " + (judgement.Gap?.Text ?? judgement.Rationale.Text)),
                };
            case Language.Binding.Relationship.Hedged:
                var hedges = judgement.Hedges.Select(h => h.Describe()).ToList();
                return new List<JsonMap>
                {
                    Qualifier("has-requirement", "restricted", "Hedged" + (hedges.Count == 0 ? string.Empty : ": " + string.Join("; ", hedges)) + ". " + (judgement.Gap?.Text ?? judgement.Rationale.Text)),
                };
            default:
                return null;
        }
    }

    private static JsonMap Qualifier(string predicate, string category, string description) => new()
    {
        { "subject", "source" },
        { "predicate", predicate },
        { "category", category },
        { "description", OscalFormat.Markup(description) },
    };
}
