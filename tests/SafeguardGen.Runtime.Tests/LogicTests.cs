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

    [Fact]
    public void A_comparison_with_an_unanswered_question_is_unknown()
    {
        Assert.Equal(Truth.Unknown, Logic.GreaterOrEqual<decimal>(null, 4m));
        Assert.Equal(Truth.True, Logic.GreaterOrEqual<decimal>(4m, 4m));
        Assert.Equal(Truth.False, Logic.Less<decimal>(4m, 4m));
        Assert.Equal(Truth.True, Logic.LessOrEqual<System.DateOnly>(new System.DateOnly(2024, 1, 1), new System.DateOnly(2024, 12, 24)));
        Assert.Equal(Truth.Unknown, Logic.Equal((string?)null, "x"));
        Assert.Equal(Truth.Unknown, Logic.Equal("  ", "x"));
    }

    [Fact]
    public void List_tests_distinguish_unanswered_from_empty()
    {
        Assert.Equal(Truth.Unknown, Logic.IsEmpty<int>(null));
        Assert.Equal(Truth.True, Logic.IsEmpty<int>([]));
        Assert.Equal(Truth.False, Logic.IsEmpty<int>([1]));
        Assert.Equal(Truth.True, Logic.AnyOf<int>([1, 2], [2, 3]));
        Assert.Equal(Truth.False, Logic.NoneOf<int>([1, 2], [2, 3]));
        Assert.Equal(Truth.True, Logic.Contains<int>([1, 2], 2));
        Assert.Equal(Truth.Unknown, Logic.Contains<int>(null, 2));
    }

    [Fact]
    public void Blank_text_is_not_provided_evidence()
    {
        Assert.Equal(Truth.Unknown, Logic.IsProvided(" \n"));
        Assert.Equal(Truth.True, Logic.IsProvided("Order of the investigating judge, 3 March"));
    }
}
