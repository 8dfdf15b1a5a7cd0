using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SafeguardGen.Docs.Tests;

/// <summary>Author text at the edges of the formats: links by any route, block starts, invisible controls, page names, size.</summary>
public sealed class EdgeTests
{
    private static readonly MarkdownPipeline Viewer = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static string Treaty(string name, string guidance, string title = "T", string reference = "R") => $$""""
        treaty {{name}} {
          title "{{title}}"
          reference "{{reference}}"
        }

        safeguard s : legality {
          title "S"
          guidance """
            {{guidance.Replace("\n", "\n    ", StringComparison.Ordinal)}}
            """
          cite {{name}} article 1
          question q : yes-no {
            ask "Q?"
            satisfied-by yes
          }
        }
        """";

    private static Dictionary<string, string> Pages(DocsFormat format, params (string Path, string Text)[] files)
    {
        var result = DocsRenderer.Render(Support.Compile(files).Model, format);
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        return result.Files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
    }

    private static bool IsAllowed(string? url) =>
        url is null || !System.Text.RegularExpressions.Regex.IsMatch(url, "^[A-Za-z][A-Za-z0-9+.-]*:") || url.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    public static TheoryData<string> HostileGuidance => new()
    {
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<data:text/html,x>",
        "<vbscript:msgbox(1)>",
        "[a](java&#115;cript:alert(1)) [b](javascript%3Aalert(1)) [c](<java script:alert(1)>) [d](&#x09;javascript:alert(1))",
        "[one][x] and [two][x]\n\n[x]: javascript:alert(1)",
        "`[x]` then [two][x]\n\n[x]: javascript:alert(1)",
        "[x]\n\n`[x]: javascript:alert(1)`\n\n[x]: <javascript:alert(2)>",
        "![img](javascript:alert(1)) <a href=\"javascript:alert(1)\">x</a>",
        "![tracker](https://example.org/pixel.png)",
    };

    [Theory]
    [MemberData(nameof(HostileGuidance))]
    public void No_link_in_the_html_site_has_a_scheme_other_than_http_https_or_mailto(string guidance)
    {
        foreach (var (path, html) in Pages(DocsFormat.Html, ("h.treaty", Treaty("h", guidance))))
        {
            var document = new HtmlParser().ParseDocument(html);
            Assert.All(document.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")), href => Assert.True(IsAllowed(href), path + ": " + href));
            Assert.Empty(document.QuerySelectorAll("[src]"));
        }
    }

    [Theory]
    [MemberData(nameof(HostileGuidance))]
    public void No_link_in_the_markdown_pages_has_a_scheme_other_than_http_https_or_mailto(string guidance)
    {
        foreach (var (path, text) in Pages(DocsFormat.Markdown, ("h.treaty", Treaty("h", guidance))))
        {
            var document = Markdown.Parse(text, Viewer);
            Assert.All(document.Descendants<LinkInline>(), l => Assert.True(IsAllowed(l.Url), path + ": " + l.Url));
            Assert.All(document.Descendants<AutolinkInline>(), l => Assert.True(IsAllowed(l.Url), path + ": " + l.Url));
            Assert.DoesNotContain(document.Descendants<HtmlInline>(), h => !h.Tag.StartsWith("<a id=", StringComparison.Ordinal) && h.Tag != "</a>");
            Assert.DoesNotContain(document.Descendants<HtmlBlock>(), b => !b.Lines.ToString().StartsWith("<a id=", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Guidance_keeps_its_formatting_and_its_safe_links_in_markdown()
    {
        var page = Pages(DocsFormat.Markdown, ("h.treaty", Treaty("h", "Read **this** and *that*, `code`, [the text](https://example.org/a_b) and <mailto:a@example.org>.\n\n- one\n- two")))["en/h.md"];
        var html = Markdown.ToHtml(page, Viewer);

        Assert.Contains("<strong>this</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>that</em>", html, StringComparison.Ordinal);
        Assert.Contains("<code>code</code>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/a_b\">the text</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:a@example.org\">", html, StringComparison.Ordinal);
        Assert.Contains("<li>two</li>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DocsFormat.Markdown, "> ")]
    [InlineData(DocsFormat.Html, "> ")]
    [InlineData(DocsFormat.Markdown, "- ")]
    [InlineData(DocsFormat.Html, "[")]
    public void Guidance_nested_beyond_what_markdown_parses_is_shown_as_text(DocsFormat format, string opener)
    {
        var guidance = string.Concat(Enumerable.Repeat(opener, 50_000)) + "deep";
        var result = DocsRenderer.Render(Support.Compile(("h.treaty", Treaty("h", guidance))).Model, format);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("deep", result.Files.Single(f => f.Path.StartsWith("en/h.", StringComparison.Ordinal)).Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- \\# Injected")]
    [InlineData("> \\- Injected")]
    [InlineData("1. \\> Injected\n2. \\1. Injected")]
    [InlineData("Line\\\n\\# Injected")]
    [InlineData("Para\n\n    code\n\n- a\n  - b\n\n  > c")]
    [InlineData("- a\n\n  ```\n  # not a heading\n  ```")]
    public void Guidance_keeps_exactly_the_blocks_the_author_wrote(string guidance)
    {
        static IEnumerable<string> Shape(string markdown) => Markdown.Parse(markdown).Descendants<Block>().Select(b => b is CodeBlock ? "code" : b.GetType().Name);

        Assert.Equal(Shape(guidance), Shape(Escaper.For(DocsFormat.Markdown).Guidance(guidance)));
    }

    public static TheoryData<string> BlockStarts => new() { "# Injected", "  # Injected", "   - Injected", " > Injected", "  1. Injected", "1) Injected", "    Injected", "+ Injected", "= Injected" };

    [Theory]
    [MemberData(nameof(BlockStarts))]
    public void A_plain_text_at_the_start_of_a_line_stays_a_paragraph(string text)
    {
        var document = Markdown.Parse(Escaper.For(DocsFormat.Markdown).Text(text), Viewer);

        Assert.IsType<ParagraphBlock>(Assert.Single(document));
    }

    [Theory]
    [MemberData(nameof(BlockStarts))]
    public void A_reference_that_opens_a_line_of_the_index_stays_in_a_paragraph(string text)
    {
        var page = Pages(DocsFormat.Markdown, ("h.treaty", Treaty("h", "G", reference: text)))["en/index.md"];
        var holder = Markdown.Parse(page, Viewer).Descendants<LeafBlock>().Single(b => b.Inline?.Descendants<LiteralInline>().Any(l => l.Content.ToString().Contains("Injected", StringComparison.Ordinal)) == true);

        Assert.IsType<ParagraphBlock>(holder);
        Assert.IsType<MarkdownDocument>(holder.Parent);
    }

    private static readonly System.Buffers.SearchValues<char> BidiControls = System.Buffers.SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");

    [Theory]
    [InlineData(DocsFormat.Markdown)]
    [InlineData(DocsFormat.Html)]
    public void No_page_contains_a_bidirectional_control_however_it_was_written(DocsFormat format)
    {
        var text = Treaty("h", "Raw \u202E here, escaped \\u{2066} there, entity &#x202E; and &#8207; too", title: "Ti\u202Etle \\u{202D}x", reference: "\u061C R");
        var result = DocsRenderer.Render(Support.Compile(("h.treaty", text)).Model, format);

        Assert.NotEmpty(result.Files);
        Assert.All(result.Files, f => Assert.True(f.Content.AsSpan().IndexOfAny(BidiControls) < 0, f.Path));
        Assert.Contains(result.Files, f => f.Content.Contains("Ti\uFFFDtle", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DocsFormat.Markdown)]
    [InlineData(DocsFormat.Html)]
    public void No_page_holds_a_noncharacter_and_every_page_is_valid_unicode(DocsFormat format)
    {
        // Found by the fuzz harness: a title written \u{FFFE} reached the pages, which a viewer's normalisation rejects.
        var text = Treaty("h", "Guidance.", title: "Title \\u{FFFE} end \\u{1F600}", reference: "R \\u{FFFF}");
        var result = DocsRenderer.Render(Support.Compile(("h.treaty", text)).Model, format);
        var pages = result.Files.Select(f => format == DocsFormat.Html ? System.Net.WebUtility.HtmlDecode(f.Content) : f.Content).ToList();

        Assert.All(pages, page => Assert.True(page.IsNormalized()));
        Assert.All(pages, page => Assert.DoesNotContain(page, c => c is '\uFFFE' or '\uFFFF'));
        Assert.Contains(pages, page => page.Contains("Title \uFFFD end \U0001F600", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DocsFormat.Markdown)]
    [InlineData(DocsFormat.Html)]
    public void Treaties_named_like_the_index_a_device_or_each_other_in_another_case_get_pages_of_their_own(DocsFormat format)
    {
        var names = new[] { "index", "Index", "con", "Ab", "ab", "ab-2" };
        var result = DocsRenderer.Render(Support.Compile(names.Select(n => (n + ".treaty", Treaty(n, "G", title: "Title of " + n))).ToArray()).Model, format);

        Assert.Empty(result.Diagnostics);
        var paths = result.Files.Select(f => f.Path).ToList();
        Assert.Equal(paths.Count, paths.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var index = result.Files.Single(f => f.Path == "en/index." + (format == DocsFormat.Html ? "html" : "md"));
        Assert.All(names, n => Assert.Contains("Title of " + n, index.Content, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Files, f => f.Path.Split('/')[^1].Split('.')[0].Equals("con", StringComparison.OrdinalIgnoreCase));
        Assert.All(names, n => Assert.Single(result.Files, f => f.Content.Contains("Title of " + n + "</h1>", StringComparison.Ordinal) || f.Content.Contains("# Title of " + n + "\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_model_larger_than_the_loop_limit_renders_with_the_default_templates()
    {
        // Scriban counts the iterations of every loop of a page together: with a loop over the safeguards, one over
        // each one's citations and one over its questions, 35,000 safeguards take 105,000, above the 100,000 a
        // template may spend on its own, in a file under the 4 Mi-character limit.
        var count = 35_000;
        var text = new StringBuilder("treaty big{title \"Big\" reference \"B\"}\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("safeguard s").Append(i).Append(":legality{title \"S\" cite big article 1 question q:yes-no{ask \"Q?\" satisfied-by yes}}\n");
        }

        var compiled = Support.Compile(("big.treaty", text.ToString()));
        Assert.DoesNotContain(compiled.Diagnostics, d => d.IsError);
        var result = DocsRenderer.Render(compiled.Model, DocsFormat.Markdown);

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        var page = result.Files.Single(f => f.Path == "en/big.md").Content;
        Assert.Contains("#### S", page, StringComparison.Ordinal);

        // The whole page, not the first 100,000 characters of it with "..." (Scriban's default output limit).
        Assert.Contains("<a id=\"s" + (count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"></a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("...", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_long_quoted_provisions_is_rendered_whole()
    {
        var quote = string.Concat(Enumerable.Repeat("Each Party shall ensure that the powers are subject to conditions and safeguards. ", 60));
        var text = new StringBuilder("treaty q{title \"Q\" reference \"Q\" source \"S\"}\n");
        for (var i = 0; i < 40; i++)
        {
            text.Append("safeguard s").Append(i).Append(":legality{title \"S").Append(i).Append("\" cite q article 1 verified { quote \"").Append(quote).Append("\" } question q:yes-no{ask \"Q?\" satisfied-by yes}}\n");
        }

        var pages = Pages(DocsFormat.Html, ("q.treaty", text.ToString()));

        var page = pages["en/q.html"];
        Assert.True(page.Length > 200_000, "the page holds every quote: " + page.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("id=\"s39\"", page, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", page, StringComparison.Ordinal);
    }
}
