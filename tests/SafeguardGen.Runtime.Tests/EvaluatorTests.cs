using System;
using System.Linq;

namespace SafeguardGen.Runtime.Tests;

public sealed class EvaluatorTests
{
    private static readonly QuestionInfo Question = new("s.q", new LocalizedText("Q?"), AnswerType.YesNo, false, [], "yes", null);
    private static readonly QuestionInfo Fact = new("facts.f", new LocalizedText("F?"), AnswerType.YesNo, false, [], null, null);

    private static SafeguardInfo Safeguard(string id, RefusalGroundKind ground = RefusalGroundKind.None, SafeguardSeverity severity = SafeguardSeverity.Blocking) =>
        new(id, ["legality"], new LocalizedText(id), [new Citation("ETS 185", "ETS 185, Art. 15(1)", true, null)], [Question], null, severity, ground);

    private static SafeguardResult Evaluate(bool? answer, (string, Truth)? when = null, (string, Truth)? unless = null, params ExceptionResult[] exceptions)
    {
        var value = AnswerValue.Of(answer);
        var text = new AnswerText(Question, value.Format(Question));
        return Evaluator.Evaluate(Safeguard("s"), when, unless, exceptions, [new TestResult(text, Rule.Answer(0).Evaluate([value]))], [text]);
    }

    [Fact]
    public void Any_number_of_exceptions_is_weighed_without_running_out_of_stack()
    {
        // Once weighed by recursion, one frame an exception: a quarter of a million overflowed the stack.
        var exceptions = Enumerable.Range(0, 250_000).Select(i => new ExceptionResult("e" + i, 250_000 - i, "c" + i, i == 249_999 ? Truth.True : Truth.False, SafeguardOutcome.Satisfied, null)).ToArray();

        var result = Evaluate(false, exceptions: exceptions);

        Assert.Equal(SafeguardOutcome.Satisfied, result.Outcome);
        Assert.StartsWith("Met by exception 'e249999' (priority 1)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_highest_exception_that_holds_decides_and_an_unknown_higher_one_leaves_it_open_unless_it_agrees()
    {
        var low = new ExceptionResult("low", 1, "l", Truth.True, SafeguardOutcome.Satisfied, null);
        var unknownAgreeing = new ExceptionResult("agrees", 2, "a", Truth.Unknown, SafeguardOutcome.Satisfied, null);
        var unknownDisagreeing = new ExceptionResult("differs", 3, "d", Truth.Unknown, SafeguardOutcome.NotApplicable, null);

        Assert.Equal(SafeguardOutcome.Satisfied, Evaluate(false, exceptions: [unknownAgreeing, low]).Outcome);
        Assert.Equal(SafeguardOutcome.Unanswered, Evaluate(false, exceptions: [unknownDisagreeing, unknownAgreeing, low]).Outcome);
        Assert.Equal(SafeguardOutcome.NotSatisfied, Evaluate(false, exceptions: [new ExceptionResult("off", 5, "o", Truth.False, SafeguardOutcome.Satisfied, null)]).Outcome);
    }

    [Fact]
    public void A_false_when_makes_the_safeguard_not_applicable_and_quotes_the_condition()
    {
        var result = Evaluate(null, when: ("common.coercive", Truth.False));

        Assert.Equal(SafeguardOutcome.NotApplicable, result.Outcome);
        Assert.Equal("Not applicable: the condition 'when common.coercive' does not hold.", result.Reason);
    }

    [Fact]
    public void A_true_unless_makes_the_safeguard_not_applicable()
    {
        Assert.Equal(SafeguardOutcome.NotApplicable, Evaluate(true, unless: ("common.mla-treaty-applies", Truth.True)).Outcome);
    }

    [Fact]
    public void An_unknown_condition_leaves_the_safeguard_unanswered()
    {
        Assert.Equal(SafeguardOutcome.Unanswered, Evaluate(true, when: ("x", Truth.Unknown)).Outcome);
    }

    [Theory]
    [InlineData(true, SafeguardOutcome.Satisfied)]
    [InlineData(false, SafeguardOutcome.NotSatisfied)]
    [InlineData(null, SafeguardOutcome.Unanswered)]
    public void The_general_rule_follows_the_tests(bool? answer, SafeguardOutcome outcome)
    {
        Assert.Equal(outcome, Evaluate(answer).Outcome);
    }

    [Fact]
    public void The_highest_priority_exception_that_holds_decides_and_gives_its_reason()
    {
        var result = Evaluate(
            false,
            null,
            null,
            new ExceptionResult("high", 5, "a", Truth.True, SafeguardOutcome.NotApplicable, "Why high."),
            new ExceptionResult("low", 1, "b", Truth.True, SafeguardOutcome.Satisfied, null));

        Assert.Equal(SafeguardOutcome.NotApplicable, result.Outcome);
        Assert.Equal("Not applicable by exception 'high' (priority 5), because 'a' holds: Why high.", result.Reason);
    }

    [Fact]
    public void An_unknown_exception_decides_nothing_when_the_rest_agrees_with_it()
    {
        var agree = Evaluate(true, null, null, new ExceptionResult("e", 1, "c", Truth.Unknown, SafeguardOutcome.Satisfied, null));
        var disagree = Evaluate(false, null, null, new ExceptionResult("e", 1, "c", Truth.Unknown, SafeguardOutcome.Satisfied, null));

        Assert.Equal(SafeguardOutcome.Satisfied, agree.Outcome);
        Assert.Equal(SafeguardOutcome.Unanswered, disagree.Outcome);
    }

    /// <summary>A checklist of safeguards with one yes-no test each ("s.q", satisfied by yes), answered by position.</summary>
    private static AssessmentResult Decide(params (string Id, RefusalGroundKind Ground, SafeguardSeverity Severity, bool? Answer)[] safeguards)
    {
        var questions = safeguards.Select(s => new QuestionInfo(s.Id + ".q", new LocalizedText("Q?"), AnswerType.YesNo, false, [], "yes", null)).ToArray();
        var rules = new ChecklistRules("c", questions, safeguards.Select((s, i) => new SafeguardRules(Safeguard(s.Id, s.Ground, s.Severity), null, null, [], [new TestRule(i, Rule.Answer(i))], [i])).ToArray());
        return Evaluator.Validate(rules, safeguards.Select(s => AnswerValue.Of(s.Answer)).ToArray());
    }

    private const RefusalGroundKind None = RefusalGroundKind.None;
    private const SafeguardSeverity Blocking = SafeguardSeverity.Blocking;
    private const SafeguardSeverity Advisory = SafeguardSeverity.Advisory;

    [Fact]
    public void A_mandatory_ground_that_holds_means_must_refuse_whatever_is_still_unanswered()
    {
        var assessment = Decide(("ground", RefusalGroundKind.Mandatory, Blocking, false), ("other", None, Blocking, null));

        Assert.Equal(Decision.MustRefuse, assessment.Decision);
        Assert.Empty(assessment.StillNeeded);
        Assert.StartsWith("- the mandatory ground for refusal 'ground' (ETS 185, Art. 15(1))", assessment.Explanation[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsatisfied_blocking_safeguard_means_must_refuse()
    {
        Assert.Equal(Decision.MustRefuse, Decide(("legality", None, Blocking, false)).Decision);
    }

    [Fact]
    public void An_unanswered_blocking_safeguard_means_incomplete_and_its_question_is_still_needed()
    {
        var assessment = Decide(("a", None, Blocking, null), ("b", None, Blocking, true), ("ground", RefusalGroundKind.Optional, Blocking, false));

        Assert.Equal(Decision.Incomplete, assessment.Decision);
        Assert.Equal(["a.q"], assessment.StillNeeded.Select(q => q.Id));
    }

    [Fact]
    public void An_optional_ground_that_holds_means_may_refuse()
    {
        Assert.Equal(Decision.MayRefuse, Decide(("ground", RefusalGroundKind.Optional, Advisory, false), ("a", None, Blocking, true)).Decision);
    }

    [Fact]
    public void An_unsatisfied_advisory_safeguard_is_advice_and_its_unanswered_questions_are_not_needed()
    {
        var assessment = Decide(("advice", None, Advisory, false), ("a", None, Blocking, true), ("advice-2", None, Advisory, null));

        Assert.Equal(Decision.Proceed, assessment.Decision);
        Assert.Contains("Advice:", assessment.Explanation);
        Assert.Empty(assessment.StillNeeded);
    }
}
