using System;
using System.Linq;
using AngleSharp.Html.Parser;
using SafeguardGen.Language.Binding;

namespace SafeguardGen.Docs.Tests;

/// <summary>Comparison pages: linked from the index and from each treaty they involve, and a standalone report with the site's structure.</summary>
public sealed class ComparisonPageTests
{
    [Fact]
    public void The_site_links_every_comparison_from_its_index_and_from_each_treaty_it_involves()
    {
        var site = Support.Render(DocsFormat.Html);
        var page = "uncc-vs-budapest.uncc-against-article-15.html";

        Assert.Contains("en/" + page, site.Keys);
        Assert.Contains("href=\"" + page + "\"", site["en/index.html"], StringComparison.Ordinal);
        foreach (var treaty in new[] { "uncc", "uncc-vs-budapest" })
        {
            Assert.Contains("href=\"" + page + "\"", site["en/" + treaty + ".html"], StringComparison.Ordinal);
        }

        Assert.DoesNotContain("href=\"" + page + "\"", site["en/ets24.html"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_standalone_report_has_the_sites_structure_and_links_to_no_other_page()
    {
        var model = Support.Examples().Model;
        var result = DocsRenderer.RenderComparison(model, new QualifiedName("uncc-vs-extradition-grounds", "uncc-against-extradition-grounds"), DocsFormat.Html, "en");

        Assert.Empty(result.Diagnostics);
        var document = new HtmlParser().ParseDocument(Assert.Single(result.Files).Content);
        Assert.False(string.IsNullOrWhiteSpace(document.Title));
        Assert.NotNull(document.QuerySelector("h1"));
        Assert.NotNull(document.QuerySelector("meta[name=viewport]"));
        Assert.Contains("@media print", document.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script, link[rel=stylesheet], img, iframe, a[href]:not([href^='https://'])"));
        var headings = document.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["Gaps: absent, weaker, hedged", "Kept: equivalent or stronger", "Powers beyond the baseline", "Grounds for refusal", "Summary"], headings);
        var grounds = document.QuerySelectorAll("#grounds + .table-wrap tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToList();
        Assert.Equal(10, grounds.Count);
        Assert.Contains(grounds, r => r[1] == "mandatory (must refuse)" && r[2] == "optional (may refuse)" && r[3] == "Weaker: the counterpart protects less");
        Assert.Contains(grounds, r => r[1] == "optional (may refuse)" && r[2] == "absent" && r[3] == "Absent: the instrument has no counterpart");
    }

    [Fact]
    public void Every_judgement_shows_both_sides_with_their_verification_and_the_relationship_in_words()
    {
        var html = Support.Render(DocsFormat.Html)["en/uncc-vs-budapest.uncc-against-article-15.html"];
        var document = new HtmlParser().ParseDocument(html);

        var judgements = document.QuerySelectorAll("section.judgement table.sides").ToList();
        Assert.Equal(8, judgements.Count);
        Assert.All(judgements, table => Assert.Contains("Citations: ", table.TextContent, StringComparison.Ordinal));
        Assert.Equal("Weaker: the counterpart protects less", document.QuerySelector("section.judgement .relationship")!.TextContent);
    }
}
