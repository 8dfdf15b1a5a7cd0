using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Emit;
using SafeguardGen.Language.Text;
using SafeguardGen.Scenarios;

namespace SafeguardGen.Exports.Oscal;

// The runtime's namespace, SafeguardGen, encloses this one and has types of the same names: the model's win here.
using Citation = SafeguardGen.Language.Binding.Citation;
using LocalizedText = SafeguardGen.Language.Binding.LocalizedText;
using Scenario = SafeguardGen.Language.Binding.Scenario;

/// <summary>
/// An assessment as OSCAL assessment results: the checklist's answers (a request file, as scenarios read them)
/// decided by the same runtime the generated checklists use, with a finding per safeguard and the decision with its
/// explanation. OSCAL's objective status has two states; the four outcomes keep their meaning through the
/// project's <c>outcome</c> property: not applicable is "satisfied" for reason "other", unanswered is
/// "not-satisfied" for reason "other". For a ground for refusal the finding says in words whether the ground applies.
/// </summary>
public static class OscalResults
{
    public static (ExportedFile? File, EquatableArray<Diagnostic> Diagnostics) Export(TreatyModel model, Checklist checklist, string answersPath, string answersText, DateTimeOffset assessedAt)
    {
        var (answers, diagnostics) = RequestFiles.Read(model, checklist, answersPath, answersText, "this export");
        if (!diagnostics.IsEmpty)
        {
            return (null, diagnostics);
        }

        var slice = ChecklistSlice.From(model).Single(s => s.Id == checklist.Name.ToString());
        var layout = new ChecklistLayout(slice);
        var request = new Scenario(checklist.Name with { Name = "assessment" }, checklist.Name, LocalizedText.Plain(string.Empty), answersPath, answers, null, null, default, default, SourceLocation.None);
        var assessment = ScenarioRunner.Run(ModelScenarios.From(ScenarioLowering.Lower(request, layout)), ModelRules.Build(slice)).Assessment!;

        var index = model.CreateIndex();
        var treaty = index.FindTreaty(checklist.Name.Treaty)!;
        var name = "results/" + checklist.Name + "/" + answersText.Replace("\r\n", "\n");
        var findings = new List<JsonMap>();
        var citations = new List<Citation>();
        foreach (var result in assessment.Safeguards)
        {
            var safeguard = index.FindSafeguard(Qualified(result.Safeguard.Id))!;
            citations.AddRange(safeguard.Citations);
            findings.Add(Finding(name, checklist.Name.Treaty, safeguard, result));
        }

        var stillNeeded = assessment.StillNeeded.Select(q => q.Ask.Text).ToList();
        var file = answersPath.Replace('\\', '/');
        var document = new JsonMap
        {
            { "uuid", OscalFormat.Uuid(name) },
            {
                "metadata", OscalFormat.Metadata("Assessment: " + checklist.Title.Text, treaty.Version, assessedAt, new[]
                {
                    OscalFormat.Prop("checklist", checklist.Name.ToString()),
                    OscalFormat.Prop("decision", Keyword(assessment.Decision)),
                })
            },
            {
                "import-ap", new JsonMap
                {
                    { "href", Uri.EscapeDataString(System.IO.Path.GetFileName(file)) },
                    { "remarks", OscalFormat.Markup("SafeguardGen writes no assessment plan: checklist " + checklist.Name + " is the plan, and this is the file of its answers.") },
                }
            },
            {
                "results", new List<JsonMap>
                {
                    new()
                    {
                        { "uuid", OscalFormat.Uuid(name + "/result") },
                        { "title", OscalFormat.Markup(Describe(assessment.Decision)) },
                        { "description", OscalFormat.Markup(string.Join("\n\n", assessment.Explanation)) },
                        { "start", OscalFormat.Timestamp(assessedAt) },
                        { "props", new List<JsonMap> { OscalFormat.Prop("decision", Keyword(assessment.Decision)) } },
                        {
                            "reviewed-controls", new JsonMap
                            {
                                { "control-selections", new List<JsonMap> { new() { { "include-controls", assessment.Safeguards.Select(r => new JsonMap { { "control-id", OscalFormat.SafeguardControl(Qualified(r.Safeguard.Id)) } }).ToList() } } } },
                            }
                        },
                        { "findings", findings },
                        { "remarks", stillNeeded.Count == 0 ? null : OscalFormat.Markup("Still needed to decide: " + string.Join(" ", stillNeeded)) },
                    }
                }
            },
            { "back-matter", OscalFormat.BackMatter(citations) },
        };
        return (new ExportedFile(System.IO.Path.GetFileNameWithoutExtension(file) + ".results.json", JsonText.Write(new JsonMap { { "assessment-results", document } })), default);
    }

    private static QualifiedName Qualified(string id)
    {
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        return new QualifiedName(id.Substring(0, dot), id.Substring(dot + 1));
    }

    private static JsonMap Finding(string name, string fromTreaty, Safeguard safeguard, SafeguardResult result)
    {
        var (state, reason) = result.Outcome switch
        {
            SafeguardOutcome.Satisfied => ("satisfied", "pass"),
            SafeguardOutcome.NotSatisfied => ("not-satisfied", "fail"),
            SafeguardOutcome.NotApplicable => ("satisfied", "other"),
            _ => ("not-satisfied", "other"),
        };
        var props = new List<JsonMap> { OscalFormat.Prop("outcome", Outcome(result.Outcome)) };
        var ground = result.Safeguard.RefusalGround != RefusalGroundKind.None;
        if (ground)
        {
            props.Add(OscalFormat.Prop("ground", result.Outcome switch
            {
                SafeguardOutcome.NotSatisfied => "applies",
                SafeguardOutcome.Unanswered => "not-yet-known",
                _ => "does-not-apply",
            }));
        }

        var said = (ground, result.Outcome) switch
        {
            (true, SafeguardOutcome.NotSatisfied) => "The ground for refusal applies.",
            (true, SafeguardOutcome.Unanswered) => "Whether the ground for refusal applies is not yet known.",
            (true, SafeguardOutcome.NotApplicable) => "The ground for refusal is not relevant to this request.",
            (true, _) => "The ground for refusal does not apply.",
            (false, SafeguardOutcome.Satisfied) => "The safeguard is met.",
            (false, SafeguardOutcome.NotSatisfied) => "The safeguard is not met.",
            (false, SafeguardOutcome.NotApplicable) => "The safeguard does not apply to this request.",
            _ => "Whether the safeguard is met is not yet known.",
        };
        var links = new List<JsonMap> { new() { { "href", OscalFormat.ControlHref(string.Empty, safeguard.Name.Treaty, OscalFormat.SafeguardControl(safeguard.Name)) }, { "rel", "control" } } };
        links.AddRange(safeguard.Citations.Select(OscalFormat.CitationLink));
        return new JsonMap
        {
            { "uuid", OscalFormat.Uuid(name + "/finding/" + safeguard.Name) },
            { "title", OscalFormat.Markup(safeguard.Title.Text) },
            { "description", OscalFormat.Markup(said + " " + result.Reason) },
            { "props", props },
            { "links", links },
            {
                "target", new JsonMap
                {
                    { "type", "objective-id" },
                    { "target-id", OscalFormat.Objective(safeguard.Name) },
                    { "status", new JsonMap { { "state", state }, { "reason", reason } } },
                    { "remarks", result.UnansweredQuestions.Count == 0 ? null : OscalFormat.Markup("Unanswered: " + string.Join(" ", result.UnansweredQuestions.Select(q => q.Ask.Text))) },
                }
            },
        };
    }

    public static string Keyword(Decision decision) => decision switch
    {
        Decision.Proceed => "proceed",
        Decision.MayRefuse => "may-refuse",
        Decision.MustRefuse => "must-refuse",
        Decision.Incomplete => "incomplete",
        _ => "outside-instrument",
    };

    private static string Describe(Decision decision) => decision switch
    {
        Decision.Proceed => "Decision: the request may proceed",
        Decision.MayRefuse => "Decision: the request may be refused",
        Decision.MustRefuse => "Decision: the request must be refused",
        Decision.Incomplete => "Decision: not yet possible; answers are still needed",
        _ => "Decision: the instrument does not govern this request",
    };

    private static string Outcome(SafeguardOutcome outcome) => outcome switch
    {
        SafeguardOutcome.Satisfied => "satisfied",
        SafeguardOutcome.NotSatisfied => "not-satisfied",
        SafeguardOutcome.NotApplicable => "not-applicable",
        _ => "unanswered",
    };
}
