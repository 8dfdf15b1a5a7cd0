using System;
using System.ComponentModel;
using System.Globalization;

namespace SafeguardGen;

/// <summary>
/// A checklist's decision and every safeguard's outcome, with nothing explained: what a caller that only acts on the
/// decision needs. Outcomes are packed two bits each, so for a checklist of up to 32 safeguards a verdict is a
/// value on the stack and working it out allocates nothing.
/// </summary>
public readonly struct Verdict : IEquatable<Verdict>
{
    /// <summary>Safeguards whose outcomes fit in <see cref="Verdict"/> itself; a larger checklist keeps the rest in an array.</summary>
    public const int InlineSafeguards = 32;

    private readonly ulong first;
    private readonly ulong[]? more;

    /// <summary>Creates a verdict from packed outcomes: safeguard <c>i</c>'s outcome in bits <c>2i</c> and <c>2i + 1</c>.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="count">The number of safeguards.</param>
    /// <param name="first">The outcomes of the first 32 safeguards.</param>
    /// <param name="more">The outcomes of the rest, 32 to a word, or null when there are at most 32.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Verdict(Decision decision, int count, ulong first, ulong[]? more)
    {
        if (count < 0 || (count > InlineSafeguards && (more is null || more.Length < (count - 1) / InlineSafeguards)))
        {
            throw new ArgumentOutOfRangeException(nameof(count), "A verdict of " + count.ToString(CultureInfo.InvariantCulture) + " safeguards needs a word of outcomes for every 32 safeguards after the first 32.");
        }

        Decision = decision;
        Count = count;
        this.first = first;
        this.more = more;
    }

    /// <summary>The decision.</summary>
    public Decision Decision { get; }

    /// <summary>The number of safeguards.</summary>
    public int Count { get; }

    /// <summary>The outcome of the safeguard at <paramref name="position"/> in the checklist's order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no safeguard at that position.</exception>
    public SafeguardOutcome this[int position]
    {
        get
        {
            if ((uint)position >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(position), "The checklist has " + Count.ToString(CultureInfo.InvariantCulture) + " safeguards; positions run from 0 to " + (Count - 1).ToString(CultureInfo.InvariantCulture) + ".");
            }

            var word = position < InlineSafeguards ? first : more![(position / InlineSafeguards) - 1];
            return (SafeguardOutcome)((word >> (2 * (position % InlineSafeguards))) & 3);
        }
    }

    /// <summary>Packs outcomes given one by one (the interpreter's way; generated validators pack at generation time).</summary>
    internal static Verdict From(Decision decision, ReadOnlySpan<SafeguardOutcome> outcomes)
    {
        var first = 0UL;
        var more = outcomes.Length > InlineSafeguards ? new ulong[(outcomes.Length - 1) / InlineSafeguards] : null;
        for (var i = 0; i < outcomes.Length; i++)
        {
            var bits = (ulong)outcomes[i] << (2 * (i % InlineSafeguards));
            if (i < InlineSafeguards)
            {
                first |= bits;
            }
            else
            {
                more![(i / InlineSafeguards) - 1] |= bits;
            }
        }

        return new Verdict(decision, outcomes.Length, first, more);
    }

    /// <summary>Whether two verdicts have the same decision and the same outcome for every safeguard.</summary>
    public bool Equals(Verdict other)
    {
        if (Decision != other.Decision || Count != other.Count || first != other.first)
        {
            return false;
        }

        for (var i = InlineSafeguards; i < Count; i++)
        {
            if (this[i] != other[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Verdict other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Decision, Count, first);

    /// <summary>Equality.</summary>
    public static bool operator ==(Verdict left, Verdict right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Verdict left, Verdict right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString()
    {
        var outcomes = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            outcomes[i] = this[i].ToString();
        }

        return Decision + " (" + string.Join(", ", outcomes) + ")";
    }
}

/// <summary>
/// How tests, exceptions and conditions make a safeguard's outcome, and outcomes a decision, as
/// dsl-spec/semantics.md describes: the interpreter and the generated validators' straight-line code share these
/// steps, so the two cannot disagree on how a safeguard stands. None of them allocates.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SafeguardLogic
{
    /// <summary>The effect of an outcome that makes the request one that must be refused.</summary>
    public const int MustRefuse = 1;

    /// <summary>The effect of an outcome that leaves the request incomplete.</summary>
    public const int Incomplete = 2;

    /// <summary>The effect of an outcome that lets the requested state refuse.</summary>
    public const int MayRefuse = 4;

    /// <summary>The general rule from the tests: a test not met decides, then a test unanswered; no tests are satisfied.</summary>
    public static SafeguardOutcome Tests(ReadOnlySpan<Truth> tests)
    {
        var missing = false;
        foreach (var met in tests)
        {
            if (met == Truth.False)
            {
                return SafeguardOutcome.NotSatisfied;
            }

            missing |= met == Truth.Unknown;
        }

        return missing ? SafeguardOutcome.Unanswered : SafeguardOutcome.Satisfied;
    }

    /// <summary>
    /// One exception over what the lower ones left: one that holds decides; an unknown one decides only if the rest
    /// agrees with it. Apply them from the lowest priority up.
    /// </summary>
    public static SafeguardOutcome Except(SafeguardOutcome rest, Truth holds, SafeguardOutcome outcome) => holds switch
    {
        Truth.True => outcome,
        Truth.False => rest,
        _ => rest == outcome ? rest : SafeguardOutcome.Unanswered,
    };

    /// <summary>
    /// Whether the safeguard applies at all: not when its <c>when</c> is false or its <c>unless</c> true, unanswered
    /// while either is unknown, and otherwise <paramref name="rest"/>. Pass true for a missing <c>when</c> and false
    /// for a missing <c>unless</c>.
    /// </summary>
    public static SafeguardOutcome Applicable(Truth when, Truth unless, SafeguardOutcome rest) =>
        when == Truth.False || unless == Truth.True ? SafeguardOutcome.NotApplicable
        : when == Truth.Unknown || unless == Truth.Unknown ? SafeguardOutcome.Unanswered
        : rest;

    /// <summary>What an outcome does to the decision, as flags (<see cref="MustRefuse"/>, <see cref="Incomplete"/>, <see cref="MayRefuse"/>).</summary>
    public static int Effects(SafeguardOutcome outcome, SafeguardSeverity severity, RefusalGroundKind ground) => outcome switch
    {
        SafeguardOutcome.NotSatisfied => ground == RefusalGroundKind.Mandatory || (severity == SafeguardSeverity.Blocking && ground == RefusalGroundKind.None) ? MustRefuse
            : ground == RefusalGroundKind.Optional ? MayRefuse
            : 0,
        SafeguardOutcome.Unanswered => severity == SafeguardSeverity.Blocking ? Incomplete : 0,
        _ => 0,
    };

    /// <summary>
    /// The decision: whether the instrument governs the case comes first (outside its scope it creates no obligation;
    /// while that is unknown nothing is final), then a ground that must be refused, an open blocking safeguard, and a
    /// ground that may be refused. Pass true for a measure without a scope.
    /// </summary>
    public static Decision Decide(Truth scope, int effects) =>
        scope == Truth.False ? Decision.OutsideInstrument
        : scope == Truth.Unknown ? Decision.Incomplete
        : (effects & MustRefuse) != 0 ? Decision.MustRefuse
        : (effects & Incomplete) != 0 ? Decision.Incomplete
        : (effects & MayRefuse) != 0 ? Decision.MayRefuse
        : Decision.Proceed;
}
