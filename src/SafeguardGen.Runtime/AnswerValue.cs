using System;
using System.Globalization;
using System.Text;

namespace SafeguardGen;

/// <summary>What an <see cref="AnswerValue"/> holds.</summary>
public enum AnswerValueKind
{
    /// <summary>No answer yet.</summary>
    Unanswered,

    /// <summary>Yes or no.</summary>
    YesNo,

    /// <summary>One option of a choice, by its position among the question's options.</summary>
    Choice,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>A date.</summary>
    Date,

    /// <summary>A decimal number.</summary>
    Number,

    /// <summary>A list of values of one kind; it may be empty.</summary>
    List,
}

/// <summary>
/// One answer in a form every checklist shares, so that one interpreter (<see cref="Evaluator.Validate(ChecklistRules, ReadOnlySpan{AnswerValue})"/>)
/// can decide any checklist: the generated validators convert their typed answers to these, and the scenario runner
/// builds them from a scenario's answers. The default value is unanswered.
/// </summary>
public readonly struct AnswerValue : IEquatable<AnswerValue>
{
    /// <summary>Marks a list of choices held as a bit mask of option positions in <see cref="scalar"/>.</summary>
    private static readonly object ChoiceMask = new();

    private readonly decimal scalar;
    private readonly object? reference;

    private AnswerValue(AnswerValueKind kind, decimal scalar, object? reference)
    {
        Kind = kind;
        this.scalar = scalar;
        this.reference = reference;
    }

    /// <summary>What the value holds.</summary>
    public AnswerValueKind Kind { get; }

    /// <summary>No answer.</summary>
    public static AnswerValue Unanswered => default;

    /// <summary>Whether the question counts as answered: a value is given, and a text is not blank.</summary>
    public bool IsAnswered => Kind switch
    {
        AnswerValueKind.Unanswered => false,
        AnswerValueKind.Text => !string.IsNullOrWhiteSpace((string?)reference),
        _ => true,
    };

    /// <summary>A yes-no answer.</summary>
    public static AnswerValue YesNo(bool value) => new(AnswerValueKind.YesNo, value ? 1 : 0, null);

    /// <summary>A choice, by the position of the option among the question's options.</summary>
    public static AnswerValue Choice(int option) => new(AnswerValueKind.Choice, option, null);

    /// <summary>A text.</summary>
    public static AnswerValue Text(string text) => new(AnswerValueKind.Text, 0, text ?? throw new ArgumentNullException(nameof(text)));

    /// <summary>A date.</summary>
    public static AnswerValue Date(DateOnly date) => new(AnswerValueKind.Date, date.DayNumber, null);

    /// <summary>A number.</summary>
    public static AnswerValue Number(decimal number) => new(AnswerValueKind.Number, number, null);

    /// <summary>A list; the array is not copied, so do not change it afterwards.</summary>
    public static AnswerValue List(params AnswerValue[] items) => new(AnswerValueKind.List, 0, items ?? throw new ArgumentNullException(nameof(items)));

    /// <summary>Converts typed answers: null stays unanswered.</summary>
    public static AnswerValue Of(bool? value) => value is null ? default : YesNo(value.Value);

    /// <inheritdoc cref="Of(bool?)"/>
    public static AnswerValue Of(string? value) => value is null ? default : Text(value);

    /// <inheritdoc cref="Of(bool?)"/>
    public static AnswerValue Of(DateOnly? value) => value is null ? default : Date(value.Value);

    /// <inheritdoc cref="Of(bool?)"/>
    public static AnswerValue Of(decimal? value) => value is null ? default : Number(value.Value);

    /// <summary>A choice given as a generated enum, whose members follow the order of the options.</summary>
    public static AnswerValue Of<TEnum>(TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return default;
        }

        // Generated enums are int-based and list their members in the order of the options.
        var member = value.Value;
        return Choice(System.Runtime.CompilerServices.Unsafe.As<TEnum, int>(ref member));
    }

    /// <summary>A list of choices given as generated enums.</summary>
    public static AnswerValue OfChoices<TEnum>(System.Collections.Generic.IReadOnlyList<TEnum>? values)
        where TEnum : struct, Enum
    {
        if (values is null)
        {
            return default;
        }

        var items = new AnswerValue[values.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Of((TEnum?)values[i]);
        }

        return List(items);
    }

    /// <summary>
    /// A list of choices as a bit mask of option positions, for a verdict: nothing is allocated while every option
    /// is among the first 64. Conditions read it as they read the list; its items come out in option order, each once.
    /// </summary>
    public static AnswerValue OfChoicesMask<TEnum>(System.Collections.Generic.IReadOnlyList<TEnum>? values)
        where TEnum : struct, Enum
    {
        if (values is null)
        {
            return default;
        }

        var mask = 0UL;
        for (var i = 0; i < values.Count; i++)
        {
            var member = values[i];
            var option = System.Runtime.CompilerServices.Unsafe.As<TEnum, int>(ref member);
            if ((uint)option >= 64)
            {
                return OfChoices(values);
            }

            mask |= 1UL << option;
        }

        return new(AnswerValueKind.List, mask, ChoiceMask);
    }

    /// <summary>A list of texts.</summary>
    public static AnswerValue Of(System.Collections.Generic.IReadOnlyList<string>? values) => OfList(values, v => Text(v ?? string.Empty));

    /// <summary>A list of dates.</summary>
    public static AnswerValue Of(System.Collections.Generic.IReadOnlyList<DateOnly>? values) => OfList(values, Date);

    /// <summary>A list of numbers.</summary>
    public static AnswerValue Of(System.Collections.Generic.IReadOnlyList<decimal>? values) => OfList(values, Number);

    private static AnswerValue OfList<T>(System.Collections.Generic.IReadOnlyList<T>? values, Func<T, AnswerValue> convert)
    {
        if (values is null)
        {
            return default;
        }

        var items = new AnswerValue[values.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = convert(values[i]);
        }

        return List(items);
    }

    /// <summary>A yes-no answer's value.</summary>
    public bool AsBool => scalar != 0;

    /// <summary>A choice's option position.</summary>
    public int AsOption => (int)scalar;

    /// <summary>A text's value.</summary>
    public string AsText => reference as string ?? string.Empty;

    /// <summary>A date's value.</summary>
    public DateOnly AsDate => DateOnly.FromDayNumber((int)scalar);

    /// <summary>A number's value; for a date, its day number; for a choice, its position; for yes-no, 1 or 0.</summary>
    public decimal AsNumber => scalar;

    /// <summary>A list's items (a list of choices held as a mask is written out, in option order).</summary>
    public ReadOnlySpan<AnswerValue> Items => reference as AnswerValue[] ?? (ReferenceEquals(reference, ChoiceMask) ? MaskItems() : ReadOnlySpan<AnswerValue>.Empty);

    /// <summary>Whether a list has no items, without writing a mask out.</summary>
    internal bool IsEmptyList => ReferenceEquals(reference, ChoiceMask) ? scalar == 0 : Items.IsEmpty;

    /// <summary>Whether a list holds <paramref name="element"/>, without writing a mask out.</summary>
    internal bool ListContains(in AnswerValue element)
    {
        if (ReferenceEquals(reference, ChoiceMask))
        {
            return element.Kind == AnswerValueKind.Choice && (uint)element.AsOption < 64 && ((decimal.ToUInt64(scalar) >> element.AsOption) & 1) != 0;
        }

        foreach (var item in Items)
        {
            if (item.Equals(element))
            {
                return true;
            }
        }

        return false;
    }

    private AnswerValue[] MaskItems()
    {
        var mask = decimal.ToUInt64(scalar);
        var items = new AnswerValue[System.Numerics.BitOperations.PopCount(mask)];
        var next = 0;
        for (var option = 0; mask != 0; option++, mask >>= 1)
        {
            if ((mask & 1) != 0)
            {
                items[next++] = Choice(option);
            }
        }

        return items;
    }

    /// <summary>Whether two values are the same answer: the same kind and value (texts compared ordinally, lists item by item).</summary>
    public bool Equals(AnswerValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        switch (Kind)
        {
            case AnswerValueKind.Unanswered:
                return true;
            case AnswerValueKind.Text:
                return string.Equals(AsText, other.AsText, StringComparison.Ordinal);
            case AnswerValueKind.List:
                return Items.SequenceEqual(other.Items);
            default:
                return scalar == other.scalar;
        }
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AnswerValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        switch (Kind)
        {
            case AnswerValueKind.Text:
                hash.Add(AsText, StringComparer.Ordinal);
                break;
            case AnswerValueKind.List:
                foreach (var item in Items)
                {
                    hash.Add(item);
                }

                break;
            default:
                hash.Add(scalar);
                break;
        }

        return hash.ToHashCode();
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(AnswerValue left, AnswerValue right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(AnswerValue left, AnswerValue right) => !left.Equals(right);

    /// <summary>
    /// The answer written out for explanations: yes/no, numbers and dates in invariant form, options by name, a
    /// text in quotes, a list in brackets; null when unanswered.
    /// </summary>
    public string? Format(QuestionInfo question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (!IsAnswered)
        {
            return null;
        }

        if (Kind != AnswerValueKind.List)
        {
            return Kind == AnswerValueKind.Text ? "\"" + AsText + "\"" : Item(question);
        }

        var builder = new StringBuilder("[");
        var first = true;
        foreach (var item in Items)
        {
            builder.Append(first ? string.Empty : ", ").Append(item.Item(question));
            first = false;
        }

        return builder.Append(']').ToString();
    }

    private string Item(QuestionInfo question) => Kind switch
    {
        AnswerValueKind.YesNo => AsBool ? "yes" : "no",
        AnswerValueKind.Choice => AsOption >= 0 && AsOption < question.Options.Count ? question.Options[AsOption].Id : AsOption.ToString(CultureInfo.InvariantCulture),
        AnswerValueKind.Date => AsDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        AnswerValueKind.Number => scalar.ToString(CultureInfo.InvariantCulture),
        AnswerValueKind.Text => AsText,
        _ => string.Empty,
    };

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        AnswerValueKind.Unanswered => "unanswered",
        AnswerValueKind.Text => "\"" + AsText + "\"",
        AnswerValueKind.List => "[" + string.Join(", ", Items.ToArray()) + "]",
        AnswerValueKind.YesNo => AsBool ? "yes" : "no",
        AnswerValueKind.Choice => "option " + AsOption.ToString(CultureInfo.InvariantCulture),
        AnswerValueKind.Date => AsDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => scalar.ToString(CultureInfo.InvariantCulture),
    };
}
