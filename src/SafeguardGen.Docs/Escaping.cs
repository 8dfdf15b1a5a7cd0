using System;
using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

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
    public string Text(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Invisibles.Clean(EscapeText(Invisibles.Clean(text!)));

    /// <summary>Guidance written in Markdown: its formatting kept, raw HTML neutralised, links filtered.</summary>
    /// <remarks>Cleaned before parsing and again after rendering, because an entity such as <c>&amp;#x202E;</c> decodes to a control.</remarks>
    public string Guidance(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return string.Empty;
        }

        var clean = Invisibles.Clean(markdown!);
        try
        {
            return Invisibles.Clean(RenderGuidance(clean));
        }
        catch (ArgumentException)
        {
            // Markdig refuses nesting deeper than its limit ("> > > ..." thousands deep) by throwing; such a text
            // is not sensible Markdown, so it is shown as plain text rather than lost or crashing the render.
            return Text(clean);
        }
    }

    protected abstract string EscapeText(string text);

    /// <summary>
    /// A text (already escaped) shown in <paramref name="language"/> because it has no translation into the page's:
    /// tagged with its language where the format can say so, and followed by a visible <paramref name="notice"/>.
    /// </summary>
    public abstract string Untranslated(string text, string language, bool rightToLeft, string notice, bool block);

    protected abstract string RenderGuidance(string markdown);
}

/// <summary>
/// Characters that would make a page lie about its own text. Bidirectional controls (U+202A–U+202E,
/// U+2066–U+2069, U+200E, U+200F, U+061C) can reorder what a reader sees, so each is replaced by U+FFFD, visibly:
/// a reviewer sees that something was there. Other invisible characters that break lines or hide text (C0 and C1
/// controls but tab and line breaks, U+2028/U+2029, zero-width space, word joiner and invisible operators, BOM,
/// interlinear annotations) are removed; U+2028/U+2029 become a line break. The noncharacters U+FFFE and U+FFFF
/// and a surrogate without its pair, which no text may hold (a page with one is not valid Unicode), also become
/// U+FFFD. The joiners U+200C and U+200D stay: scripts and emoji need them.
/// </summary>
internal static class Invisibles
{
    public const char Replacement = '\uFFFD';

    public static bool IsBidiControl(char c) => Language.Text.BidirectionalControls.Name(c) is not null;

    private static bool IsRemoved(char c) =>
        (c < ' ' && c != '\t' && c != '\n' && c != '\r')
        || (c >= '\u007F' && c <= '\u009F')
        || c is '\u200B' or '\uFEFF' or (>= '\u2060' and <= '\u2064') or (>= '\uFFF9' and <= '\uFFFB');

    public static string Clean(string text)
    {
        var i = 0;
        while (i < text.Length && !Needs(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsBidiControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                builder.Append(Replacement);
            }
            else if (c is '\u2028' or '\u2029')
            {
                builder.Append('\n');
            }
            else if (!IsRemoved(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool Needs(char c) => IsBidiControl(c) || IsRemoved(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF';
}

/// <summary>Which link addresses may stand in a page: http, https, mailto, or an address without a scheme.</summary>
internal static class LinkFilter
{
    /// <summary>
    /// Judges the address a browser would finally follow: entities and percent escapes decoded (repeatedly, so
    /// double encoding does not hide a scheme), whitespace and controls dropped, case ignored.
    /// </summary>
    public static bool IsSafe(string? url)
    {
        if (url is null)
        {
            return true;
        }

        var decoded = url;
        for (var round = 0; round < 4; round++)
        {
            var next = Uri.UnescapeDataString(WebUtility.HtmlDecode(decoded));
            if (next == decoded)
            {
                break;
            }

            decoded = next;
        }

        var builder = new StringBuilder(decoded.Length);
        foreach (var c in decoded)
        {
            if (c > ' ' && !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format && !char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        var final = builder.ToString();
        for (var i = 0; i < final.Length; i++)
        {
            var c = final[i];
            if (c == ':')
            {
                var scheme = final.Substring(0, i);
                return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
                    || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
                    || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
            }

            if (c is '/' or '?' or '#' or '\\')
            {
                return true;
            }
        }

        return true;
    }
}

internal sealed class MarkdownEscaper : Escaper
{
    // Characters that open emphasis, code, links, images, HTML, entities or table cells wherever they stand.
    private const string Inline = "\\`*_[]<>|&~!";

    // Characters that start a block (heading, list, quote, setext underline, fence) when they open a line.
    private const string LineStart = "#-+>=";

    public override string Extension => "md";

    /// <summary>
    /// Backslash-escapes what could open emphasis, code, a link, HTML or a table cell, and what could start a
    /// block; leading blanks are dropped (four would start a code block, fewer still let a block start) and line
    /// breaks fold to spaces. A text can then stand in a heading, a list item, a table cell or at the start of a
    /// line and stay plain text.
    /// </summary>
    protected override string EscapeText(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        AppendLiteral(builder, text.Replace('\r', ' ').Replace('\n', ' ').TrimStart(' ', '\t'), atLineStart: true);
        return builder.ToString();
    }

    /// <summary>Appends literal text escaped so that it reads back as exactly that text, wherever it stands.</summary>
    internal static void AppendLiteral(StringBuilder builder, string text, bool atLineStart)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\t')
            {
                builder.Append(' ');
            }
            else if (Inline.Contains(c, StringComparison.Ordinal) || (atLineStart && i == 0 && LineStart.Contains(c, StringComparison.Ordinal)))
            {
                builder.Append('\\').Append(c);
            }
            else if (atLineStart && i == 0 && c is >= '0' and <= '9')
            {
                // "1. " or "1) " at the start of a line would begin an ordered list.
                var end = i;
                while (end < text.Length && text[end] is >= '0' and <= '9')
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
    }

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>
    /// Guidance keeps its Markdown: it is parsed, then written back by <see cref="SafeMarkdownWriter"/>, which
    /// emits only the constructs it knows, every literal escaped and every link on its final, filtered address.
    /// </summary>
    protected override string RenderGuidance(string markdown) => SafeMarkdownWriter.Write(Markdown.Parse(markdown, Pipeline));

    // Markdown has no language attribute that renderers keep, so the notice alone says it. It is plain text, not
    // emphasis: a list of thousands of untranslated options would otherwise nest deeper than a viewer parses.
    public override string Untranslated(string text, string language, bool rightToLeft, string notice, bool block) =>
        block ? text + "\n\n(" + notice + ")" : text + " (" + notice + ")";
}

internal sealed class HtmlEscaper : Escaper
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public override string Extension => "html";

    protected override string EscapeText(string text) => WebUtility.HtmlEncode(text);

    public override string Untranslated(string text, string language, bool rightToLeft, string notice, bool block)
    {
        var tag = WebUtility.HtmlEncode(language);
        var direction = rightToLeft ? "rtl" : "ltr";
        return block
            ? "<div class=\"untranslated\"><div lang=\"" + tag + "\" dir=\"" + direction + "\">" + text + "</div><p class=\"not-translated\">(" + notice + ")</p></div>"
            : "<span class=\"untranslated\"><span lang=\"" + tag + "\" dir=\"" + direction + "\">" + text + "</span> <small class=\"not-translated\">(" + notice + ")</small></span>";
    }

    /// <summary>
    /// Guidance rendered by Markdig with raw HTML disabled, so author HTML shows as text; links, images and
    /// autolinks keep only safe addresses (<see cref="LinkFilter"/>): an unsafe link points to '#', an unsafe
    /// autolink becomes its text; images become links, so no page loads anything.
    /// </summary>
    protected override string RenderGuidance(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!LinkFilter.IsSafe(link.Url))
            {
                link.Url = "#";
            }

            // The site loads nothing from elsewhere: an image is shown as a link to it, its description as the text.
            link.IsImage = false;
        }

        foreach (var autolink in System.Linq.Enumerable.ToList(document.Descendants<AutolinkInline>()))
        {
            if (!LinkFilter.IsSafe(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        using var writer = new System.IO.StringWriter(CultureInfo.InvariantCulture);
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString().Trim();
    }
}
