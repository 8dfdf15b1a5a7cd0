using System.Linq;

namespace SafeguardGen.Runtime.Tests;

/// <summary>A measure's scope: outside it the instrument governs nothing; while it is unknown nothing is final.</summary>
public sealed class ScopeTests
{
    private static QuestionInfo YesNo(string id, string? satisfiedBy = "yes") => new(id, new LocalizedText(id + "?"), AnswerType.YesNo, false, [], satisfiedBy, null);

    private static SafeguardInfo Ground(string id, SafeguardBasis basis) =>
        new(id, ["refusal-ground(mandatory)"], new LocalizedText(id), [new Citation("ECHR", "ETS 5, Art. 3", true, null)], [], null, SafeguardSeverity.Blocking, RefusalGroundKind.Mandatory, basis);

    /// <summary>Questions: 0 torture.real-risk (the ground holds on yes), 1 facts.convention-offence (the scope).</summary>
    private static ChecklistRules Extradition(SafeguardBasis basis = SafeguardBasis.HumanRightsLaw) => new(
        "c",
        [YesNo("torture.real-risk", "no"), YesNo("facts.convention-offence", null)],
        [new SafeguardRules(Ground("t.torture", basis), null, null, [], [new TestRule(0, Rule.Not(Rule.Answer(0)))], [0])],
        new ScopeRule("ETS 185", new ConditionRule("convention-offence", Rule.Answer(1)), [1]));

    [Fact]
    public void Outside_its_scope_the_instrument_decides_nothing_and_nothing_more_is_asked()
    {
        var result = Evaluator.Validate(Extradition(), [default, AnswerValue.YesNo(false)]);

        Assert.Equal(Decision.OutsideInstrument, result.Decision);
        Assert.Empty(result.StillNeeded);
        Assert.StartsWith("Outside the instrument: ETS 185 does not govern this request, because its scope 'convention-offence' does not hold (facts.convention-offence is no).", result.Explanation[0], System.StringComparison.Ordinal);
        Assert.Contains("another applicable treaty or domestic law", result.Explanation[1], System.StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_its_scope_a_bar_of_human_rights_law_that_holds_is_still_named()
    {
        var result = Evaluator.Validate(Extradition(), [AnswerValue.YesNo(true), AnswerValue.YesNo(false)]);

        Assert.Equal(Decision.OutsideInstrument, result.Decision);
        Assert.Equal("Whatever law governs the request, these bars of human-rights law hold:", result.Explanation[2]);
        Assert.StartsWith("- the mandatory ground for refusal 't.torture' (ETS 5, Art. 3; basis: human-rights law)", result.Explanation[3], System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_treaty_ground_outside_the_scope_is_not_carried_over()
    {
        var result = Evaluator.Validate(Extradition(SafeguardBasis.Treaty), [AnswerValue.YesNo(true), AnswerValue.YesNo(false)]);

        Assert.Equal(Decision.OutsideInstrument, result.Decision);
        Assert.Equal(2, result.Explanation.Count);
    }

    [Fact]
    public void While_the_scope_is_unknown_a_ground_that_holds_leaves_the_request_incomplete_and_the_scope_is_asked()
    {
        var result = Evaluator.Validate(Extradition(), [AnswerValue.YesNo(true), default]);

        Assert.Equal(Decision.Incomplete, result.Decision);
        Assert.Equal(["facts.convention-offence"], result.StillNeeded.Select(q => q.Id));
        Assert.StartsWith("Incomplete: whether ETS 185 governs this request depends on its scope 'convention-offence'", result.Explanation[0], System.StringComparison.Ordinal);
        Assert.Equal("If it does, the request must be refused:", result.Explanation[1]);
    }

    [Fact]
    public void Within_its_scope_the_safeguards_decide_as_before()
    {
        Assert.Equal(Decision.MustRefuse, Evaluator.Validate(Extradition(), [AnswerValue.YesNo(true), AnswerValue.YesNo(true)]).Decision);
        Assert.Equal(Decision.Proceed, Evaluator.Validate(Extradition(), [AnswerValue.YesNo(false), AnswerValue.YesNo(true)]).Decision);
    }

    [Fact]
    public void With_nothing_answered_both_the_scope_and_the_ground_are_still_needed()
    {
        var result = Evaluator.Validate(Extradition(), [default, default]);

        Assert.Equal(Decision.Incomplete, result.Decision);
        Assert.Equal(["facts.convention-offence", "torture.real-risk"], result.StillNeeded.Select(q => q.Id).Order(System.StringComparer.Ordinal));
    }

    [Fact]
    public void A_checklist_with_a_scope_can_be_outside_the_instrument_and_incomplete()
    {
        Assert.Equal([Decision.Proceed, Decision.MustRefuse, Decision.Incomplete, Decision.OutsideInstrument], Evaluator.PossibleDecisions(Extradition()));
    }

    [Fact]
    public void Coverage_records_the_scope_seen_holding_and_not()
    {
        var rules = Extradition();
        var coverage = new RuleCoverage();
        Evaluator.Validate(rules, [default, AnswerValue.YesNo(false)], coverage);
        Evaluator.Validate(rules, [default, AnswerValue.YesNo(true)], coverage);

        Assert.Equal(TruthSeen.True | TruthSeen.False, coverage[rules].Scope);
        Assert.Equal(DecisionSeen.OutsideInstrument | DecisionSeen.Incomplete, coverage[rules].Decisions);
    }
}
