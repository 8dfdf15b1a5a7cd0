namespace SafeguardGen.Docs;

/// <summary>
/// The documentation's HTML escaping for other hosts of the same texts (the web assessment app): a short text
/// encoded with invisible and direction-control characters removed, and guidance Markdown rendered with raw HTML
/// disabled and only safe link addresses kept. One implementation, so a page and a printed document treat an
/// author's text the same way.
/// </summary>
public static class SafeHtml
{
    private static readonly Escaper Html = Escaper.For(DocsFormat.Html);

    /// <summary>A short text (a title, a question, a label) as HTML: no markup of the author's survives.</summary>
    public static string Text(string? text) => Html.Text(text);

    /// <summary>Guidance written in Markdown as HTML: its formatting kept, raw HTML shown as text, unsafe links removed.</summary>
    public static string Guidance(string? markdown) => Html.Guidance(markdown);

    /// <summary>The name of the first direction-control character in <paramref name="text"/> (e.g. "U+202E RIGHT-TO-LEFT OVERRIDE"), or null.</summary>
    public static string? FirstDirectionControl(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var c in text)
        {
            var name = Language.Text.BidirectionalControls.Name(c);
            if (name is not null)
            {
                return "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + " " + name;
            }
        }

        return null;
    }
}
