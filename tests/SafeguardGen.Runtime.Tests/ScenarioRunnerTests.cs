using System.Linq;

namespace SafeguardGen.Runtime.Tests;

public sealed class ScenarioRunnerTests
{
    private static readonly QuestionInfo Authorised = new("order.authorised", new LocalizedText("Authorised?"), AnswerType.YesNo, false, [], "yes", null);

    private static readonly ChecklistRules Rules = new(
        "t.review",
        [Authorised],
        [new SafeguardRules(new SafeguardInfo("t.order", ["legality"], new LocalizedText("Order"), [], [Authorised], null, SafeguardSeverity.Blocking, RefusalGroundKind.None), null, null, [], [new TestRule(0, Rule.Answer(0))], [0])]);

    private static SourcePosition At(int line) => new("t.treaty", line, 3);

    private static Scenario Case(bool? authorised, Decision? decision = null, OutcomeCheck[]? outcomes = null, StillNeededCheck[]? stillNeeded = null) =>
        new("t.case", "t.review", "An order", authorised is null ? [] : [new GivenAnswer("order.authorised", AnswerValue.YesNo(authorised.Value))], decision, decision is null ? null : At(4), outcomes ?? [], stillNeeded ?? [], At(1));

    [Fact]
    public void A_scenario_whose_expectations_hold_passes()
    {
        var report = ScenarioRunner.Run([Case(true, Decision.Proceed, [new OutcomeCheck("t.order", SafeguardOutcome.Satisfied, At(5))], [new StillNeededCheck(StillNeededComparison.Exactly, [], At(6))])], _ => Rules);

        Assert.Equal("1 passed, 0 failed", report.Summary);
        report.AssertPassed();
    }

    [Fact]
    public void A_wrong_decision_fails_at_the_expectation_with_expected_actual_and_the_explanation()
    {
        var report = ScenarioRunner.Run([Case(false, Decision.Proceed)], _ => Rules);

        var failure = Assert.Single(report.Results.Single().Failures);
        Assert.Equal(At(4), failure.Location);
        Assert.Equal("Expected the decision Proceed, but it is MustRefuse.", failure.Message);
        var text = report.ToString();
        Assert.StartsWith("t.treaty(4,3): error: scenario 't.case' failed: Expected the decision Proceed, but it is MustRefuse.\n", text, System.StringComparison.Ordinal);
        Assert.Contains("    - the blocking safeguard 'Order' (): Not met: order.authorised is no", text, System.StringComparison.Ordinal);
        Assert.EndsWith("0 passed, 1 failed", text, System.StringComparison.Ordinal);
        Assert.Throws<ScenarioFailedException>(report.AssertPassed);
    }

    [Fact]
    public void A_wrong_outcome_names_the_safeguard_and_its_reason()
    {
        var report = ScenarioRunner.Run([Case(false, outcomes: [new OutcomeCheck("t.order", SafeguardOutcome.Satisfied, At(5))])], _ => Rules);

        Assert.Equal("Expected safeguard 't.order' to be Satisfied, but it is NotSatisfied: Not met: order.authorised is no, which does not meet 'satisfied-by yes'.", report.Results.Single().Failures.Single().Message);
    }

    [Theory]
    [InlineData(StillNeededComparison.Exactly, new string[0], "Expected the questions still needed to be exactly none, but they are order.authorised; needed but not expected: order.authorised.")]
    [InlineData(StillNeededComparison.Excludes, new[] { "order.authorised" }, "Expected order.authorised not to be still needed, but the questions still needed are order.authorised.")]
    public void A_wrong_list_of_questions_still_needed_says_which_differ(StillNeededComparison comparison, string[] questions, string message)
    {
        var report = ScenarioRunner.Run([Case(null, stillNeeded: [new StillNeededCheck(comparison, questions, At(6))])], _ => Rules);

        Assert.Equal(message, report.Results.Single().Failures.Single().Message);
    }

    [Fact]
    public void Includes_passes_when_the_questions_are_among_those_still_needed()
    {
        Assert.True(ScenarioRunner.Run(Case(null, stillNeeded: [new StillNeededCheck(StillNeededComparison.Includes, ["order.authorised"], At(6))]), Rules).Passed);
    }

    [Fact]
    public void A_scenario_whose_checklist_is_missing_fails_at_the_scenario()
    {
        var result = ScenarioRunner.Run(Case(true, Decision.Proceed), null);

        Assert.Equal(At(1), result.Failures.Single().Location);
    }

    [Fact]
    public void Coverage_records_the_outcomes_tests_and_decisions_seen()
    {
        var coverage = new RuleCoverage();
        ScenarioRunner.Run([Case(true, Decision.Proceed), Case(false, Decision.MustRefuse)], _ => Rules, coverage);

        var checklist = coverage[Rules];
        Assert.Equal(DecisionSeen.Proceed | DecisionSeen.MustRefuse, checklist.Decisions);
        Assert.Equal(OutcomeSeen.Satisfied | OutcomeSeen.NotSatisfied, checklist.Safeguards[0].Outcomes);
        Assert.Equal(TruthSeen.True | TruthSeen.False, checklist.Safeguards[0].Tests[0]);
    }
}
