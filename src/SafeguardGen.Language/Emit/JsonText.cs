using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SafeguardGen.Language.Emit;

/// <summary>
/// A JSON object under construction, members in the order they are added. A member whose value is null or an empty
/// list is left out, so optional parts of a model can be added unconditionally (OSCAL forbids empty arrays).
/// Values are strings, booleans, integers, decimals, <see cref="JsonNumber"/>s, other <see cref="JsonMap"/>s, and
/// lists of these.
/// </summary>
public sealed class JsonMap : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> members = new();

    public int Count => members.Count;

    public void Add(string name, object? value)
    {
        if (value is null || (value is ICollection { Count: 0 }))
        {
            return;
        }

        members.Add(new KeyValuePair<string, object>(name, value));
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A number written exactly as given: for bounds no <see cref="decimal"/> or <see cref="double"/> prints the same way everywhere.</summary>
public sealed record JsonNumber(string Text);

/// <summary>
/// Writes JSON the same way every time: two-space indentation, LF line ends, a final line end, members in their
/// order, numbers in invariant form. Every string is escaped by construction: quotes, backslashes, control
/// characters, line and paragraph separators, bidirectional controls and surrogates become <c>\uXXXX</c>,
/// so no text of a .treaty file can break the document or reorder what a reader sees. Nesting is as deep as the
/// model that builds the value (a handful of levels), never as deep as any input.
/// </summary>
public static class JsonText
{
    public static string Write(object value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        builder.Append('\n');
        return builder.ToString();
    }

    /// <summary>A JSON string literal of <paramref name="text"/>, quotes included.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        AppendString(builder, text);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object value, int depth)
    {
        switch (value)
        {
            case string text:
                AppendString(builder, text);
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case int number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case decimal number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonNumber number:
                builder.Append(number.Text);
                break;
            case JsonMap map:
                WriteMap(builder, map, depth);
                break;
            case IEnumerable list:
                WriteList(builder, list, depth);
                break;
            default:
                // Only the emitters of this library build values; a type they never use is a bug, said plainly.
                throw new System.ArgumentException("JsonText cannot write a " + value.GetType().Name + ".", nameof(value));
        }
    }

    private static void WriteMap(StringBuilder builder, JsonMap map, int depth)
    {
        if (map.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        builder.Append('{');
        var first = true;
        foreach (var member in map)
        {
            builder.Append(first ? "\n" : ",\n");
            first = false;
            Indent(builder, depth + 1);
            AppendString(builder, member.Key);
            builder.Append(": ");
            Write(builder, member.Value, depth + 1);
        }

        builder.Append('\n');
        Indent(builder, depth);
        builder.Append('}');
    }

    private static void WriteList(StringBuilder builder, IEnumerable list, int depth)
    {
        builder.Append('[');
        var first = true;
        foreach (var item in list)
        {
            builder.Append(first ? "\n" : ",\n");
            first = false;
            Indent(builder, depth + 1);
            Write(builder, item ?? throw new System.ArgumentException("A JSON list cannot hold null here.", nameof(list)), depth + 1);
        }

        if (!first)
        {
            builder.Append('\n');
            Indent(builder, depth);
        }

        builder.Append(']');
    }

    private static void Indent(StringBuilder builder, int depth) => builder.Append(' ', depth * 2);

    /// <summary>
    /// C#'s regular string literal and JSON's string share their escapes (<c>\"</c>, <c>\\</c>, <c>\n</c>,
    /// <c>\r</c>, <c>\t</c>, <c>\uXXXX</c>), so the one escaper of author text writes both.
    /// </summary>
    private static void AppendString(StringBuilder builder, string text) => builder.Append(CSharpLiterals.Str(text));
}
