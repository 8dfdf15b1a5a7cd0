using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Lexing;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Formatting;

/// <summary>The formatted text of a file, or null with the syntax errors that stopped it being formatted.</summary>
public sealed record FormatResult(string? Text, EquatableArray<Diagnostic> Errors)
{
    public bool Formatted => Text is not null;
}

/// <summary>
/// The one canonical layout of a <c>.treaty</c> file: two spaces per level of braces, one item per line, single
/// spaces between words, no space before <c>,</c> <c>)</c> <c>.</c> or a language tag, a blank line between
/// top-level declarations, at most one blank line anywhere, none just inside braces, no trailing spaces, and one
/// newline at the end.
/// </summary>
/// <remarks>
/// It works on the tokens and the text between them, so comments and every string (raw ones included) are kept
/// exactly as written, and it changes only whitespace: it never moves a token past another, which is why the
/// bound model cannot change. The author's line breaks are kept (a long condition may be broken where its author
/// chose), and added where an item ends; a line that continues an unfinished condition or list is indented two levels deeper.
/// Items keep the author's order: the spec lets a block list its items in any order, and the order of questions,
/// citations and exceptions is what readers see. A file with syntax errors is left alone: its tokens may not be
/// what the author meant, and formatting around a mistake would hide it.
/// </remarks>
public static class TreatyFormatter
{
    private const string Indent = "  ";

    public static FormatResult Format(string path, string text) => Format(new SourceText(path, text));

    /// <summary>Formats one file; never throws. A file with any error (unreadable bytes included) is returned unformatted, with its errors.</summary>
    public static FormatResult Format(SourceText source)
    {
        var parsed = TreatyCompiler.Parse(source);
        var errors = parsed.Diagnostics.Where(d => d.IsError).ToEquatableArray();
        if (!errors.IsEmpty)
        {
            return new FormatResult(null, errors);
        }

        var tokens = Lexer.Tokenize(source, new DiagnosticBag(source.Lines));
        return new FormatResult(new Layout(source.Content, tokens).Write(), default);
    }

    /// <summary>Writes the tokens again with canonical whitespace. Linear: one pass over the tokens and the text between them.</summary>
    private sealed class Layout
    {
        private readonly string text;
        private readonly IReadOnlyList<Token> tokens;
        private readonly StringBuilder output;

        /// <summary>Open braces and parentheses, innermost last.</summary>
        private readonly Stack<TokenKind> open = new();
        private int braces;
        private bool lineIsEmpty = true;
        private bool lineHasLineComment;

        public Layout(string text, IReadOnlyList<Token> tokens)
        {
            this.text = text;
            this.tokens = tokens;
            output = new StringBuilder(text.Length + (text.Length / 8));
        }

        public string Write()
        {
            Token? previous = null;
            var gapStart = 0;
            foreach (var token in tokens)
            {
                var gap = Gap.Read(text, gapStart, token.Span.Start);
                WriteGap(previous, token, gap);
                if (token.Kind == TokenKind.EndOfFile)
                {
                    break;
                }

                if (token.Kind is TokenKind.CloseBrace or TokenKind.CloseParen)
                {
                    Close(token.Kind);
                }

                Append(text.Substring(token.Span.Start, token.Span.Length));
                if (token.Kind == TokenKind.OpenBrace)
                {
                    open.Push(TokenKind.OpenBrace);
                    braces++;
                }
                else if (token.Kind == TokenKind.OpenParen)
                {
                    open.Push(TokenKind.OpenParen);
                }

                previous = token;
                gapStart = token.Span.End;
            }

            TrimTrailingSpaces();
            while (output.Length > 0 && output[output.Length - 1] == '\n')
            {
                output.Length--;
            }

            if (output.Length > 0)
            {
                output.Append('\n');
            }

            return output.ToString();
        }

        private void Close(TokenKind kind)
        {
            var opener = kind == TokenKind.CloseBrace ? TokenKind.OpenBrace : TokenKind.OpenParen;

            // The parser has accepted the file, so the brackets match; the guard only keeps a bug from throwing.
            if (open.Count > 0 && open.Peek() == opener)
            {
                open.Pop();
                if (opener == TokenKind.OpenBrace)
                {
                    braces--;
                }
            }
        }

        /// <summary>The whitespace and comments before <paramref name="token"/>, laid out.</summary>
        private void WriteGap(Token? previous, Token token, Gap gap)
        {
            var atEnd = token.Kind == TokenKind.EndOfFile;
            var newlines = gap.NewlinesBefore(gap.Comments.Count);
            var breakBefore = previous is null || atEnd || newlines > 0 || MustBreak(previous.Value, token);

            // Comments first, each where it stood: at the end of a line, or on a line of its own.
            var lineCount = 0;
            for (var i = 0; i < gap.Comments.Count; i++)
            {
                var comment = gap.Comments[i];
                var before = gap.NewlinesBefore(i);
                if (previous is null && output.Length == 0)
                {
                    AppendComment(comment);
                }
                else if (before == 0 && !lineIsEmpty)
                {
                    output.Append(' ');
                    AppendComment(comment);
                }
                else
                {
                    var blank = BlankLinesAllowed(previous, before, i == 0);
                    if (i == 0 && previous?.Kind == TokenKind.CloseBrace && braces == 0)
                    {
                        blank = 1;
                    }

                    NewLine(blank);
                    StartLine(previous, token, isComment: true);
                    AppendComment(comment);
                }

                lineCount++;
            }

            if (atEnd)
            {
                return;
            }

            if (previous is null && lineCount == 0)
            {
                StartLine(null, token, isComment: false);
                return;
            }

            if (lineCount > 0 && !EndsWithLineComment() && !breakBefore)
            {
                output.Append(' ');
                return;
            }

            if (breakBefore || EndsWithLineComment())
            {
                var blank = BlankLinesAllowed(previous, newlines, lineCount == 0);
                if (lineCount == 0 && previous?.Kind == TokenKind.CloseBrace && braces == 0 && token.Kind != TokenKind.CloseBrace)
                {
                    // Top-level declarations are set apart by one blank line.
                    blank = 1;
                }

                if (token.Kind == TokenKind.CloseBrace)
                {
                    blank = 0;
                }

                NewLine(blank);
                StartLine(previous, token, isComment: false);
                return;
            }

            if (NeedsSpace(previous!.Value, token, gap))
            {
                output.Append(' ');
            }
        }

        /// <summary>
        /// Braces always break the line: after an opening brace (unless the block is empty), before and after a
        /// closing one. So does a word after a value (a string, number or date) outside parentheses: a value ends its
        /// item, except in a citation (<c>article "24bis" paragraph 2 verified</c>) and a condition (<c>x &gt;= 4 and y</c>).
        /// </summary>
        private bool MustBreak(Token previous, Token token) =>
            (previous.Kind == TokenKind.OpenBrace && token.Kind != TokenKind.CloseBrace)
            || (token.Kind == TokenKind.CloseBrace && previous.Kind != TokenKind.OpenBrace)
            || previous.Kind == TokenKind.CloseBrace
            || (previous.Kind is TokenKind.StringLiteral or TokenKind.Number or TokenKind.Date && token.Kind == TokenKind.Identifier
                && !(open.Count > 0 && open.Peek() == TokenKind.OpenParen) && !ContinuesAfterValue(token));

        private static bool ContinuesAfterValue(Token token) =>
            token.IsWord("paragraph") || token.IsWord("letter") || token.IsWord("verified") || token.IsWord("unverified")
            || token.IsWord("and") || token.IsWord("or") || token.IsWord("not") || token.IsWord("in") || token.IsWord("contains") || token.IsWord("is");

        private static int BlankLinesAllowed(Token? previous, int newlines, bool firstAfterToken)
        {
            if (newlines < 2)
            {
                return 0;
            }

            // No blank line just inside an opening brace, and none at the top of the file.
            if (firstAfterToken && (previous is null || previous.Value.Kind == TokenKind.OpenBrace))
            {
                return 0;
            }

            return 1;
        }

        private void StartLine(Token? previous, Token token, bool isComment)
        {
            var continuation = !isComment && previous is not null && Continues(previous.Value, token);
            var level = braces + (continuation ? 2 : 0);
            if (token.Kind == TokenKind.CloseBrace && !isComment)
            {
                level = Math.Max(0, braces - 1);
            }

            for (var i = 0; i < level; i++)
            {
                output.Append(Indent);
            }

            lineIsEmpty = false;
        }

        /// <summary>
        /// Whether a line starting with <paramref name="token"/> continues the item of the line before: a condition
        /// broken after or before an operator, a list broken after a comma, an option's label in another language, or anything inside parentheses.
        /// </summary>
        private bool Continues(Token previous, Token token)
        {
            if (open.Count > 0 && open.Peek() == TokenKind.OpenParen)
            {
                return true;
            }

            return previous.Kind is TokenKind.Comma or TokenKind.OpenParen or TokenKind.Colon or TokenKind.Dot
                    or TokenKind.EqualsEquals or TokenKind.NotEquals or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual
                || previous.IsWord("and") || previous.IsWord("or") || previous.IsWord("not") || previous.IsWord("in") || previous.IsWord("contains") || previous.IsWord("is")
                || token.IsWord("and") || token.IsWord("or") || token.Kind is TokenKind.Comma or TokenKind.Dot or TokenKind.CloseParen or TokenKind.LanguageTag
                    or TokenKind.EqualsEquals or TokenKind.NotEquals or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual;
        }

        private static bool NeedsSpace(Token previous, Token token, Gap gap)
        {
            if (token.Kind is TokenKind.Comma or TokenKind.CloseParen or TokenKind.Dot or TokenKind.LanguageTag)
            {
                return false;
            }

            if (previous.Kind is TokenKind.OpenParen or TokenKind.Dot)
            {
                return false;
            }

            if (token.Kind == TokenKind.OpenParen)
            {
                // 'article 24(1)(b)' and a kind's qualifier 'oversight(independent)' are written tight; 'in (a, b)' and
                // 'answer q (a, b)' with a space. Which one a parenthesis after a name is, only the author's spacing
                // says without the grammar, so it is kept.
                return previous.Kind is not (TokenKind.Number or TokenKind.CloseParen) && !(previous.Kind == TokenKind.Identifier && !gap.HasWhitespace && !IsOperatorWord(previous));
            }

            return true;
        }

        private static bool IsOperatorWord(Token token) =>
            token.IsWord("in") || token.IsWord("not") || token.IsWord("and") || token.IsWord("or") || token.IsWord("contains");

        private void NewLine(int blankLines)
        {
            TrimTrailingSpaces();
            if (output.Length == 0)
            {
                return;
            }

            output.Append('\n');
            lineHasLineComment = false;
            for (var i = 0; i < blankLines; i++)
            {
                output.Append('\n');
            }

            lineIsEmpty = true;
        }

        private void Append(string value)
        {
            output.Append(value);
            lineIsEmpty = false;
        }

        private void AppendComment(string comment)
        {
            Append(comment.TrimEnd());
            lineHasLineComment = comment.StartsWith("//", StringComparison.Ordinal);
        }

        /// <summary>Whether the line being written ends in a line comment, after which a token must start a new line.</summary>
        private bool EndsWithLineComment() => lineHasLineComment;

        private void TrimTrailingSpaces()
        {
            while (output.Length > 0 && (output[output.Length - 1] == ' ' || output[output.Length - 1] == '\t'))
            {
                output.Length--;
            }
        }
    }

    /// <summary>The text between two tokens: its comments, and how many line breaks come before each and after the last.</summary>
    private sealed class Gap
    {
        private readonly List<int> newlines = new();

        public List<string> Comments { get; } = new();

        public bool HasWhitespace { get; private set; }

        /// <summary>The line breaks before comment <paramref name="index"/>, or after the last comment when it equals the count.</summary>
        public int NewlinesBefore(int index) => newlines[index];

        public static Gap Read(string text, int start, int end)
        {
            var gap = new Gap();
            var breaks = 0;
            var i = start;
            while (i < end)
            {
                var c = text[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= end || text[i + 1] != '\n')))
                {
                    breaks++;
                    gap.HasWhitespace = true;
                    i++;
                }
                else if (c == '/' && i + 1 < end && text[i + 1] == '/')
                {
                    var stop = i;
                    while (stop < end && text[stop] != '\n' && text[stop] != '\r')
                    {
                        stop++;
                    }

                    gap.Add(text.Substring(i, stop - i), breaks);
                    breaks = 0;
                    i = stop;
                }
                else if (c == '/' && i + 1 < end && text[i + 1] == '*')
                {
                    var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    var stop = close < 0 || close + 2 > end ? end : close + 2;
                    gap.Add(text.Substring(i, stop - i), breaks);
                    breaks = 0;
                    i = stop;
                }
                else
                {
                    gap.HasWhitespace = true;
                    i++;
                }
            }

            gap.newlines.Add(breaks);
            return gap;
        }

        private void Add(string comment, int breaksBefore)
        {
            Comments.Add(comment);
            newlines.Add(breaksBefore);
        }
    }
}
