using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Scenarios;

/// <summary>One thing a scenario should exercise: a condition seen holding, an exception not firing, a decision reached.</summary>
/// <param name="Checklist">The checklist's qualified name.</param>
/// <param name="Safeguard">The safeguard's qualified name, or null for a decision.</param>
/// <param name="Description">What must be seen, in plain words.</param>
/// <param name="Location">Where the rule is written.</param>
/// <param name="Covered">Whether a scenario exercised it.</param>
public sealed record CoverageItem(string Checklist, string? Safeguard, string Description, SourcePosition Location, bool Covered);

/// <summary>What one safeguard reached: its outcomes, for the report.</summary>
public sealed record SafeguardCoverageSummary(string Safeguard, IReadOnlyList<SafeguardOutcome> Outcomes);

/// <summary>What one checklist's scenarios reached.</summary>
public sealed record ChecklistCoverageSummary(string Checklist, IReadOnlyList<Decision> Decisions, IReadOnlyList<Decision> Reachable, IReadOnlyList<SafeguardCoverageSummary> Safeguards);

/// <summary>
/// Rule coverage of the scenarios: for every checklist, each <c>when</c> and <c>unless</c> seen holding and not,
/// each exception seen firing and not, each test seen met and unmet (a <c>provided</c> text test can only be met:
/// a blank text is no answer), and each decision the checklist can reach seen reached. The percentage counts these
/// items; outcomes are reported beside them.
/// </summary>
public sealed record CoverageReport(IReadOnlyList<CoverageItem> Items, IReadOnlyList<ChecklistCoverageSummary> Checklists)
{
    public int Covered => Items.Count(i => i.Covered);

    /// <summary>The percentage of items covered, 100 when there are none.</summary>
    public decimal Percent => Items.Count == 0 ? 100m : decimal.Round(100m * Covered / Items.Count, 1, System.MidpointRounding.ToZero);

    public string Summary => "Rule coverage: " + Percent.ToString("0.0", CultureInfo.InvariantCulture) + "% (" + Covered.ToString(CultureInfo.InvariantCulture) + " of " + Items.Count.ToString(CultureInfo.InvariantCulture) + " rules)";

    /// <summary>The report for the checklists of a model, from what the runs recorded.</summary>
    public static CoverageReport Build(TreatyModel model, IReadOnlyDictionary<string, ChecklistRules> rules, RuleCoverage coverage)
    {
        var index = model.CreateIndex();
        var items = new List<CoverageItem>();
        var summaries = new List<ChecklistCoverageSummary>();
        foreach (var checklist in model.Treaties.SelectMany(t => t.Checklists).OrderBy(c => c.Name.ToString(), System.StringComparer.Ordinal))
        {
            var id = checklist.Name.ToString();
            if (!rules.TryGetValue(id, out var checklistRules))
            {
                continue;
            }

            var seen = coverage[checklistRules];
            var safeguardSummaries = new List<SafeguardCoverageSummary>();
            for (var s = 0; s < checklistRules.Safeguards.Count; s++)
            {
                var safeguardId = checklistRules.Safeguards[s].Info.Id;
                var dot = safeguardId.IndexOf('.', System.StringComparison.Ordinal);
                var safeguard = dot < 0 ? null : index.FindSafeguard(new QualifiedName(safeguardId.Substring(0, dot), safeguardId.Substring(dot + 1)));
                var safeguardSeen = seen.Safeguards[s];
                if (safeguard is null)
                {
                    continue;
                }

                var name = safeguard.Name.ToString();
                var at = ModelScenarios.Position(safeguard.Location);
                void Add(string description, SourceLocation? location, bool covered) =>
                    items.Add(new CoverageItem(id, name, description, location is null ? at : ModelScenarios.Position(location), covered));

                if (safeguard.When is not null)
                {
                    Add("'when " + safeguard.When.Text + "' holds", null, safeguardSeen.When.HasFlag(TruthSeen.True));
                    Add("'when " + safeguard.When.Text + "' does not hold", null, safeguardSeen.When.HasFlag(TruthSeen.False));
                }

                if (safeguard.Unless is not null)
                {
                    Add("'unless " + safeguard.Unless.Text + "' holds", null, safeguardSeen.Unless.HasFlag(TruthSeen.True));
                    Add("'unless " + safeguard.Unless.Text + "' does not hold", null, safeguardSeen.Unless.HasFlag(TruthSeen.False));
                }

                for (var e = 0; e < safeguard.Exceptions.Count; e++)
                {
                    var exception = safeguard.Exceptions[e];
                    Add("exception '" + exception.Name + "' fires", exception.Location, safeguardSeen.Exceptions[e].HasFlag(TruthSeen.True));
                    Add("exception '" + exception.Name + "' does not fire", exception.Location, safeguardSeen.Exceptions[e].HasFlag(TruthSeen.False));
                }

                var tests = safeguard.Questions.Where(q => q.Criterion is not null).ToList();
                for (var t = 0; t < tests.Count; t++)
                {
                    var question = tests[t];
                    Add("test '" + question.Name + " satisfied-by " + question.Criterion!.Text + "' is met", question.Location, safeguardSeen.Tests[t].HasFlag(TruthSeen.True));
                    if (!(question.Criterion.Kind == CriterionKind.Provided && !question.Type.IsList))
                    {
                        Add("test '" + question.Name + " satisfied-by " + question.Criterion.Text + "' is not met", question.Location, safeguardSeen.Tests[t].HasFlag(TruthSeen.False));
                    }
                }

                safeguardSummaries.Add(new SafeguardCoverageSummary(name, Enum<SafeguardOutcome>().Where(o => safeguardSeen.Outcomes.HasFlag((OutcomeSeen)(1 << (int)o))).ToArray()));
            }

            if (checklistRules.Scope is { } scope)
            {
                var measure = index.FindMeasure(checklist.Measure);
                var at = ModelScenarios.Position(measure?.Location ?? checklist.Location);
                items.Add(new CoverageItem(id, null, "'scope " + scope.Condition.Text + "' holds", at, seen.Scope.HasFlag(TruthSeen.True)));
                items.Add(new CoverageItem(id, null, "'scope " + scope.Condition.Text + "' does not hold", at, seen.Scope.HasFlag(TruthSeen.False)));
            }

            var reachable = Evaluator.PossibleDecisions(checklistRules);
            var reached = Enum<Decision>().Where(d => seen.Decisions.HasFlag((DecisionSeen)(1 << (int)d))).ToArray();
            foreach (var decision in reachable)
            {
                items.Add(new CoverageItem(id, null, "decision " + decision + " is reached", ModelScenarios.Position(checklist.Location), reached.Contains(decision)));
            }

            summaries.Add(new ChecklistCoverageSummary(id, reached, reachable, safeguardSummaries));
        }

        return new CoverageReport(items, summaries);
    }

    private static T[] Enum<T>()
        where T : struct, System.Enum => System.Enum.GetValues<T>();
}
