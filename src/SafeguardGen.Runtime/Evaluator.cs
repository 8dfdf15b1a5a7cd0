using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SafeguardGen;

/// <summary>A test of a safeguard: a question with <c>satisfied-by</c>, and whether the answer meets it.</summary>
/// <param name="Answer">The question and its answer.</param>
/// <param name="Met">Whether the answer meets the test.</param>
public readonly record struct TestResult(AnswerText Answer, Truth Met);

/// <summary>An exception to a safeguard's general rule, evaluated.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Priority">Its priority; the highest that holds decides.</param>
/// <param name="Condition">Its condition as written.</param>
/// <param name="Holds">Whether its condition holds.</param>
/// <param name="Outcome">The outcome it gives when it holds.</param>
/// <param name="Because">Its stated reason, or null.</param>
public readonly record struct ExceptionResult(string Name, int Priority, string Condition, Truth Holds, SafeguardOutcome Outcome, string? Because);

/// <summary>
/// Works out outcomes and decisions as dsl-spec/semantics.md describes; generated validators call it with
/// their conditions and tests already evaluated, so every checklist shares one tested implementation.
/// </summary>
public static class Evaluator
{
    /// <summary>Evaluates one safeguard.</summary>
    /// <param name="safeguard">The safeguard.</param>
    /// <param name="when">Its <c>when</c> condition's text and value, or null when it has none.</param>
    /// <param name="unless">Its <c>unless</c> condition's text and value, or null when it has none.</param>
    /// <param name="exceptions">Its exceptions, in descending priority.</param>
    /// <param name="tests">Its tests.</param>
    /// <param name="reads">Every answer the safeguard reads, its own and its conditions'.</param>
    public static SafeguardResult Evaluate(
        SafeguardInfo safeguard,
        (string Text, Truth Value)? when,
        (string Text, Truth Value)? unless,
        ReadOnlySpan<ExceptionResult> exceptions,
        ReadOnlySpan<TestResult> tests,
        ReadOnlySpan<AnswerText> reads)
    {
        ArgumentNullException.ThrowIfNull(safeguard);
        var unanswered = Unanswered(reads);
        if (when is { Value: Truth.False } w)
        {
            return new SafeguardResult(safeguard, SafeguardOutcome.NotApplicable, "Not applicable: the condition 'when " + w.Text + "' does not hold.", unanswered);
        }

        if (unless is { Value: Truth.True } u)
        {
            return new SafeguardResult(safeguard, SafeguardOutcome.NotApplicable, "Not applicable: the condition 'unless " + u.Text + "' holds.", unanswered);
        }

        if (when is { Value: Truth.Unknown } || unless is { Value: Truth.Unknown })
        {
            // The applicability hangs on what the conditions read, not on the safeguard's own tests.
            var testIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var test in tests)
            {
                testIds.Add(test.Answer.Question.Id);
            }

            return new SafeguardResult(safeguard, SafeguardOutcome.Unanswered, "Unanswered: whether it applies depends on " + List(unanswered.Where(q => !testIds.Contains(q.Id))) + ".", unanswered);
        }

        var (outcome, reason) = Decide(exceptions, tests);
        return new SafeguardResult(safeguard, outcome, reason, unanswered);
    }

    /// <summary>
    /// Default logic: the highest exception that holds decides; an unknown one decides only if the rest agrees with
    /// it. Worked from the lowest priority up in a loop, so any number of exceptions costs no stack.
    /// </summary>
    private static (SafeguardOutcome Outcome, string Reason) Decide(ReadOnlySpan<ExceptionResult> exceptions, ReadOnlySpan<TestResult> tests)
    {
        var rest = GeneralRule(tests);
        for (var i = exceptions.Length - 1; i >= 0; i--)
        {
            var exception = exceptions[i];
            switch (exception.Holds)
            {
                case Truth.True:
                    rest = (exception.Outcome, Describe(exception.Outcome) + " by exception '" + exception.Name + "' (priority " + exception.Priority.ToString(CultureInfo.InvariantCulture) + "), because '" + exception.Condition + "' holds" + (exception.Because is null ? "." : ": " + exception.Because));
                    break;
                case Truth.False:
                    break;
                default:
                    rest = rest.Outcome == exception.Outcome
                        ? rest
                        : (SafeguardOutcome.Unanswered, "Unanswered: exception '" + exception.Name + "' may apply, depending on '" + exception.Condition + "'.");
                    break;
            }
        }

        return rest;
    }

    private static (SafeguardOutcome Outcome, string Reason) GeneralRule(ReadOnlySpan<TestResult> tests)
    {
        var failed = new List<string>();
        var missing = new List<string>();
        var met = new List<string>();
        foreach (var test in tests)
        {
            var question = test.Answer.Question;
            switch (test.Met)
            {
                case Truth.False:
                    failed.Add(question.Id + " is " + test.Answer.Text + ", which does not meet 'satisfied-by " + question.SatisfiedBy + "'");
                    break;
                case Truth.Unknown:
                    missing.Add(question.Id);
                    break;
                default:
                    met.Add(question.Id + " is " + test.Answer.Text);
                    break;
            }
        }

        if (failed.Count > 0)
        {
            return (SafeguardOutcome.NotSatisfied, "Not satisfied: " + string.Join("; ", failed) + ".");
        }

        if (missing.Count > 0)
        {
            return (SafeguardOutcome.Unanswered, "Unanswered: " + string.Join(", ", missing) + ".");
        }

        return (SafeguardOutcome.Satisfied, "Satisfied: " + string.Join("; ", met) + ".");
    }

    private static string Describe(SafeguardOutcome outcome) => outcome switch
    {
        SafeguardOutcome.Satisfied => "Satisfied",
        SafeguardOutcome.NotSatisfied => "Not satisfied",
        SafeguardOutcome.NotApplicable => "Not applicable",
        _ => "Unanswered",
    };

    private static QuestionInfo[] Unanswered(ReadOnlySpan<AnswerText> reads)
    {
        var count = 0;
        foreach (var read in reads)
        {
            count += read.IsAnswered ? 0 : 1;
        }

        if (count == 0)
        {
            return Array.Empty<QuestionInfo>();
        }

        var result = new QuestionInfo[count];
        var i = 0;
        foreach (var read in reads)
        {
            if (!read.IsAnswered)
            {
                result[i++] = read.Question;
            }
        }

        return result;
    }

    private static string List(IEnumerable<QuestionInfo> questions)
    {
        var ids = questions.Select(q => q.Id).Distinct().ToList();
        return ids.Count == 0 ? "an unanswered question" : string.Join(", ", ids);
    }

    /// <summary>The checklist's decision from its safeguards' results, with the explanation and the questions still needed.</summary>
    public static AssessmentResult Assess(string checklist, IReadOnlyList<SafeguardResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        static bool Blocking(SafeguardResult r) => r.Safeguard.Severity == SafeguardSeverity.Blocking;
        static bool IsGround(SafeguardResult r, RefusalGroundKind kind) => r.Safeguard.RefusalGround == kind;

        var mustRefuse = results.Where(r => r.Outcome == SafeguardOutcome.NotSatisfied
            && (IsGround(r, RefusalGroundKind.Mandatory) || (Blocking(r) && IsGround(r, RefusalGroundKind.None)))).ToList();
        var incomplete = results.Where(r => r.Outcome == SafeguardOutcome.Unanswered && Blocking(r)).ToList();
        var mayRefuse = results.Where(r => r.Outcome == SafeguardOutcome.NotSatisfied && IsGround(r, RefusalGroundKind.Optional)).ToList();

        var decision = mustRefuse.Count > 0 ? Decision.MustRefuse
            : incomplete.Count > 0 ? Decision.Incomplete
            : mayRefuse.Count > 0 ? Decision.MayRefuse
            : Decision.Proceed;

        var explanation = new List<string>();
        switch (decision)
        {
            case Decision.MustRefuse:
                explanation.Add("Must refuse:");
                explanation.AddRange(mustRefuse.Select(r => "- " + (IsGround(r, RefusalGroundKind.Mandatory) ? "the mandatory ground for refusal '" : "the blocking safeguard '") + Line(r)));
                break;
            case Decision.Incomplete:
                explanation.Add("Incomplete: blocking safeguards are unanswered:");
                explanation.AddRange(incomplete.Select(r => "- '" + Line(r)));
                break;
            case Decision.MayRefuse:
                explanation.Add("May refuse:");
                explanation.AddRange(mayRefuse.Select(r => "- the optional ground for refusal '" + Line(r)));
                break;
            default:
                explanation.Add("Proceed: every applicable blocking safeguard is satisfied and no ground for refusal holds.");
                break;
        }

        var advice = results.Where(r => !Blocking(r) && r.Outcome == SafeguardOutcome.NotSatisfied && IsGround(r, RefusalGroundKind.None)).ToList();
        if (advice.Count > 0)
        {
            explanation.Add("Advice:");
            explanation.AddRange(advice.Select(r => "- the advisory safeguard '" + Line(r)));
        }

        // Nothing can lift a mandatory ground or an unmet blocking safeguard; otherwise every unanswered question of a
        // safeguard that can still move the decision is needed.
        var stillNeeded = new List<QuestionInfo>();
        if (decision != Decision.MustRefuse)
        {
            foreach (var result in results.Where(r => r.Outcome == SafeguardOutcome.Unanswered && (Blocking(r) || !IsGround(r, RefusalGroundKind.None))))
            {
                foreach (var question in result.UnansweredQuestions)
                {
                    if (!stillNeeded.Any(q => q.Id == question.Id))
                    {
                        stillNeeded.Add(question);
                    }
                }
            }
        }

        return new AssessmentResult(checklist, decision, results, explanation, stillNeeded);
    }

    private static string Line(SafeguardResult result)
    {
        var builder = new StringBuilder();
        builder.Append(result.Safeguard.Title.Text).Append("' (").Append(string.Join("; ", result.Safeguard.Citations)).Append("): ").Append(result.Reason);
        return builder.ToString();
    }
}
