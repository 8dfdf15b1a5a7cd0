using System;
using System.ComponentModel;

namespace SafeguardGen;

/// <summary>
/// The atoms of conditions and tests, in three-valued logic: what one question's answer says about one comparison.
/// The interpreter's <see cref="Rule"/>s and the generated validators' straight-line code both call these, so the
/// two agree on every answer by construction. None of them allocates.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Atoms
{
    /// <summary>A yes-no question on its own: unknown unless answered yes or no.</summary>
    public static Truth Yes(in AnswerValue answer) =>
        answer.Kind == AnswerValueKind.YesNo ? Of(answer.AsBool) : Truth.Unknown;

    /// <summary>An answer compared with a value or another answer: unknown while either is unanswered.</summary>
    public static Truth Compare(in AnswerValue left, Comparison comparison, in AnswerValue right)
    {
        if (!left.IsAnswered || !right.IsAnswered)
        {
            return Truth.Unknown;
        }

        if (comparison is Comparison.Equal or Comparison.NotEqual)
        {
            var equal = left.Kind == AnswerValueKind.Text ? string.Equals(left.AsText, right.AsText, StringComparison.Ordinal) : left.AsNumber == right.AsNumber;
            return Of(equal == (comparison == Comparison.Equal));
        }

        var order = left.AsNumber.CompareTo(right.AsNumber);
        return Of(comparison switch
        {
            Comparison.Less => order < 0,
            Comparison.LessOrEqual => order <= 0,
            Comparison.Greater => order > 0,
            _ => order >= 0,
        });
    }

    /// <summary><c>q in (a, b)</c>; for a list (a test's <c>any-of</c>), whether it holds one of them.</summary>
    public static Truth In(in AnswerValue answer, ReadOnlySpan<AnswerValue> values)
    {
        if (!answer.IsAnswered)
        {
            return Truth.Unknown;
        }

        if (answer.Kind != AnswerValueKind.List)
        {
            return Of(values.IndexOf(answer) >= 0);
        }

        foreach (var value in values)
        {
            if (answer.ListContains(value))
            {
                return Truth.True;
            }
        }

        return Truth.False;
    }

    /// <summary><c>q contains x</c>: unknown unless the list is answered.</summary>
    public static Truth Contains(in AnswerValue answer, in AnswerValue element)
    {
        return answer.Kind != AnswerValueKind.List ? Truth.Unknown : Of(answer.ListContains(element));
    }

    /// <summary><c>q is answered</c>: never unknown.</summary>
    public static Truth IsAnswered(in AnswerValue answer) => Of(answer.IsAnswered);

    /// <summary>Test <c>satisfied-by provided</c>: a text that is not blank, or a list that is not empty.</summary>
    public static Truth Provided(in AnswerValue answer) =>
        !answer.IsAnswered ? Truth.Unknown : answer.Kind != AnswerValueKind.List ? Truth.True : Of(!answer.IsEmptyList);

    /// <summary>Test <c>satisfied-by empty</c>: a list with no items (a text that is not blank never is).</summary>
    public static Truth Empty(in AnswerValue answer) =>
        !answer.IsAnswered ? Truth.Unknown : answer.Kind != AnswerValueKind.List ? Truth.False : Of(answer.IsEmptyList);

    internal static Truth Of(bool value) => value ? Truth.True : Truth.False;
}
