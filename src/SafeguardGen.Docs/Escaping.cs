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

        var builder = new StringBuilder(text!.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || c == '\n')
            {
                builder.Append(' ');
            }
            else if (Inline.Contains(c, System.StringComparison.Ordinal) || (i == 0 && LineStart.Contains(c, System.StringComparison.Ordinal)))
            {
                builder.Append('\\').Append(c);
            }
            else if (i == 0 && char.IsDigit(c))
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

    private static readonly MarkdownPipeline Locating = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>
    /// Guidance keeps its Markdown. A link whose address is not http, https or mailto has its address replaced by
    /// '#'; then '&lt;', '&gt;' and '&amp;' become entities, so no raw HTML passes through.
    /// </summary>
    public override string Guidance(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return string.Empty;
        }

        var text = markdown!;
        var unsafeLinks = Markdown.Parse(text, Locating).Descendants<Markdig.Syntax.Inlines.LinkInline>()
            .Where(l => l.Url is not null && !HtmlEscaper.IsSafe(l.Url) && !l.UrlSpan.IsEmpty)
            .OrderByDescending(l => l.UrlSpan.Start);
        foreach (var link in unsafeLinks)
        {
            text = string.Concat(text.AsSpan(0, link.UrlSpan.Start), "#", text.AsSpan(link.UrlSpan.End + 1));
        }

        return text.Replace("&", "&amp;", System.StringComparison.Ordinal).Replace("<", "&lt;", System.StringComparison.Ordinal).Replace(">", "&gt;", System.StringComparison.Ordinal);
    }
}

internal sealed class HtmlEscaper : Escaper
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public override string Extension => "html";

    public override string Text(string? text) => string.IsNullOrEmpty(text) ? string.Empty : WebUtility.HtmlEncode(text);

    /// <summary>
    /// Guidance rendered by Markdig with raw HTML disabled, so author HTML shows as text; links and images keep
    /// only http, https and mailto addresses, so a <c>javascript:</c> link cannot run.
    /// </summary>
    public override string Guidance(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return string.Empty;
        }

        var document = Markdown.Parse(markdown!, Pipeline);
        foreach (var link in document.Descendants<Markdig.Syntax.Inlines.LinkInline>())
        {
            if (link.Url is not null && !IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        using var writer = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString().Trim();
    }

    internal static bool IsSafe(string url)
    {
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOf('/');
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }

        var scheme = trimmed.Substring(0, colon);
        return scheme.Equals("http", System.StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", System.StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", System.StringComparison.OrdinalIgnoreCase);
    }
}
