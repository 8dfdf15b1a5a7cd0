using System.Linq;

namespace SafeguardGen.Runtime.Tests;

public sealed class LogicTests
{
    [Theory]
    [InlineData(Truth.True, Truth.True, Truth.True, Truth.True)]
    [InlineData(Truth.True, Truth.False, Truth.False, Truth.True)]
    [InlineData(Truth.False, Truth.Unknown, Truth.False, Truth.Unknown)]
    [InlineData(Truth.True, Truth.Unknown, Truth.Unknown, Truth.True)]
    [InlineData(Truth.Unknown, Truth.Unknown, Truth.Unknown, Truth.Unknown)]
    [InlineData(Truth.False, Truth.False, Truth.False, Truth.False)]
    public void And_and_or_follow_kleenes_three_valued_logic(Truth left, Truth right, Truth and, Truth or)
    {
        Assert.Equal(and, Logic.And(left, right));
        Assert.Equal(and, Logic.And(right, left));
        Assert.Equal(or, Logic.Or(left, right));
        Assert.Equal(or, Logic.Or(right, left));
    }

    [Fact]
    public void A_chain_of_operands_gives_what_folding_the_two_operand_operators_gives()
    {
        var values = new[] { Truth.False, Truth.True, Truth.Unknown };
        foreach (var a in values)
        {
            foreach (var b in values)
            {
                foreach (var c in values)
                {
                    Assert.Equal(Logic.And(Logic.And(a, b), c), Logic.And([a, b, c]));
                    Assert.Equal(Logic.Or(Logic.Or(a, b), c), Logic.Or([a, b, c]));
                }
            }
        }

        Assert.Equal(Truth.True, Logic.And([]));
        Assert.Equal(Truth.False, Logic.Or([]));
    }

    [Fact]
    public void Not_keeps_unknown_unknown()
    {
        Assert.Equal(Truth.False, Logic.Not(Truth.True));
        Assert.Equal(Truth.True, Logic.Not(Truth.False));
        Assert.Equal(Truth.Unknown, Logic.Not(Truth.Unknown));
    }

    private static AnswerValue Number(decimal n) => AnswerValue.Number(n);

    private static AnswerValue List(params int[] options) => AnswerValue.List(options.Select(AnswerValue.Choice).ToArray());

    [Fact]
    public void A_comparison_with_an_unanswered_question_is_unknown()
    {
        Assert.Equal(Truth.Unknown, Rule.Compare(0, Comparison.GreaterOrEqual, Number(4m)).Evaluate([AnswerValue.Unanswered]));
        Assert.Equal(Truth.True, Rule.Compare(0, Comparison.GreaterOrEqual, Number(4m)).Evaluate([Number(4m)]));
        Assert.Equal(Truth.False, Rule.Compare(0, Comparison.Less, Number(4m)).Evaluate([Number(4m)]));
        Assert.Equal(Truth.True, Rule.Compare(0, Comparison.LessOrEqual, AnswerValue.Date(new System.DateOnly(2024, 12, 24))).Evaluate([AnswerValue.Date(new System.DateOnly(2024, 1, 1))]));
        Assert.Equal(Truth.Unknown, Rule.Compare(0, Comparison.Equal, AnswerValue.Text("x")).Evaluate([AnswerValue.Unanswered]));
        Assert.Equal(Truth.Unknown, Rule.Compare(0, Comparison.Equal, AnswerValue.Text("x")).Evaluate([AnswerValue.Text("  ")]));
    }

    [Fact]
    public void List_tests_distinguish_unanswered_from_empty()
    {
        Assert.Equal(Truth.Unknown, Rule.Empty(0).Evaluate([AnswerValue.Unanswered]));
        Assert.Equal(Truth.True, Rule.Empty(0).Evaluate([List()]));
        Assert.Equal(Truth.False, Rule.Empty(0).Evaluate([List(1)]));
        Assert.Equal(Truth.True, Rule.In(0, AnswerValue.Choice(2), AnswerValue.Choice(3)).Evaluate([List(1, 2)]));
        Assert.Equal(Truth.False, Rule.Not(Rule.In(0, AnswerValue.Choice(2), AnswerValue.Choice(3))).Evaluate([List(1, 2)]));
        Assert.Equal(Truth.True, Rule.Contains(0, AnswerValue.Choice(2)).Evaluate([List(1, 2)]));
        Assert.Equal(Truth.Unknown, Rule.Contains(0, AnswerValue.Choice(2)).Evaluate([AnswerValue.Unanswered]));
    }

    [Fact]
    public void Blank_text_is_not_provided_evidence()
    {
        Assert.Equal(Truth.Unknown, Rule.Provided(0).Evaluate([AnswerValue.Text(" \n")]));
        Assert.Equal(Truth.True, Rule.Provided(0).Evaluate([AnswerValue.Text("Order of the investigating judge, 3 March")]));
    }
}
