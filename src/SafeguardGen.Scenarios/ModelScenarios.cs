using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Emit;
using SafeguardGen.Language.Text;
using Runtime = SafeguardGen;

namespace SafeguardGen.Scenarios;

/// <summary>The scenarios of a bound model as the runtime's, with their answers keyed by the checklist's question IDs.</summary>
public static class ModelScenarios
{
    /// <summary>Every scenario whose checklist exists, in treaty order and then declaration order.</summary>
    public static IReadOnlyList<Runtime.Scenario> From(TreatyModel model)
    {
        var layouts = ChecklistSlice.From(model).ToDictionary(s => s.Id, s => new ChecklistLayout(s), System.StringComparer.Ordinal);
        var result = new List<Runtime.Scenario>();
        foreach (var scenario in model.Treaties.SelectMany(t => t.Scenarios))
        {
            if (layouts.TryGetValue(scenario.Checklist.ToString(), out var layout))
            {
                result.Add(From(scenario, layout));
            }
        }

        return result;
    }

    public static Runtime.Scenario From(Language.Binding.Scenario scenario, ChecklistLayout layout)
    {
        var answers = scenario.Answers.Where(a => layout.Asks(a.Question)).Select(a => new GivenAnswer(layout.Paths.Id(a.Question), Value(a, layout.Questions[layout.Position(a.Question)]))).ToArray();
        var outcomes = scenario.Outcomes.Select(o => new OutcomeCheck(o.Safeguard.ToString(), Outcome(o.Outcome), Position(o.Location))).ToArray();
        var stillNeeded = scenario.StillNeeded.Select(s => new StillNeededCheck(Comparison(s.Match), s.Questions.Select(q => layout.Paths.Id(q)).ToArray(), Position(s.Location))).ToArray();
        return new Runtime.Scenario(
            scenario.Name.ToString(),
            scenario.Checklist.ToString(),
            scenario.Description.Text,
            answers,
            scenario.Decision is { } decision ? Decision(decision) : null,
            scenario.DecisionLocation is null ? null : Position(scenario.DecisionLocation),
            outcomes,
            stillNeeded,
            Position(scenario.Location));
    }

    /// <summary>A place in the runtime's terms: the path with '/' separators, 1-based line and column.</summary>
    public static SourcePosition Position(SourceLocation location) => new(location.Path.Replace('\\', '/'), location.Start.Line, location.Start.Column);

    private static AnswerValue Value(ScenarioAnswer answer, Question question)
    {
        var items = answer.Values.Select(v => AnswerValues.Of(v.Type, v.Value, Option(question, v))).ToArray();
        return answer.Type.IsList ? AnswerValue.List(items) : items.Length == 1 ? items[0] : AnswerValue.Unanswered;
    }

    private static int Option(Question question, Literal literal)
    {
        if (literal.Type != Language.Binding.ValueType.Choice)
        {
            return -1;
        }

        for (var i = 0; i < question.Options.Count; i++)
        {
            if (question.Options[i].Name == literal.Value)
            {
                return i;
            }
        }

        return -1;
    }

    private static Decision Decision(ExpectedDecision decision) => decision switch
    {
        ExpectedDecision.Proceed => Runtime.Decision.Proceed,
        ExpectedDecision.MayRefuse => Runtime.Decision.MayRefuse,
        ExpectedDecision.MustRefuse => Runtime.Decision.MustRefuse,
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
