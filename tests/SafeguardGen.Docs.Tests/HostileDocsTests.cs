using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SafeguardGen.Docs.Tests;

/// <summary>
/// Author text written to break out of its place in the pages: live links through autolinks and reference
/// definitions, blocks made of plain text, bidi controls, page names that meet the index or each other, and
/// models too large for fixed template limits.
/// </summary>
public sealed class HostileDocsTests
{
    private static readonly MarkdownPipeline Viewer = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static string Treaty(string guidance, string title = "Legal basis", string name = "demo") =>
        "treaty " + name + " {\n  title \"Demo\"\n  reference \"ETS 185\"\n}\n\n"
        + "safeguard s : legality {\n  title \"" + title + "\"\n  cite " + name + " article 1\n  guidance \"\"\"\n" + guidance + "\n\"\"\"\n"
        + "  question q : yes-no { ask \"Q?\" satisfied-by yes }\n}\n";

    private static Dictionary<string, string> Pages(DocsFormat format, params (string Path, string Text)[] files)
    {
        var compiled = Support.Compile(files);
        var result = DocsRenderer.Render(compiled.Model, format);
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        return result.Files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
    }

    private static bool SafeAddress(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? string.Empty : url.Substring(0, colon).ToLowerInvariant();
        return colon < 0 || url.IndexOfAny(['/', '?', '#']) is var cut && cut >= 0 && cut < colon || scheme is "http" or "https" or "mailto";
    }

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<JAVASCRIPT:alert(1)>")]
    [InlineData("<data:text/html,x>")]
    [InlineData("<vbscript:msgbox(1)>")]
    [InlineData("[x](java\tscript:alert(1))")]
    [InlineData("[x][r] and [y][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("![img](javascript:alert(1))")]
    public void No_html_page_links_to_an_address_that_could_run(string guidance)
    {
        foreach (var (path, html) in Pages(DocsFormat.Html, ("demo.treaty", Treaty(guidance))))
        {
            var document = new HtmlParser().ParseDocument(html);
            foreach (var element in document.QuerySelectorAll("[href], [src]"))
            {
                var address = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                Assert.True(SafeAddress(address), path + ": " + element.OuterHtml);
            }
        }
    }

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[a][r] then [b][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("[a][r] `[b][r]` [c][r]\n\n[r]: <javascript:alert(1)>")]
    [InlineData("`[a](javascript:alert(1))` and [b](javascript:alert(2))")]
    [InlineData("[ok](https://example.org) [r] [r]\n\n[r]: data:text/html,x")]
    public void No_markdown_page_links_to_an_address_that_could_run(string guidance)
    {
        foreach (var (path, text) in Pages(DocsFormat.Markdown, ("demo.treaty", Treaty(guidance))))
        {
            foreach (var link in Markdown.Parse(text, Viewer).Descendants<LinkInline>())
            {
                Assert.True(SafeAddress(link.Url ?? string.Empty), path + ": " + link.Url);
            }

            foreach (var autolink in Markdown.Parse(text, Viewer).Descendants<AutolinkInline>())
            {
                Assert.True(SafeAddress(autolink.Url), path + ": " + autolink.Url);
            }
        }
    }

    [Fact]
    public void A_safe_link_and_code_keep_their_meaning_in_markdown()
    {
        var page = Pages(DocsFormat.Markdown, ("demo.treaty", Treaty("See [the text](https://example.org/a_b) and `x[y](z)`, *emphasis* too.")))["en/demo.md"];

        var document = Markdown.Parse(page, Viewer);
        Assert.Contains(document.Descendants<LinkInline>(), l => l.Url == "https://example.org/a_b");
        Assert.Contains(document.Descendants<CodeInline>(), c => c.Content == "x[y](z)");
        Assert.Contains(document.Descendants<EmphasisInline>(), e => e.FirstChild is LiteralInline { Content: var content } && content.ToString() == "emphasis");
    }

    [Theory]
    [InlineData("   # not a heading")]
    [InlineData("  - not a list")]
    [InlineData(" > not a quote")]
    [InlineData("   1. not a list")]
    public void A_title_that_starts_with_spaces_and_a_block_marker_stays_plain_text(string title)
    {
        var page = Pages(DocsFormat.Markdown, ("demo.treaty", Treaty("Plain.", title: title)))["en/demo.md"];

        // Wherever the title is shown (a heading, a list item, a table cell), its marker is still text beside it.
        var document = Markdown.Parse(page, Viewer);
        var shown = document.Descendants<LeafBlock>().Where(b => b.Inline is not null)
            .Select(b => string.Concat(b.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString())))
            .Where(text => text.Contains("not a", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, text => Assert.Contains(title.Trim(), text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DocsFormat.Markdown)]
    [InlineData(DocsFormat.Html)]
    public void No_page_holds_a_bidirectional_control_even_from_a_file_that_has_one(DocsFormat format)
    {
        var treaty = Treaty("Guidance \u202E reversed \\u{2066} isolated", title: "Title \u202E \\u{202E} reversed");
        var compiled = Support.Compile(("demo.treaty", treaty));
        Assert.Contains(compiled.Diagnostics, d => d.Id == "SG0005");

        var result = DocsRenderer.Render(compiled.Model, format);

        Assert.NotEmpty(result.Files);
        Assert.All(result.Files, file => Assert.DoesNotContain(file.Content, c => SafeguardGen.Language.Text.BidirectionalControls.Name(c) is not null));
        Assert.Contains(result.Files, file => file.Content.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DocsFormat.Markdown)]
    [InlineData(DocsFormat.Html)]
    public void A_treaty_named_index_or_treaties_named_alike_but_for_case_get_pages_of_their_own(DocsFormat format)
    {
        var pages = Pages(format, ("index.treaty", Treaty("I.", name: "index")), ("a.treaty", Treaty("A.", name: "Demo")), ("b.treaty", Treaty("B.", name: "demo")));

        var extension = format == DocsFormat.Html ? "html" : "md";
        Assert.Contains("en/index_." + extension, pages.Keys);
        Assert.Contains("en/_demo." + extension, pages.Keys);
        Assert.Contains("en/demo." + extension, pages.Keys);
        Assert.Equal(pages.Count, pages.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("index_." + extension, pages["en/index." + extension], StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_more_items_than_the_fixed_loop_limit_renders_with_the_default_templates()
    {
        var options = string.Concat(Enumerable.Range(0, DocsRenderer.LoopLimit + 10).Select(i => "    option o" + i + " \"O" + i + "\"\n"));
        var treaty = "treaty demo {\n  title \"Demo\"\n  reference \"ETS 185\"\n}\n\nsafeguard s : legality {\n  title \"S\"\n  cite demo article 1\n"
            + "  question q : choice {\n    ask \"Q?\"\n" + options + "    satisfied-by any-of o0\n  }\n}\n";

        foreach (var format in new[] { DocsFormat.Markdown, DocsFormat.Html })
        {
            var pages = Pages(format, ("demo.treaty", treaty));
            Assert.Contains("O100009", pages["en/demo." + (format == DocsFormat.Html ? "html" : "md")], StringComparison.Ordinal);
        }
    }
}
