using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Lexing;

/// <summary>
/// Turns text into tokens. Every problem becomes a diagnostic and a <see cref="TokenKind.Bad"/> token or a
/// best-effort value, so the parser always gets a complete token list ending in <see cref="TokenKind.EndOfFile"/>.
/// </summary>
internal sealed class Lexer
{
    /// <summary>
    /// How far past <c>\u{</c> the closing brace is looked for. A valid escape has at most six hex digits; the
    /// margin lets a slightly longer one be reported whole. Bounding the look keeps lexing linear even when
    /// every string of a large file starts an escape it never closes.
    /// </summary>
    private const int MaxEscapeScan = 16;

    private readonly string text;
    private readonly DiagnosticBag diagnostics;
    private readonly List<Token> tokens;

    /// <summary>Each identifier's text once per file: a file names the same safeguards and keywords again and again.</summary>
    private readonly IdentifierTable names = new();
    private int position;

    private Lexer(SourceText source, DiagnosticBag diagnostics)
    {
        text = source.Content;
        this.diagnostics = diagnostics;

        // Real treaties average a token every six to eight characters: sized so the list grows at most once or twice.
        tokens = new List<Token>((text.Length / 8) + 16);
    }

    public static IReadOnlyList<Token> Tokenize(SourceText source, DiagnosticBag diagnostics)
    {
        ReportBidirectionalControls(source.Content, diagnostics);
        var lexer = new Lexer(source, diagnostics);
        lexer.Run();
        return lexer.tokens;
    }

    /// <summary>Bidi controls are reported wherever they stand, in code, strings and comments alike.</summary>
    private static void ReportBidirectionalControls(string text, DiagnosticBag diagnostics)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var name = BidirectionalControlName(text[i]);
            if (name is not null)
            {
                diagnostics.Report(DiagnosticDescriptors.BidirectionalControl, new TextSpan(i, 1), ((int)text[i]).ToString("X4", CultureInfo.InvariantCulture), name);
            }
        }
    }

    internal static string? BidirectionalControlName(char c) => BidirectionalControls.Name(c);

    private char Current => position < text.Length ? text[position] : '\0';

    private char Peek(int offset) => position + offset < text.Length ? text[position + offset] : '\0';

    private bool AtEnd => position >= text.Length;

    private void Run()
    {
        while (true)
        {
            SkipTrivia();
            if (AtEnd)
            {
                tokens.Add(new Token(TokenKind.EndOfFile, new TextSpan(text.Length, 0), string.Empty));
                return;
            }

            tokens.Add(NextToken());
        }
    }

    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            var c = Current;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\uFEFF' || BidirectionalControlName(c) is not null)
            {
                position++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (!AtEnd && Current != '\n' && Current != '\r')
                {
                    position++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var start = position;
                var end = text.IndexOf("*/", position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    diagnostics.Report(DiagnosticDescriptors.UnterminatedComment, new TextSpan(start, 2));
                    position = text.Length;
                }
                else
                {
                    position = end + 2;
                }
            }
            else
            {
                return;
            }
        }
    }

    private Token NextToken()
    {
        var start = position;
        var c = Current;
        if (IsIdentifierStart(c))
        {
            return ReadIdentifier();
        }

        if (c >= '0' && c <= '9')
        {
            return ReadNumberOrDate();
        }

        switch (c)
        {
            case '"':
                return Peek(1) == '"' && Peek(2) == '"' ? ReadTripleQuotedString() : ReadString();
            case '@':
                return ReadLanguageTag();
            case '{':
                return Single(TokenKind.OpenBrace);
            case '}':
                return Single(TokenKind.CloseBrace);
            case '(':
                return Single(TokenKind.OpenParen);
            case ')':
                return Single(TokenKind.CloseParen);
            case ',':
                return Single(TokenKind.Comma);
            case ':':
                return Single(TokenKind.Colon);
            case '.':
                return Single(TokenKind.Dot);
            case '=' when Peek(1) == '=':
                return Double(TokenKind.EqualsEquals);
            case '!' when Peek(1) == '=':
                return Double(TokenKind.NotEquals);
            case '<':
                return Peek(1) == '=' ? Double(TokenKind.LessOrEqual) : Single(TokenKind.Less);
            case '>':
                return Peek(1) == '=' ? Double(TokenKind.GreaterOrEqual) : Single(TokenKind.Greater);
        }

        // Consume a whole run of unreadable characters as one token, so one stray blob gives one diagnostic.
        position += char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
        while (!AtEnd && IsUnreadable(Current))
        {
            position++;
        }

        diagnostics.Report(DiagnosticDescriptors.UnexpectedCharacter, new TextSpan(start, position - start), DescribeCharacter(text, start));
        return new Token(TokenKind.Bad, TextSpan.FromBounds(start, position), text.Substring(start, position - start));
    }

    private static bool IsUnreadable(char c) =>
        !(IsIdentifierStart(c) || (c >= '0' && c <= '9') || c == ' ' || c == '\t' || c == '\r' || c == '\n' || "\"@{}(),:.=!<>/".IndexOf(c) >= 0 || BidirectionalControlName(c) is not null);

    internal static string DescribeCharacter(string text, int index)
    {
        var c = text[index];
        int codePoint = char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(c, text[index + 1])
            : c;
        var hex = "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
        return c < ' ' || c == '\u007F' || char.IsSurrogate(c) ? hex : "'" + char.ConvertFromUtf32(codePoint) + "' (" + hex + ")";
    }

    private Token Single(TokenKind kind)
    {
        position++;
        return new Token(kind, new TextSpan(position - 1, 1), Punctuation(kind));
    }

    private Token Double(TokenKind kind)
    {
        position += 2;
        return new Token(kind, new TextSpan(position - 2, 2), Punctuation(kind));
    }

    /// <summary>A punctuation token's text, which is always the same: no string per token.</summary>
    private static string Punctuation(TokenKind kind) => kind switch
    {
        TokenKind.OpenBrace => "{",
        TokenKind.CloseBrace => "}",
        TokenKind.OpenParen => "(",
        TokenKind.CloseParen => ")",
        TokenKind.Comma => ",",
        TokenKind.Colon => ":",
        TokenKind.Dot => ".",
        TokenKind.EqualsEquals => "==",
        TokenKind.NotEquals => "!=",
        TokenKind.Less => "<",
        TokenKind.LessOrEqual => "<=",
        TokenKind.Greater => ">",
        _ => ">=",
    };

    internal static bool IsIdentifierStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

    internal static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || (c >= '0' && c <= '9');

    /// <summary>Whether the whole text lexes as one identifier: what a rename may give a name.</summary>
    public static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !IsIdentifierStart(text[0]))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (!IsIdentifierPart(text[i]) && !(text[i] == '-' && i + 1 < text.Length && IsIdentifierPart(text[i + 1])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Identifiers are ASCII letters, digits and '_', with single '-' between parts: <c>dual-criminality</c>.</summary>
    private Token ReadIdentifier()
    {
        var start = position;
        position++;
        while (true)
        {
            if (IsIdentifierPart(Current))
            {
                position++;
            }
            else if (Current == '-' && IsIdentifierPart(Peek(1)))
            {
                position += 2;
            }
            else
            {
                break;
            }
        }

        return new Token(TokenKind.Identifier, TextSpan.FromBounds(start, position), names.Get(text, start, position - start));
    }

    private Token ReadNumberOrDate()
    {
        var start = position;
        while (IsAsciiDigit(Current))
        {
            position++;
        }

        if (Current == '-' && position - start == 4 && IsAsciiDigit(Peek(1)))
        {
            // A date: YYYY-MM-DD.
            while (IsAsciiDigit(Current) || Current == '-')
            {
                position++;
            }

            var dateText = text.Substring(start, position - start);
            if (!DateTime.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidLiteral, TextSpan.FromBounds(start, position), dateText, "date", "a real calendar date as YYYY-MM-DD, e.g. 2024-12-24");
                return new Token(TokenKind.Bad, TextSpan.FromBounds(start, position), dateText);
            }

            return new Token(TokenKind.Date, TextSpan.FromBounds(start, position), dateText);
        }

        if (Current == '.' && IsAsciiDigit(Peek(1)))
        {
            position++;
            while (IsAsciiDigit(Current))
            {
                position++;
            }
        }

        // A number glued to letters (12abc) is one bad literal, not a number followed by a name.
        if (IsIdentifierStart(Current))
        {
            while (IsIdentifierPart(Current))
            {
                position++;
            }

            var bad = text.Substring(start, position - start);
            diagnostics.Report(DiagnosticDescriptors.InvalidLiteral, TextSpan.FromBounds(start, position), bad, "number", "digits with an optional decimal part, e.g. 4 or 0.5");
            return new Token(TokenKind.Bad, TextSpan.FromBounds(start, position), bad);
        }

        var numberText = text.Substring(start, position - start);
        if (numberText.Length > 28)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidLiteral, TextSpan.FromBounds(start, position), numberText.Substring(0, 28) + "...", "number", "at most 28 digits");
            return new Token(TokenKind.Bad, TextSpan.FromBounds(start, position), numberText);
        }

        return new Token(TokenKind.Number, TextSpan.FromBounds(start, position), numberText);
    }

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    private Token ReadLanguageTag()
    {
        var start = position;
        position++;
        while (IsIdentifierPart(Current) || (Current == '-' && IsIdentifierPart(Peek(1))))
        {
            position++;
        }

        var tag = text.Substring(start + 1, position - start - 1);
        if (!IsLanguageTag(tag))
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidLanguageTag, TextSpan.FromBounds(start, position), tag);
            return new Token(TokenKind.Bad, TextSpan.FromBounds(start, position), tag);
        }

        return new Token(TokenKind.LanguageTag, TextSpan.FromBounds(start, position), tag);
    }

    /// <summary>A BCP 47 shape: a 2-3 letter primary language, then subtags of 2-8 letters or digits.</summary>
    internal static bool IsLanguageTag(string tag)
    {
        var parts = tag.Split('-');
        if (parts[0].Length < 2 || parts[0].Length > 3 || !IsAll(parts[0], char.IsLetter))
        {
            return false;
        }

        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length < 2 || parts[i].Length > 8 || !IsAll(parts[i], char.IsLetterOrDigit))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAll(string s, Func<char, bool> predicate)
    {
        foreach (var c in s)
        {
            if (c > 127 || !predicate(c))
            {
                return false;
            }
        }

        return true;
    }

    private Token ReadString()
    {
        var start = position;
        position++;

        // Most strings hold no escape: their value is the text between the quotes, taken in one piece.
        var end = position;
        while (end < text.Length && text[end] is not ('"' or '\\' or '\n' or '\r'))
        {
            end++;
        }

        if (end < text.Length && text[end] == '"')
        {
            var plain = text.Substring(position, end - position);
            position = end + 1;
            return new Token(TokenKind.StringLiteral, TextSpan.FromBounds(start, position), plain);
        }

        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current == '\n' || Current == '\r')
            {
                diagnostics.Report(DiagnosticDescriptors.UnterminatedString, new TextSpan(start, 1), "end of the line", "'\"'");
                return new Token(TokenKind.StringLiteral, TextSpan.FromBounds(start, position), value.ToString());
            }

            var c = Current;
            if (c == '"')
            {
                position++;
                return new Token(TokenKind.StringLiteral, TextSpan.FromBounds(start, position), value.ToString());
            }

            if (c == '\\')
            {
                ReadEscape(value);
                continue;
            }

            value.Append(c);
            position++;
        }
    }

    /// <summary>The position of the <c>}</c> closing a <c>\u{</c> escape whose digits start at <paramref name="from"/>, or -1 when the string, the line or the look-ahead ends first.</summary>
    private int EscapeClose(int from)
    {
        var limit = Math.Min(text.Length, from + MaxEscapeScan);
        for (var i = from; i < limit; i++)
        {
            switch (text[i])
            {
                case '}':
                    return i;
                case '\n' or '\r' or '"':
                    return -1;
            }
        }

        return -1;
    }

    private void ReadEscape(StringBuilder value)
    {
        var start = position;
        var next = Peek(1);
        switch (next)
        {
            case '"':
                value.Append('"');
                position += 2;
                return;
            case '\\':
                value.Append('\\');
                position += 2;
                return;
            case 'n':
                value.Append('\n');
                position += 2;
                return;
            case 'r':
                value.Append('\r');
                position += 2;
                return;
            case 't':
                value.Append('\t');
                position += 2;
                return;
            case 'u' when Peek(2) == '{':
                var close = EscapeClose(position + 3);
                if (close > 0)
                {
                    var hex = text.Substring(position + 3, close - position - 3);
                    if (hex.Length is > 0 and <= 6
                        && int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                        && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF))
                    {
                        var decoded = char.ConvertFromUtf32(code);
                        if (decoded.Length == 1 && BidirectionalControlName(decoded[0]) is { } name)
                        {
                            // An escaped bidi control is as dangerous in generated output as a literal one.
                            diagnostics.Report(DiagnosticDescriptors.BidirectionalControl, TextSpan.FromBounds(start, close + 1), code.ToString("X4", CultureInfo.InvariantCulture), name);
                        }

                        value.Append(decoded);
                        position = close + 1;
                        return;
                    }

                    diagnostics.Report(DiagnosticDescriptors.InvalidEscape, TextSpan.FromBounds(start, close + 1), text.Substring(start, close + 1 - start));
                    position = close + 1;
                    return;
                }

                break;
        }

        var length = next == '\0' || next == '\n' || next == '\r' ? 1 : 2;
        diagnostics.Report(DiagnosticDescriptors.InvalidEscape, new TextSpan(start, length), text.Substring(start, length));
        position += length;
    }

    /// <summary>
    /// A raw multi-line string between triple quotes. Line endings become '\n', and the indentation of the
    /// closing quotes is removed from every line, so guidance can be indented with the code around it.
    /// </summary>
    private Token ReadTripleQuotedString()
    {
        var start = position;
        var end = text.IndexOf("\"\"\"", position + 3, StringComparison.Ordinal);
        if (end < 0)
        {
            diagnostics.Report(DiagnosticDescriptors.UnterminatedString, new TextSpan(start, 3), "end of the file", "'\"\"\"'");
            position = text.Length;
            return new Token(TokenKind.StringLiteral, TextSpan.FromBounds(start, position), string.Empty);
        }

        position = end + 3;
        var raw = text.Substring(start + 3, end - start - 3).Replace("\r\n", "\n").Replace('\r', '\n');
        return new Token(TokenKind.StringLiteral, TextSpan.FromBounds(start, position), Dedent(raw));
    }

    internal static string Dedent(string raw)
    {
        var lines = raw.Split('\n');
        if (lines.Length == 1)
        {
            return raw.Trim();
        }

        var last = lines[lines.Length - 1];
        var indent = last.Trim().Length == 0 ? last : string.Empty;
        var result = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if ((i == 0 || i == lines.Length - 1) && line.Trim().Length == 0)
            {
                continue;
            }

            if (line.StartsWith(indent, StringComparison.Ordinal))
            {
                line = line.Substring(indent.Length);
            }
            else
            {
                line = line.TrimStart(' ', '\t');
            }

            result.Add(line.TrimEnd(' ', '\t'));
        }

        return string.Join("\n", result);
    }
}
