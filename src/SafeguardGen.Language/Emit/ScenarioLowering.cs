using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Emit;

/// <summary>One answer of a scenario, by the checklist's question ID, with its values as the runtime takes them.</summary>
public sealed record LoweredAnswer(string Question, bool IsList, EquatableArray<LoweredValue> Values);

public sealed record LoweredOutcome(string Safeguard, ExpectedOutcome Outcome, SourceLocation Location);

public sealed record LoweredStillNeeded(StillNeededMatch Match, EquatableArray<string> Questions, SourceLocation Location);

/// <summary>
/// A scenario in the runtime's terms: questions by their IDs in the checklist, options by position. The generator
/// emits it as data and the scenario runner builds the runtime's scenario from it, so both run the same case.
/// </summary>
public sealed record LoweredScenario(
    string Id,
    string Checklist,
    string Description,
    EquatableArray<LoweredAnswer> Answers,
    ExpectedDecision? Decision,
    SourceLocation? DecisionLocation,
    EquatableArray<LoweredOutcome> Outcomes,
    EquatableArray<LoweredStillNeeded> StillNeeded,
    SourceLocation Location);

public static class ScenarioLowering
{
    /// <summary>Every scenario whose checklist is among <paramref name="layouts"/>, in the order given.</summary>
    public static IEnumerable<LoweredScenario> Lower(IEnumerable<Scenario> scenarios, IReadOnlyDictionary<string, ChecklistLayout> layouts)
    {
        foreach (var scenario in scenarios)
        {
            if (layouts.TryGetValue(scenario.Checklist.ToString(), out var layout))
            {
                yield return Lower(scenario, layout);
            }
        }
    }

    public static LoweredScenario Lower(Scenario scenario, ChecklistLayout layout) => new(
        scenario.Name.ToString(),
        scenario.Checklist.ToString(),
        scenario.Description.Text,
        scenario.Answers.Where(a => layout.Asks(a.Question)).Select(a => Answer(a, layout)).ToEquatableArray(),
        scenario.Decision,
        scenario.DecisionLocation,
        scenario.Outcomes.Select(o => new LoweredOutcome(o.Safeguard.ToString(), o.Outcome, o.Location)).ToEquatableArray(),
        scenario.StillNeeded.Select(s => new LoweredStillNeeded(s.Match, s.Questions.Where(layout.Asks).Select(layout.Paths.Id).ToEquatableArray(), s.Location)).ToEquatableArray(),
        scenario.Location);

    private static LoweredAnswer Answer(ScenarioAnswer answer, ChecklistLayout layout)
    {
        var question = layout.Questions[layout.Position(answer.Question)];
        var values = answer.Values.Select(v => v.Type == ValueType.Choice ? ChecklistLayout.OptionOf(question, v.Value) : new LoweredValue(v.Type, v.Value, -1));
        return new LoweredAnswer(layout.Paths.Id(answer.Question), answer.Type.IsList, values.ToEquatableArray());
    }
}
