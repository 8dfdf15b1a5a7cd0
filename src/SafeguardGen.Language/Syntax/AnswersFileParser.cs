using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Syntax;

public enum JsonKind
{
    Map,
    List,
    Text,
    Number,
    True,
    False,
    Null,
}

/// <summary>A JSON value with its exact span: members of an object (name, name's span, value), items of an array, or a scalar's text.</summary>
public sealed record JsonNode(JsonKind Kind, string Text, EquatableArray<JsonMember> Members, EquatableArray<JsonNode> Items, TextSpan Span);

public sealed record JsonMember(string Name, TextSpan NameSpan, JsonNode Value);

/// <summary>
/// Reads a request file (strict JSON, RFC 8259) for a scenario's <c>answers-from</c>. The language library cannot
/// use System.Text.Json (it is compiled into the Roslyn generator), so this small reader gives exact spans for
/// located diagnostics. Nesting is limited to <see cref="MaxDepth"/> levels, so no input can exhaust the stack,
/// and it never throws: the first error is returned with its span.
/// </summary>
public static class AnswersFileParser
{
    public const int MaxDepth = 64;

    public static (JsonNode? Root, string? Error, TextSpan ErrorSpan) Parse(string text)
    {
        var reader = new Reader(text);
        try
        {
            reader.SkipWhitespace();
            var root = reader.Value(0);
            reader.SkipWhitespace();
            if (reader.Position < text.Length)
            {
                return (null, "unexpected text after the end of the JSON value", new TextSpan(reader.Position, 1));
            }

            return (root, null, default);
        }
        catch (JsonError error)
        {
            return (null, error.Message, new TextSpan(System.Math.Min(error.Position, text.Length), error.Position < text.Length ? 1 : 0));
        }
    }

    private sealed class JsonError(string message, int position) : System.Exception(message)
    {
        public int Position { get; } = position;
    }

    private sealed class Reader(string text)
    {
        public int Position { get; private set; }

        public void SkipWhitespace()
        {
            while (Position < text.Length && text[Position] is ' ' or '\t' or '\r' or '\n')
            {
                Position++;
            }
        }

        private char Peek => Position < text.Length ? text[Position] : '\0';

        private JsonError Error(string message) => new(Position < text.Length ? message + ", found '" + text[Position] + "'" : message + ", found the end of the file", Position);

        public JsonNode Value(int depth)
        {
            SkipWhitespace();
            var start = Position;
            switch (Peek)
            {
                case '{':
                case '[':
                    if (depth >= MaxDepth)
                    {
                        throw new JsonError("the JSON nests more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep", Position);
                    }

                    return Peek == '{' ? Object(depth) : Array(depth);
                case '"':
                    var value = String();
                    return new JsonNode(JsonKind.Text, value, default, default, TextSpan.FromBounds(start, Position));
                case 't':
                    return Word("true", JsonKind.True);
                case 'f':
                    return Word("false", JsonKind.False);
                case 'n':
                    return Word("null", JsonKind.Null);
                default:
                    if (Peek == '-' || (Peek >= '0' && Peek <= '9'))
                    {
                        return Number();
                    }

                    throw Error("expected a JSON value");
            }
        }

        private JsonNode Word(string word, JsonKind kind)
        {
            var start = Position;
            if (string.CompareOrdinal(text, Position, word, 0, word.Length) != 0)
            {
                throw Error("expected a JSON value");
            }

            Position += word.Length;
            return new JsonNode(kind, word, default, default, TextSpan.FromBounds(start, Position));
        }

        private JsonNode Object(int depth)
        {
            var start = Position++;
            var members = new List<JsonMember>();
            SkipWhitespace();
            if (Peek == '}')
            {
                Position++;
                return new JsonNode(JsonKind.Map, string.Empty, default, default, TextSpan.FromBounds(start, Position));
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek != '"')
                {
                    throw Error("expected a member name in double quotes");
                }

                var nameStart = Position;
                var name = String();
                var nameSpan = TextSpan.FromBounds(nameStart, Position);
                SkipWhitespace();
                if (Peek != ':')
                {
                    throw Error("expected ':' after a member name");
                }

                Position++;
                members.Add(new JsonMember(name, nameSpan, Value(depth + 1)));
                SkipWhitespace();
                if (Peek == ',')
                {
                    Position++;
                    continue;
                }

                if (Peek == '}')
                {
                    Position++;
                    return new JsonNode(JsonKind.Map, string.Empty, members.ToEquatableArray(), default, TextSpan.FromBounds(start, Position));
                }

                throw Error("expected ',' or '}'");
            }
        }

        private JsonNode Array(int depth)
        {
            var start = Position++;
            var items = new List<JsonNode>();
            SkipWhitespace();
            if (Peek == ']')
            {
                Position++;
                return new JsonNode(JsonKind.List, string.Empty, default, default, TextSpan.FromBounds(start, Position));
            }

            while (true)
            {
                items.Add(Value(depth + 1));
                SkipWhitespace();
                if (Peek == ',')
                {
                    Position++;
                    continue;
                }

                if (Peek == ']')
                {
                    Position++;
                    return new JsonNode(JsonKind.List, string.Empty, default, items.ToEquatableArray(), TextSpan.FromBounds(start, Position));
                }

                throw Error("expected ',' or ']'");
            }
        }

        private string String()
        {
            Position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (Position >= text.Length)
                {
                    throw Error("the string is not closed");
                }

                var c = text[Position];
                if (c == '"')
                {
                    Position++;
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    throw Error("a control character must be escaped in a JSON string");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    Position++;
                    continue;
                }

                Position++;
                switch (Peek)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (Position + 4 >= text.Length || !ushort.TryParse(text.Substring(Position + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Error("expected four hexadecimal digits after '\\u'");
                        }

                        builder.Append((char)code);
                        Position += 4;
                        break;
                    default:
                        throw Error("invalid escape in a JSON string");
                }

                Position++;
            }
        }

        private JsonNode Number()
        {
            var start = Position;
            if (Peek == '-')
            {
                Position++;
            }

            if (Peek == '0')
            {
                Position++;
            }
            else if (Peek >= '1' && Peek <= '9')
            {
                Digits();
            }
            else
            {
                throw Error("expected a digit");
            }

            if (Peek == '.')
            {
                Position++;
                if (!(Peek >= '0' && Peek <= '9'))
                {
                    throw Error("expected a digit after '.'");
                }

                Digits();
            }

            if (Peek is 'e' or 'E')
            {
                Position++;
                if (Peek is '+' or '-')
                {
                    Position++;
                }

                if (!(Peek >= '0' && Peek <= '9'))
                {
                    throw Error("expected a digit in the exponent");
                }

                Digits();
            }

            return new JsonNode(JsonKind.Number, text.Substring(start, Position - start), default, default, TextSpan.FromBounds(start, Position));
        }

        private void Digits()
        {
            while (Peek >= '0' && Peek <= '9')
            {
                Position++;
            }
        }
    }
}
