using System.Linq;

namespace SafeguardGen.Runtime.Tests;

public sealed class StillNeededTests
{
    private static QuestionInfo YesNo(string id, string? satisfiedBy = "yes") => new(id, new LocalizedText(id + "?"), AnswerType.YesNo, false, [], satisfiedBy, null);

    private static SafeguardInfo Safeguard(string id, RefusalGroundKind ground = RefusalGroundKind.None) =>
        new(id, ["legality"], new LocalizedText(id), [new Citation("ETS 185", "ETS 185, Art. 15(1)", false, null)], [], null, SafeguardSeverity.Blocking, ground);

    /// <summary>
    /// The example: an urgent order must be authorised, unless it was urgent and confirmed within 48 hours.
    /// Questions: 0 authorised, 1 confirmed-within-48h, 2 facts.urgent.
    /// </summary>
    private static ChecklistRules UrgentOrder() => new(
        "c",
        [YesNo("order.authorised"), YesNo("order.confirmed-within-48h", null), YesNo("facts.urgent", null)],
        [
            new SafeguardRules(
                Safeguard("t.order"),
                null,
                null,
                [new ExceptionRule("confirmed", 1, new ConditionRule("urgent and confirmed-within-48h", Rule.All(Rule.Answer(2), Rule.Answer(1))), SafeguardOutcome.Satisfied, null)],
                [new TestRule(0, Rule.Answer(0))],
                [0, 1, 2]),
        ]);

    [Fact]
    public void A_question_whose_exception_can_no_longer_fire_is_not_still_needed()
    {
        var result = Evaluator.Validate(UrgentOrder(), [default, default, AnswerValue.YesNo(false)]);

        Assert.Equal(Decision.Incomplete, result.Decision);
        Assert.Equal(["order.authorised"], result.StillNeeded.Select(q => q.Id));
    }

    [Fact]
    public void While_the_exception_can_still_fire_its_questions_are_needed()
    {
        var result = Evaluator.Validate(UrgentOrder(), [default, default, default]);

        Assert.Equal(["order.authorised", "order.confirmed-within-48h", "facts.urgent"], result.StillNeeded.Select(q => q.Id).OrderBy(id => id == "order.authorised" ? 0 : id == "order.confirmed-within-48h" ? 1 : 2));
    }

    [Fact]
    public void Once_the_general_rule_is_met_the_exception_no_longer_matters()
    {
        var result = Evaluator.Validate(UrgentOrder(), [AnswerValue.YesNo(true), default, default]);

        Assert.Equal(Decision.Proceed, result.Decision);
        Assert.Empty(result.StillNeeded);
    }

    [Fact]
    public void The_question_that_settles_most_is_asked_first()
    {
        // x and y apply only when the fact holds; z always. Answering z "no" settles the decision (must refuse);
        // no answer to the fact settles anything while z is open.
        var rules = new ChecklistRules(
            "c",
            [YesNo("x.q"), YesNo("y.q"), YesNo("z.q"), YesNo("facts.f", null)],
            [
                new SafeguardRules(Safeguard("t.x"), new ConditionRule("f", Rule.Answer(3)), null, [], [new TestRule(0, Rule.Answer(0))], [0, 3]),
                new SafeguardRules(Safeguard("t.y"), new ConditionRule("f", Rule.Answer(3)), null, [], [new TestRule(1, Rule.Answer(1))], [1, 3]),
                new SafeguardRules(Safeguard("t.z"), null, null, [], [new TestRule(2, Rule.Answer(2))], [2]),
            ]);

        var result = Evaluator.Validate(rules, new AnswerValue[4]);

        Assert.Equal("z.q", result.StillNeeded[0].Id);
        Assert.Equal(4, result.StillNeeded.Count);
    }

    [Fact]
    public void A_list_question_is_needed_only_while_its_ground_can_still_hold()
    {
        // An optional ground on a list of choices (satisfied by empty) and a blocking safeguard that fails: must refuse
        // whatever the grounds are, so nothing is needed.
        var grounds = new QuestionInfo("p.grounds", new LocalizedText("Grounds?"), AnswerType.Choice, true, [new OptionInfo("sex", new LocalizedText("Sex")), new OptionInfo("race", new LocalizedText("Race"))], "empty", null);
        var rules = new ChecklistRules(
            "c",
            [grounds, YesNo("b.q")],
            [
                new SafeguardRules(Safeguard("t.p", RefusalGroundKind.Optional), null, null, [], [new TestRule(0, Rule.Empty(0))], [0]),
                new SafeguardRules(Safeguard("t.b"), null, null, [], [new TestRule(1, Rule.Answer(1))], [1]),
            ]);

        Assert.Empty(Evaluator.Validate(rules, [default, AnswerValue.YesNo(false)]).StillNeeded);
        Assert.Equal(["p.grounds"], Evaluator.Validate(rules, [default, AnswerValue.YesNo(true)]).StillNeeded.Select(q => q.Id));
    }

    [Fact]
    public void A_group_too_large_to_try_asks_every_one_of_its_questions_rather_than_too_few()
    {
        // Twelve yes-no questions read together: 3^12 assignments, beyond the budget, so none is tried.
        var questions = Enumerable.Range(0, 12).Select(i => YesNo("s.q" + i)).ToArray();
        var all = Rule.All(Enumerable.Range(0, 12).Select(Rule.Answer).ToArray());
        var rules = new ChecklistRules("c", questions, [new SafeguardRules(Safeguard("t.s"), null, null, [], [new TestRule(0, all)], Enumerable.Range(0, 12).ToArray())]);

        var answers = new AnswerValue[12];
        answers[5] = AnswerValue.YesNo(true);

        Assert.Equal(11, Evaluator.Validate(rules, answers).StillNeeded.Count);
        answers[3] = AnswerValue.YesNo(false);
        Assert.Empty(Evaluator.Validate(rules, answers).StillNeeded);
    }
}
