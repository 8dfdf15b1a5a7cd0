using System.Globalization;
using System.Text;

namespace SafeguardGen.Language.Emit;

/// <summary>Turns author text into C# literals and XML doc text that cannot break out of their context.</summary>
public static class CSharpLiterals
{
    /// <summary>A regular C# string literal. Quotes, backslashes, control characters and the Unicode line separators are escaped.</summary>
    public static string Str(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < ' ' || (c >= '\u007F' && c <= '\u009F') || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\uFFFE' || c == '\uFFFF' || char.IsSurrogate(c) || Lexing.Lexer.BidirectionalControlName(c) is not null)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Text for an XML doc comment: markup characters escaped; control characters, bidi controls and whatever
    /// XML 1.0 does not allow (U+FFFE, U+FFFF, a surrogate without its pair) dropped, so the compiler never
    /// reports the comment as malformed (CS1570).
    /// </summary>
    public static string Xml(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
                continue;
            }

            if (char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
            {
                continue;
            }

            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                default:
                    if (c >= ' ' && c != '\u2028' && c != '\u2029' && c != '\u0085' && !(c >= '\u007F' && c <= '\u009F') && Lexing.Lexer.BidirectionalControlName(c) is null)
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A decimal literal from a number in the language's invariant form: <c>4m</c>, <c>0.5m</c>.</summary>
    public static string Number(string value) => decimal.Parse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "m";

    /// <summary>A <c>DateOnly</c> from a date written YYYY-MM-DD.</summary>
    public static string Date(string value)
    {
        var date = System.DateTime.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return string.Format(CultureInfo.InvariantCulture, "new global::System.DateOnly({0}, {1}, {2})", date.Year, date.Month, date.Day);
    }
}
