using System;
using System.Collections.Generic;

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
/// The operators generated conditions and tests are written in: Kleene's three-valued logic, in which
/// <c>false and unknown</c> is false and <c>true or unknown</c> is true. None of them allocates.
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

    /// <summary>A yes-no answer as a truth value.</summary>
    public static Truth Of(bool? answer) => answer is null ? Truth.Unknown : answer.Value ? Truth.True : Truth.False;

    private static Truth Of(bool value) => value ? Truth.True : Truth.False;

    /// <summary>Whether a question has an answer (blank text counts as none).</summary>
    public static Truth IsAnswered<T>(T? answer) => Of(Answered(answer));

    /// <summary>Whether a value counts as an answer: not null, and for text not blank.</summary>
    public static bool Answered<T>(T? answer) => answer is not null && (answer is not string text || !string.IsNullOrWhiteSpace(text));

    /// <summary>Equality of an answer with a value or another answer.</summary>
    public static Truth Equal<T>(T? answer, T? value)
        where T : struct => answer is null || value is null ? Truth.Unknown : Of(EqualityComparer<T>.Default.Equals(answer.Value, value.Value));

    /// <summary>Equality of a text answer with a text, compared ordinally.</summary>
    public static Truth Equal(string? answer, string? value) =>
        !Answered(answer) || value is null ? Truth.Unknown : Of(string.Equals(answer, value, StringComparison.Ordinal));

    /// <summary>Less than.</summary>
    public static Truth Less<T>(T? answer, T? value)
        where T : struct, IComparable<T> => answer is null || value is null ? Truth.Unknown : Of(answer.Value.CompareTo(value.Value) < 0);

    /// <summary>Less than or equal.</summary>
    public static Truth LessOrEqual<T>(T? answer, T? value)
        where T : struct, IComparable<T> => answer is null || value is null ? Truth.Unknown : Of(answer.Value.CompareTo(value.Value) <= 0);

    /// <summary>Greater than.</summary>
    public static Truth Greater<T>(T? answer, T? value)
        where T : struct, IComparable<T> => answer is null || value is null ? Truth.Unknown : Of(answer.Value.CompareTo(value.Value) > 0);

    /// <summary>Greater than or equal.</summary>
    public static Truth GreaterOrEqual<T>(T? answer, T? value)
        where T : struct, IComparable<T> => answer is null || value is null ? Truth.Unknown : Of(answer.Value.CompareTo(value.Value) >= 0);

    /// <summary>Membership of an answer in a set of values.</summary>
    public static Truth In<T>(T? answer, ReadOnlySpan<T> values)
        where T : struct
    {
        if (answer is null)
        {
            return Truth.Unknown;
        }

        foreach (var value in values)
        {
            if (EqualityComparer<T>.Default.Equals(answer.Value, value))
            {
                return Truth.True;
            }
        }

        return Truth.False;
    }

    /// <summary>Membership of a text answer in a set of texts.</summary>
    public static Truth In(string? answer, ReadOnlySpan<string> values)
    {
        if (!Answered(answer))
        {
            return Truth.Unknown;
        }

        foreach (var value in values)
        {
            if (string.Equals(answer, value, StringComparison.Ordinal))
            {
                return Truth.True;
            }
        }

        return Truth.False;
    }

    /// <summary>Whether a list answer holds an element.</summary>
    public static Truth Contains<T>(IReadOnlyList<T>? answer, T element)
    {
        if (answer is null)
        {
            return Truth.Unknown;
        }

        for (var i = 0; i < answer.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(answer[i], element))
            {
                return Truth.True;
            }
        }

        return Truth.False;
    }

    /// <summary>Test <c>satisfied-by yes</c>.</summary>
    public static Truth IsYes(bool? answer) => Of(answer);

    /// <summary>Test <c>satisfied-by no</c>.</summary>
    public static Truth IsNo(bool? answer) => Not(Of(answer));

    /// <summary>Test <c>satisfied-by provided</c> for text.</summary>
    public static Truth IsProvided(string? answer) => Answered(answer) ? Truth.True : Truth.Unknown;

    /// <summary>Test <c>satisfied-by provided</c> for a list: not empty.</summary>
    public static Truth IsProvided<T>(IReadOnlyList<T>? answer) => answer is null ? Truth.Unknown : Of(answer.Count > 0);

    /// <summary>Test <c>satisfied-by empty</c> for a list.</summary>
    public static Truth IsEmpty<T>(IReadOnlyList<T>? answer) => answer is null ? Truth.Unknown : Of(answer.Count == 0);

    /// <summary>Test <c>satisfied-by any-of …</c> for a choice.</summary>
    public static Truth AnyOf<T>(T? answer, ReadOnlySpan<T> options)
        where T : struct => In(answer, options);

    /// <summary>Test <c>satisfied-by none-of …</c> for a choice.</summary>
    public static Truth NoneOf<T>(T? answer, ReadOnlySpan<T> options)
        where T : struct => Not(In(answer, options));

    /// <summary>Test <c>satisfied-by any-of …</c> for a list of choices: it holds at least one of them.</summary>
    public static Truth AnyOf<T>(IReadOnlyList<T>? answer, ReadOnlySpan<T> options)
    {
        if (answer is null)
        {
            return Truth.Unknown;
        }

        foreach (var option in options)
        {
            if (Contains(answer, option) == Truth.True)
            {
                return Truth.True;
            }
        }

        return Truth.False;
    }

    /// <summary>Test <c>satisfied-by none-of …</c> for a list of choices: it holds none of them.</summary>
    public static Truth NoneOf<T>(IReadOnlyList<T>? answer, ReadOnlySpan<T> options) => Not(AnyOf(answer, options));
}
