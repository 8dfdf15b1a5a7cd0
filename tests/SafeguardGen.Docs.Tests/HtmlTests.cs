using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SafeguardGen.Docs.Tests;

/// <summary>The HTML site, parsed with AngleSharp: structure, links between pages, self-containment and escaping.</summary>
public sealed class HtmlTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Site = new(() => Support.Render(DocsFormat.Html));

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public void Every_page_has_a_title_a_heading_navigation_a_viewport_and_a_print_stylesheet()
    {
        foreach (var (path, html) in Site.Value)
        {
            var document = Parse(html);

            Assert.False(string.IsNullOrWhiteSpace(document.Title), path);
            Assert.NotNull(document.QuerySelector("h1"));
            Assert.NotNull(document.QuerySelector("header nav"));
            Assert.NotNull(document.QuerySelector("meta[name=viewport]"));
            Assert.Contains("@media print", document.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_site_is_self_contained_with_no_script_and_no_external_resource()
    {
        foreach (var (path, html) in Site.Value)
        {
            var document = Parse(html);

            Assert.Empty(document.QuerySelectorAll("script, link[rel=stylesheet], img, iframe"));
            Assert.All(document.QuerySelectorAll("[src]"), e => Assert.Fail(path + " loads " + e.GetAttribute("src")));
            // The only links that leave the site are to the official texts the instruments declare, over http(s).
            Assert.All(document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!), href => Assert.DoesNotMatch("^(?!https?://)[a-z]+:", href));
        }
    }

    [Fact]
    public void Every_link_leads_to_a_page_of_the_site_and_every_fragment_to_an_element_on_it()
    {
        foreach (var (path, html) in Site.Value)
        {
            var folder = path.Contains('/', StringComparison.Ordinal) ? path.Substring(0, path.LastIndexOf('/') + 1) : string.Empty;
            foreach (var href in Parse(html).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith("https://", StringComparison.Ordinal)))
            {
                var parts = href.Split('#');
                var target = parts[0].Length == 0 ? path : Normalize(folder + parts[0]);
                Assert.True(Site.Value.ContainsKey(target), $"{path}: link to missing page {href}");
                if (parts.Length > 1)
                {
                    Assert.True(Parse(Site.Value[target]).GetElementById(parts[1]) is not null, $"{path}: link to missing fragment {href}");
                }
            }
        }
    }

    private static string Normalize(string path)
    {
        var stack = new Stack<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                stack.Pop();
            }
            else if (part != ".")
            {
                stack.Push(part);
            }
        }

        return string.Join("/", stack.Reverse());
    }

    [Fact]
    public void The_coverage_table_marks_a_gap_when_a_measure_misses_a_required_kind()
    {
        var compiled = Support.Compile(("hostile.treaty", Support.Hostile.Replace("requires kind legality", "requires kind legality, redress", StringComparison.Ordinal)));
        var result = DocsRenderer.Render(compiled.Model, DocsFormat.Html);

        var page = Parse(result.Files.Single(f => f.Path == "en/hostile.html").Content);

        Assert.Contains(compiled.Diagnostics, d => d.Id == "SG0230");
        Assert.Equal("✗ Missing", page.QuerySelector("td.missing")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("table.coverage thead th").Length - 1);
    }

    [Fact]
    public void Author_text_renders_as_text_and_never_as_markup()
    {
        var files = Support.Render(DocsFormat.Html, Support.Compile(("hostile.treaty", Support.Hostile)));
        var page = Parse(files["en/hostile.html"]);

        Assert.Empty(page.QuerySelectorAll("script, img, em, b, i"));
        Assert.Equal("<script>alert('title')</script> | table | [link](http://evil.example) *bold* # heading", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("<img src=x onerror=alert(1)>", page.QuerySelector("section.safeguard h4")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#", page.QuerySelector(".guidance a")!.GetAttribute("href"));
        Assert.Contains("<script>alert(2)</script>", page.QuerySelector(".guidance")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".guidance strong"));
    }
}
