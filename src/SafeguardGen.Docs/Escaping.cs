using System;
using System.Linq;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Syntax;

namespace SafeguardGen.Docs;

/// <summary>The output formats, and how author text is made safe for each before any template sees it.</summary>
public enum DocsFormat
{
    Markdown,
    Html,
}

internal abstract class Escaper
{
    public static Escaper For(DocsFormat format) => format == DocsFormat.Html ? new HtmlEscaper() : new MarkdownEscaper();

    public abstract string Extension { get; }

    /// <summary>A short text (a title, a question, a label): no markup of the author's survives.</summary>
    public abstract string Text(string? text);

    /// <summary>Guidance written in Markdown: its formatting kept, raw HTML neutralised.</summary>
    public abstract string Guidance(string? markdown);
}

internal sealed class MarkdownEscaper : Escaper
{
    // Characters that open emphasis, code, links, HTML or table cells wherever they stand.
    private const string Inline = "\\`*_[]<>|&~";

    // Characters that start a block (heading, list, quote) when they open a line.
    private const string LineStart = "#-+>=";

    public override string Extension => "md";

    /// <summary>
    /// Backslash-escapes what could open emphasis, code, a link, HTML or a table cell, and what could start a
    /// block at the beginning of the text; line breaks fold to spaces. A text can then stand in a heading, a
    /// list item or a table cell and stay plain text.
    /// </summary>
    public override string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        text = Bidi.Replace(text!);
        var builder = new StringBuilder(text.Length + 8);

        // A block can start after up to three spaces: what matters is the first character that is not white space.
        var first = 0;
        while (first < text.Length && char.IsWhiteSpace(text[first]))
        {
            first++;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || c == '\n')
            {
                builder.Append(' ');
            }
            else if (Inline.Contains(c, System.StringComparison.Ordinal) || (i == first && LineStart.Contains(c, System.StringComparison.Ordinal)))
            {
                builder.Append('\\').Append(c);
            }
            else if (i == first && char.IsDigit(c))
            {
                // "1. " or "1) " at the start would begin an ordered list.
                var end = i;
                while (end < text.Length && char.IsDigit(text[end]))
                {
                    end++;
                }

                builder.Append(text, i, end - i);
                if (end < text.Length && (text[end] == '.' || text[end] == ')'))
                {
                    builder.Append('\\');
                }

                i = end - 1;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Guidance keeps its Markdown, written anew from its syntax tree (<see cref="SafeMarkdown"/>).</summary>
    public override string Guidance(string? markdown) => string.IsNullOrEmpty(markdown) ? string.Empty : Bidi.Replace(SafeMarkdown.Write(markdown!));
}

internal sealed class HtmlEscaper : Escaper
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public override string Extension => "html";

    public override string Text(string? text) => string.IsNullOrEmpty(text) ? string.Empty : WebUtility.HtmlEncode(Bidi.Replace(text!));

    /// <summary>
    /// Guidance rendered by Markdig with raw HTML disabled, so author HTML shows as text; every link, image and
    /// autolink keeps only an address <see cref="Links.IsSafe"/> accepts (an unsafe autolink becomes its text), so
    /// a <c>javascript:</c> or <c>data:</c> address cannot run. Nesting too deep to render is shown as plain text.
    /// </summary>
    public override string Guidance(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return string.Empty;
        }

        var document = SafeMarkdown.Parse(Bidi.Replace(markdown!));
        if (SafeMarkdown.TooDeep(document))
        {
            return "<p>" + WebUtility.HtmlEncode(SafeMarkdown.PlainText(document)) + "</p>";
        }

        foreach (var link in document.Descendants<Markdig.Syntax.Inlines.LinkInline>())
        {
            if (link.Url is not null && !Links.IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var autolink in document.Descendants<Markdig.Syntax.Inlines.AutolinkInline>().ToList())
        {
            var address = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (!Links.IsSafe(address))
            {
                autolink.ReplaceBy(new Markdig.Syntax.Inlines.LiteralInline(autolink.Url));
            }
        }

        using var writer = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString().Trim();
    }
}

/// <summary>
/// Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) can make text read
/// differently from how it is stored (Trojan Source). A .treaty file holding one has SG0005 already; its pages
/// still show every such character as U+FFFD, visibly, and never the control itself.
/// </summary>
internal static class Bidi
{
    public static string Replace(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (SafeguardGen.Language.Text.BidirectionalControls.Name(text[i]) is not null)
            {
                builder ??= new StringBuilder(text);
                builder[i] = '\uFFFD';
            }
        }

        return builder?.ToString() ?? text;
    }
}
