using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SafeguardGen.Docs;

/// <summary>
/// Writes parsed author Markdown back as Markdown, in one pass over the syntax tree, emitting only paragraphs,
/// lists, quotes, code, thematic breaks, emphasis, code spans, line breaks and links. Everything else the author
/// wrote (raw HTML, headings' markers, entities) comes out as escaped literal text or, for headings, as strong
/// text, so guidance cannot open a heading or section of the page. Reference links are written inline with
/// their resolved address, so no definition is ever rewritten; every address is judged by
/// <see cref="LinkFilter"/> on its final form, and an unsafe one becomes '#'. Iterative, not recursive in the
/// nesting depth of the text beyond Markdig's own limits.
/// </summary>
internal sealed class SafeMarkdownWriter
{
    private readonly StringBuilder output = new();

    // The prefix of every line in the current container ("> ", "   "), innermost last.
    private readonly List<string> prefixes = new();
    private bool atLineStart = true;

    // Just after a list marker or quote marker, where a block can start as at the start of a line.
    private bool atContainerStart;

    public static string Write(MarkdownDocument document)
    {
        var writer = new SafeMarkdownWriter();
        writer.Blocks(document);
        return writer.output.ToString().TrimEnd('\n', ' ');
    }

    private void Blocks(ContainerBlock container)
    {
        var first = true;
        foreach (var block in container)
        {
            if (block is LinkReferenceDefinitionGroup or LinkReferenceDefinition or BlankLineBlock)
            {
                continue;
            }

            if (!first)
            {
                NewLine();
                NewLine();
            }

            first = false;
            Block(block);
        }
    }

    private void Block(Block block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                Inlines(paragraph.Inline);
                break;
            case HeadingBlock heading:
                Raw("**");
                Inlines(heading.Inline);
                Raw("**");
                break;
            case ThematicBreakBlock:
                Raw("---");
                break;
            case HtmlBlock html:
                Lines(html.Lines);
                break;
            case CodeBlock code:
                Code(code);
                break;
            case QuoteBlock quote:
                Marker("> ");
                prefixes.Add("> ");
                Blocks(quote);
                prefixes.RemoveAt(prefixes.Count - 1);
                break;
            case ListBlock list:
                List(list);
                break;
            case ContainerBlock other:
                Blocks(other);
                break;
            case LeafBlock leaf:
                if (leaf.Inline is not null)
                {
                    Inlines(leaf.Inline);
                }
                else
                {
                    Lines(leaf.Lines);
                }

                break;
        }
    }

    private void List(ListBlock list)
    {
        var number = list.IsOrdered && int.TryParse(list.OrderedStart, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 1;
        var firstItem = true;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            if (!firstItem)
            {
                NewLine();
                if (list.IsLoose)
                {
                    NewLine();
                }
            }

            firstItem = false;
            var marker = list.IsOrdered ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " : "- ";
            number++;
            Marker(marker);
            prefixes.Add(new string(' ', marker.Length));
            Blocks(item);
            prefixes.RemoveAt(prefixes.Count - 1);
        }
    }

    private void Code(CodeBlock code)
    {
        var text = string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString()));
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        Raw(fence);
        foreach (var line in text.Split('\n'))
        {
            NewLine();
            Raw(line);
        }

        NewLine();
        Raw(fence);
    }

    /// <summary>Lines shown as text: raw HTML of the author, escaped.</summary>
    private void Lines(StringLineGroup lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                NewLine();
            }

            Literal(lines.Lines[i].Slice.ToString().Trim());
        }
    }

    private void Inlines(ContainerInline? container)
    {
        if (container is null)
        {
            return;
        }

        foreach (var inline in container)
        {
            Inline(inline);
        }
    }

    private void Inline(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                Literal(literal.Content.ToString());
                break;
            case CodeInline code:
                CodeSpan(code.Content);
                break;
            case LineBreakInline lineBreak:
                if (lineBreak.IsHard)
                {
                    Raw("\\");
                }

                NewLine();
                break;
            case HtmlEntityInline entity:
                Literal(entity.Transcoded.ToString());
                break;
            case HtmlInline html:
                Literal(html.Tag);
                break;
            case AutolinkInline autolink:
                var address = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
                if (LinkFilter.IsSafe(address))
                {
                    Link(() => Literal(autolink.Url), address);
                }
                else
                {
                    Literal(autolink.Url);
                }

                break;
            case LinkInline link:
                Link(() => Inlines(link), LinkFilter.IsSafe(link.Url) ? link.Url ?? "#" : "#");
                break;
            case EmphasisInline emphasis when emphasis.DelimiterChar is '*' or '_':
                var delimiter = new string('*', emphasis.DelimiterCount);
                Raw(delimiter);
                Inlines(emphasis);
                Raw(delimiter);
                break;
            case ContainerInline other:
                Inlines(other);
                break;
        }
    }

    /// <summary>A link with its address in angle brackets, percent-encoding what could end or break it.</summary>
    private void Link(Action text, string address)
    {
        Raw("[");
        text();
        Raw("](<");
        var encoded = new StringBuilder(address.Length);
        foreach (var c in address)
        {
            if (c is '<' or '>' or '\\' or ' ' or '\n' or '\r' or '\t')
            {
                encoded.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                encoded.Append(c);
            }
        }

        Raw(encoded.ToString());
        Raw(">)");
    }

    private void CodeSpan(string content)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var ticks = new string('`', longest + 1);
        var pad = content.Length > 0 && (content[0] is '`' or ' ' || content[content.Length - 1] is '`' or ' ') ? " " : string.Empty;
        Raw(ticks + pad + content.Replace('\n', ' ') + pad + ticks);
    }

    private void Literal(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        var lineStart = atLineStart || atContainerStart;
        StartLine();
        atContainerStart = false;
        if (lineStart)
        {
            text = text.TrimStart(' ', '\t');
        }

        MarkdownEscaper.AppendLiteral(output, text.Replace('\r', ' ').Replace('\n', ' '), lineStart);
    }

    private void Raw(string text)
    {
        StartLine();
        atContainerStart = false;
        output.Append(text);
    }

    private void Marker(string marker)
    {
        Raw(marker);
        atContainerStart = true;
    }

    private void StartLine()
    {
        if (atLineStart)
        {
            atLineStart = false;
            if (output.Length > 0)
            {
                foreach (var prefix in prefixes)
                {
                    output.Append(prefix);
                }
            }
        }
    }

    private void NewLine()
    {
        // A line left empty inside a quote still carries its '>' so the quote is not cut.
        if (atLineStart && output.Length > 0)
        {
            foreach (var prefix in prefixes)
            {
                output.Append(prefix.TrimEnd());
            }
        }

        output.Append('\n');
        atLineStart = true;
    }
}
