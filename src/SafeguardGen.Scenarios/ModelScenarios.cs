using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Emit;
using SafeguardGen.Language.Text;
using Runtime = SafeguardGen;

namespace SafeguardGen.Scenarios;

/// <summary>The scenarios of a bound model as the runtime's, lowered as the generator lowers them (<see cref="ScenarioLowering"/>).</summary>
public static class ModelScenarios
{
    /// <summary>Every scenario whose checklist exists, in treaty order and then declaration order.</summary>
    public static IReadOnlyList<Runtime.Scenario> From(TreatyModel model)
    {
        var layouts = ChecklistSlice.From(model).ToDictionary(s => s.Id, s => new ChecklistLayout(s), System.StringComparer.Ordinal);
        return ScenarioLowering.Lower(model.Treaties.SelectMany(t => t.Scenarios), layouts).Select(From).ToList();
    }

    public static Runtime.Scenario From(LoweredScenario scenario) => new(
        scenario.Id,
        scenario.Checklist,
        scenario.Description,
        scenario.Answers.Select(a => new GivenAnswer(a.Question, a.IsList ? AnswerValue.List(a.Values.Select(AnswerValues.Of).ToArray()) : a.Values.Count == 1 ? AnswerValues.Of(a.Values[0]) : AnswerValue.Unanswered)).ToArray(),
        scenario.Decision is { } decision ? Decision(decision) : null,
        scenario.DecisionLocation is null ? null : Position(scenario.DecisionLocation),
        scenario.Outcomes.Select(o => new OutcomeCheck(o.Safeguard, Outcome(o.Outcome), Position(o.Location))).ToArray(),
        scenario.StillNeeded.Select(s => new StillNeededCheck(Comparison(s.Match), s.Questions.ToArray(), Position(s.Location))).ToArray(),
        Position(scenario.Location));

    /// <summary>A place in the runtime's terms: the path with '/' separators, 1-based line and column.</summary>
    public static SourcePosition Position(SourceLocation location) => new(location.Path.Replace('\\', '/'), location.Start.Line, location.Start.Column);

    private static Decision Decision(ExpectedDecision decision) => decision switch
    {
        ExpectedDecision.Proceed => Runtime.Decision.Proceed,
        ExpectedDecision.MayRefuse => Runtime.Decision.MayRefuse,
        ExpectedDecision.MustRefuse => Runtime.Decision.MustRefuse,
        ExpectedDecision.OutsideInstrument => Runtime.Decision.OutsideInstrument,
        _ => Runtime.Decision.Incomplete,
    };

    private static SafeguardOutcome Outcome(ExpectedOutcome outcome) => outcome switch
    {
        ExpectedOutcome.Satisfied => SafeguardOutcome.Satisfied,
        ExpectedOutcome.NotSatisfied => SafeguardOutcome.NotSatisfied,
        ExpectedOutcome.NotApplicable => SafeguardOutcome.NotApplicable,
        _ => SafeguardOutcome.Unanswered,
    };

    private static StillNeededComparison Comparison(StillNeededMatch match) => match switch
    {
        StillNeededMatch.Exactly => StillNeededComparison.Exactly,
        StillNeededMatch.Includes => StillNeededComparison.Includes,
        _ => StillNeededComparison.Excludes,
    };
}
