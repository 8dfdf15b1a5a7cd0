using System;
using System.Collections.Generic;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SafeguardGen.Docs;

/// <summary>
/// Author guidance as Markdown that can only mean what its syntax tree means. The guidance is parsed once with
/// Markdig (raw HTML off) and written back out from the tree: every literal character that Markdown could read
/// as syntax is backslash-escaped, links keep only addresses that <see cref="Links.IsSafe"/> accepts (the others
/// keep their text and lose the link), raw HTML becomes text, and code keeps its content inside a fence longer
/// than any run of backticks in it. No text edit is made on the source, so no arrangement of reference
/// definitions, code spans or leading spaces can turn text into a live link, a heading or a list. Nesting deeper
/// than <see cref="MaxDepth"/> is written as plain text.
/// </summary>
internal static class SafeMarkdown
{
    public const int MaxDepth = 32;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    public static string Write(string markdown)
    {
        var document = Parse(markdown);
        if (TooDeep(document))
        {
            return Escape(PlainText(document));
        }

        var blocks = new List<string>();
        foreach (var block in document)
        {
            var text = Block(block, 0);
            if (text.Length > 0)
            {
                blocks.Add(text);
            }
        }

        return string.Join("\n\n", blocks);
    }

    private static string Block(Block block, int depth)
    {
        if (depth > MaxDepth)
        {
            return Escape(PlainText(block));
        }

        switch (block)
        {
            case HeadingBlock heading:
                return new string('#', Math.Min(Math.Max(heading.Level, 1), 6)) + " " + Inlines(heading.Inline, depth).Replace('\n', ' ');
            case ParagraphBlock paragraph:
                return Inlines(paragraph.Inline, depth);
            case ThematicBreakBlock:
                return "---";
            case FencedCodeBlock or CodeBlock:
                return Fenced(((LeafBlock)block).Lines.ToString());
            case HtmlBlock html:
                return Escape(html.Lines.ToString());
            case LinkReferenceDefinitionGroup or LinkReferenceDefinition:
                // Their links are resolved into the links that use them.
                return string.Empty;
            case QuoteBlock quote:
                return Prefix(Children(quote, depth + 1), "> ", "> ");
            case ListBlock list:
                return ListItems(list, depth + 1);
            case ContainerBlock container:
                return Children(container, depth + 1);
            case LeafBlock leaf:
                return leaf.Inline is null ? Escape(leaf.Lines.ToString()) : Inlines(leaf.Inline, depth);
            default:
                return string.Empty;
        }
    }

    private static string Children(ContainerBlock container, int depth)
    {
        var parts = new List<string>();
        foreach (var child in container)
        {
            var text = Block(child, depth);
            if (text.Length > 0)
            {
                parts.Add(text);
            }
        }

        return string.Join("\n\n", parts);
    }

    private static string ListItems(ListBlock list, int depth)
    {
        var items = new List<string>();
        var number = 1;
        if (list.IsOrdered && int.TryParse(list.OrderedStart, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start))
        {
            number = start;
        }

        foreach (var child in list)
        {
            var marker = list.IsOrdered ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " : "- ";
            number++;
            var content = child is ContainerBlock item ? Children(item, depth) : Block(child, depth);
            items.Add(Prefix(content, marker, new string(' ', marker.Length)));
        }

        return string.Join(list.IsLoose ? "\n\n" : "\n", items);
    }

    /// <summary>Puts <paramref name="first"/> before the first line and <paramref name="rest"/> before every other (blank lines too, so a container stays one).</summary>
    private static string Prefix(string text, string first, string rest)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = (i == 0 ? first : lines[i].Length == 0 ? rest.TrimEnd() : rest) + lines[i];
        }

        return string.Join("\n", lines);
    }

    private static string Inlines(ContainerInline? container, int depth)
    {
        var builder = new StringBuilder();
        if (container is not null)
        {
            AppendInlines(builder, container, depth);
        }

        return builder.ToString().Trim('\n');
    }

    private static void AppendInlines(StringBuilder builder, ContainerInline container, int depth)
    {
        foreach (var inline in container)
        {
            AppendInline(builder, inline, depth + 1);
        }
    }

    private static void AppendInline(StringBuilder builder, Inline inline, int depth)
    {
        if (depth > MaxDepth)
        {
            builder.Append(Escape(PlainText(inline)));
            return;
        }

        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(Escape(literal.Content.ToString()));
                break;
            case CodeInline code:
                builder.Append(CodeSpan(code.Content));
                break;
            case LineBreakInline lineBreak:
                builder.Append(lineBreak.IsHard ? "\\\n" : "\n");
                break;
            case HtmlInline html:
                builder.Append(Escape(html.Tag));
                break;
            case HtmlEntityInline entity:
                builder.Append(Escape(entity.Transcoded.ToString()));
                break;
            case AutolinkInline autolink:
                var address = autolink.IsEmail && !autolink.Url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? "mailto:" + autolink.Url : autolink.Url;
                builder.Append(Links.IsSafe(address) ? "[" + Escape(autolink.Url) + "](" + Destination(address) + ")" : Escape(autolink.Url));
                break;
            case LinkInline link:
                var text = new StringBuilder();
                AppendInlines(text, link, depth);
                if (link.Url is not null && Links.IsSafe(link.Url))
                {
                    builder.Append('[').Append(text).Append("](").Append(Destination(link.Url)).Append(')');
                }
                else
                {
                    builder.Append(text);
                }

                break;
            case EmphasisInline emphasis:
                var delimiter = new string(emphasis.DelimiterChar == '_' ? '_' : '*', Math.Max(1, Math.Min(emphasis.DelimiterCount, 2)));
                builder.Append(delimiter);
                AppendInlines(builder, emphasis, depth);
                builder.Append(delimiter);
                break;
            case ContainerInline other:
                AppendInlines(builder, other, depth);
                break;
            default:
                builder.Append(Escape(inline.ToString() ?? string.Empty));
                break;
        }
    }

    /// <summary>A link destination in angle brackets, where only '&lt;', '&gt;', '\' and line breaks need care.</summary>
    private static string Destination(string url)
    {
        var builder = new StringBuilder(url.Length + 2).Append('<');
        foreach (var c in url)
        {
            if (c is '<' or '>' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c is not '\n' and not '\r')
            {
                builder.Append(c);
            }
        }

        return builder.Append('>').ToString();
    }

    private static string CodeSpan(string content)
    {
        var fence = new string('`', LongestRun(content, '`') + 1);
        var pad = content.StartsWith('`') || content.EndsWith('`') ? " " : string.Empty;
        return fence + pad + content.Replace('\n', ' ') + pad + fence;
    }

    private static string Fenced(string content)
    {
        var fence = new string('`', Math.Max(3, LongestRun(content, '`') + 1));
        return fence + "\n" + content.TrimEnd('\n') + "\n" + fence;
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }

    /// <summary>
    /// Backslash before every ASCII punctuation character (CommonMark lets any of them be escaped), so literal
    /// text opens no emphasis, code, link, HTML, table cell or block wherever it stands, even at the start of a
    /// line after spaces. Line breaks inside a literal fold to spaces.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                builder.Append(' ');
            }
            else if ((c < 128 && char.IsPunctuation(c)) || c is '$' or '+' or '<' or '=' or '>' or '^' or '`' or '|' or '~')
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether blocks or inlines nest deeper than <see cref="MaxDepth"/>, found with an explicit stack.</summary>
    public static bool TooDeep(MarkdownDocument document)
    {
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > MaxDepth)
            {
                return true;
            }

            switch (node)
            {
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
                case LeafBlock { Inline: not null } leaf:
                    pending.Push((leaf.Inline, depth + 1));
                    break;
                case ContainerBlock blocks:
                    foreach (var child in blocks)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>The text of a subtree, walked with an explicit stack (no recursion, whatever its depth).</summary>
    public static string PlainText(MarkdownObject root)
    {
        var builder = new StringBuilder();
        var pending = new Stack<MarkdownObject>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (node)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case ContainerInline container:
                    PushReversed(pending, container);
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    pending.Push(leaf.Inline);
                    builder.Append(' ');
                    break;
                case LeafBlock leaf:
                    builder.Append(leaf.Lines.ToString()).Append(' ');
                    break;
                case ContainerBlock blocks:
                    for (var i = blocks.Count - 1; i >= 0; i--)
                    {
                        pending.Push(blocks[i]);
                    }

                    break;
            }
        }

        return builder.ToString().Trim();
    }

    private static void PushReversed(Stack<MarkdownObject> pending, ContainerInline container)
    {
        var children = new List<Inline>();
        foreach (var child in container)
        {
            children.Add(child);
        }

        for (var i = children.Count - 1; i >= 0; i--)
        {
            pending.Push(children[i]);
        }
    }
}

/// <summary>Which link addresses the documentation keeps.</summary>
internal static class Links
{
    private static readonly System.Buffers.SearchValues<char> SchemeEnd = System.Buffers.SearchValues.Create(":/?#");

    /// <summary>
    /// An address is kept when it is relative (a page of the site, a fragment) or its scheme is http, https or
    /// mailto. The scheme is read as a browser reads it: after dropping white space and control characters
    /// anywhere (a browser ignores a tab or line break inside "java&#9;script:"), up to the first ':' that comes
    /// before any '/', '?' or '#'; case is ignored.
    /// </summary>
    public static bool IsSafe(string url)
    {
        var cleaned = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c > ' ' && c != '\u007F')
            {
                cleaned.Append(c);
            }
        }

        var text = cleaned.ToString();
        var end = text.AsSpan().IndexOfAny(SchemeEnd);
        if (end < 0 || text[end] != ':')
        {
            return true;
        }

        var scheme = text.Substring(0, end);
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
    }
}
