using System;
using System.Collections.Generic;
using System.Linq;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SafeguardGen.Docs.Tests;

/// <summary>The Markdown pages, parsed with Markdig as a reader's viewer would: links that work, tables that hold.</summary>
public sealed class MarkdownTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Pages = new(() => Support.Render(DocsFormat.Markdown));

    [Fact]
    public void Every_link_leads_to_a_page_of_the_set_and_every_fragment_to_an_anchor_on_it()
    {
        foreach (var (path, text) in Pages.Value)
        {
            var folder = path.Contains('/', StringComparison.Ordinal) ? path.Substring(0, path.LastIndexOf('/') + 1) : string.Empty;
            foreach (var link in Markdown.Parse(text, Pipeline).Descendants<LinkInline>().Where(l => !l.Url!.StartsWith("https://", StringComparison.Ordinal)))
            {
                var parts = link.Url!.Split('#');
                var target = parts[0].Length == 0 ? path : Resolve(folder, parts[0]);
                Assert.True(Pages.Value.ContainsKey(target), $"{path}: link to missing page {link.Url}");
                if (parts.Length > 1)
                {
                    Assert.Contains("<a id=\"" + parts[1] + "\"></a>", Pages.Value[target], StringComparison.Ordinal);
                }
            }
        }
    }

    private static string Resolve(string folder, string relative)
    {
        var parts = (folder + relative).Split('/').ToList();
        for (var i = parts.IndexOf(".."); i > 0; i = parts.IndexOf(".."))
        {
            parts.RemoveRange(i - 1, 2);
        }

        return string.Join("/", parts);
    }

    [Fact]
    public void Author_text_cannot_break_a_table_open_a_link_or_inject_html()
    {
        var pages = Support.Render(DocsFormat.Markdown, Support.Compile(("hostile.treaty", Support.Hostile.Replace("requires kind legality", "requires kind legality, redress", StringComparison.Ordinal))));
        var document = Markdown.Parse(pages["en/hostile.md"], Pipeline);

        foreach (var table in document.Descendants<Table>())
        {
            var columns = ((TableRow)table[0]).Count;
            Assert.All(table.OfType<TableRow>(), row => Assert.Equal(columns, row.Count));
        }

        // A bare address may be auto-linked by the viewer, showing the address itself; no text can hide one behind a label.
        Assert.All(document.Descendants<LinkInline>().Where(l => l.Url!.Contains("evil", StringComparison.Ordinal)), l => Assert.True(l.IsAutoLink));
        Assert.DoesNotContain(document.Descendants<LinkInline>(), l => l.Url!.StartsWith("javascript", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Descendants<HtmlInline>(), h => h.Tag.Contains("script", StringComparison.Ordinal) || h.Tag.Contains("img", StringComparison.Ordinal));
        var html = Markdown.ToHtml(pages["en/hostile.md"], Pipeline);
        Assert.Contains(">&lt;script&gt;alert('title')&lt;/script&gt; | table | [link](", html, StringComparison.Ordinal);
        Assert.Contains("| table | [link](", html, StringComparison.Ordinal);
        Assert.Contains(") *bold* # heading</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }
}
