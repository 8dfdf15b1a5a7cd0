using System;

namespace SafeguardGen;

/// <summary>Three-valued truth: a condition over unanswered questions is <see cref="Unknown"/>.</summary>
public enum Truth
{
    /// <summary>Does not hold.</summary>
    False,

    /// <summary>Holds.</summary>
    True,

    /// <summary>Depends on a question not yet answered.</summary>
    Unknown,
}

/// <summary>
/// Kleene's three-valued logic, in which <c>false and unknown</c> is false and <c>true or unknown</c> is true: the
/// connectives every <see cref="Rule"/> is evaluated with. None of them allocates.
/// </summary>
public static class Logic
{
    /// <summary>Conjunction.</summary>
    public static Truth And(Truth left, Truth right) =>
        left == Truth.False || right == Truth.False ? Truth.False : left == Truth.True && right == Truth.True ? Truth.True : Truth.Unknown;

    /// <summary>Disjunction.</summary>
    public static Truth Or(Truth left, Truth right) =>
        left == Truth.True || right == Truth.True ? Truth.True : left == Truth.False && right == Truth.False ? Truth.False : Truth.Unknown;

    /// <summary>Conjunction of any number of operands: false if one is false, else unknown if one is unknown, else true.</summary>
    public static Truth And(ReadOnlySpan<Truth> operands) => Fold(operands, absorbing: Truth.False, identity: Truth.True);

    /// <summary>Disjunction of any number of operands: true if one is true, else unknown if one is unknown, else false.</summary>
    public static Truth Or(ReadOnlySpan<Truth> operands) => Fold(operands, absorbing: Truth.True, identity: Truth.False);

    /// <summary>Kleene's conjunction or disjunction over a span: the absorbing value wins, unknown beats the identity.</summary>
    private static Truth Fold(ReadOnlySpan<Truth> operands, Truth absorbing, Truth identity)
    {
        var result = identity;
        foreach (var operand in operands)
        {
            if (operand == absorbing)
            {
                return absorbing;
            }

            result = operand == Truth.Unknown ? Truth.Unknown : result;
        }

        return result;
    }

    /// <summary>Negation; unknown stays unknown.</summary>
    public static Truth Not(Truth value) => value switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };
}
