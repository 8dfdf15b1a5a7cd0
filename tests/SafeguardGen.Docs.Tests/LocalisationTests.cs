using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Markdig;
using SafeguardGen.Language.Binding;

namespace SafeguardGen.Docs.Tests;

/// <summary>Honest localisation: a label table per UN language, texts without a translation marked, right to left for Arabic.</summary>
public sealed class LocalisationTests
{
    private static readonly HtmlParser Parser = new();

    // The notice that the whole table is missing is shown only over the English table, so only English has it.
    private const string EnglishOnly = "labels_not_translated";

    public static TheoryData<string> TranslatedLanguages() => new(Labels.Languages.Where(l => l != "en"));

    [Theory]
    [MemberData(nameof(TranslatedLanguages))]
    public void Every_label_of_the_English_table_exists_in_every_language_with_the_same_placeholders(string language)
    {
        var english = Labels.Load("en");
        var table = Labels.Load(language);

        Assert.Equal(english.Keys.Where(k => k != EnglishOnly).OrderBy(k => k, StringComparer.Ordinal), table.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(table, pair =>
        {
            Assert.False(string.IsNullOrWhiteSpace(pair.Value), language + ": " + pair.Key + " is empty");
            Assert.Equal(Placeholders(english[pair.Key]), Placeholders(pair.Value));
        });
    }

    [Theory]
    [MemberData(nameof(TranslatedLanguages))]
    public void A_translated_table_is_not_the_English_one_copied(string language)
    {
        var english = Labels.Load("en");
        var table = Labels.Load(language);
        var same = table.Where(p => p.Value == english[p.Key] && p.Key != "direction" && !Regex.IsMatch(p.Value, @"^[\W\d{}]*$")).Select(p => p.Key).ToList();

        // Words shared by design: "Version", "Instrument", "Notification" and the like in French; never whole sentences.
        Assert.All(same, key => Assert.DoesNotContain(' ', english[key].Trim()));
    }

    [Fact]
    public void Every_built_in_kind_has_a_title_in_every_language()
    {
        foreach (var language in Labels.Languages)
        {
            var table = Labels.Load(language);
            Assert.All(BuiltInKinds.Names, name => Assert.True(table.ContainsKey("kind_" + name.Replace('-', '_')), language + " has no title for the kind " + name));
        }
    }

    [Fact]
    public void The_site_is_offered_in_the_six_official_UN_languages_and_Arabic_reads_right_to_left()
    {
        var files = Support.Render(DocsFormat.Html);
        foreach (var language in new[] { "ar", "en", "es", "fr", "ru", "zh" })
        {
            var page = Parser.ParseDocument(files[language + "/uncc.html"]);
            Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
            Assert.Equal(language == "ar" ? "rtl" : "ltr", page.DocumentElement.GetAttribute("dir"));
        }

        var arabic = Parser.ParseDocument(files["ar/index.html"]);
        Assert.Equal("المعاهدات وقوائم التحقق", arabic.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("ar")]
    [InlineData("zh")]
    [InlineData("ru")]
    public void A_text_with_no_translation_is_tagged_with_its_own_language_and_marked_not_translated(string language)
    {
        var files = Support.Render(DocsFormat.Html);
        var notTranslated = Labels.Load(language)["not_translated"];
        var page = Parser.ParseDocument(files[language + "/uncc.extradition-review.html"]);

        // The UNCC example is written in English only: its title is English, tagged so and marked.
        var title = page.QuerySelector("h1 .untranslated")!;
        Assert.Equal("en", title.QuerySelector("[lang]")!.GetAttribute("lang"));
        Assert.Equal("Review of an incoming extradition request", title.QuerySelector("[lang]")!.TextContent);
        Assert.Contains(notTranslated, title.TextContent, StringComparison.Ordinal);
        Assert.Contains(Labels.Load(language)["untranslated_notice"], page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);

        // Every marked text says its language.
        Assert.All(page.QuerySelectorAll(".untranslated"), e => Assert.NotNull(e.QuerySelector("[lang]")));
    }

    [Fact]
    public void A_translated_text_is_shown_in_the_language_without_a_mark()
    {
        var files = Support.Render(DocsFormat.Html);
        var page = Parser.ParseDocument(files["fr/common.html"]);

        Assert.Equal("Bibliothèque commune de SafeguardGen", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("h1 .untranslated"));
    }

    [Fact]
    public void The_language_links_lead_to_the_same_page_in_each_language_named_in_that_language()
    {
        var files = Support.Render(DocsFormat.Html);
        var page = Parser.ParseDocument(files["fr/uncc.extradition-review.html"]);
        var links = page.QuerySelectorAll("header.site a[hreflang]").ToDictionary(a => a.GetAttribute("hreflang")!, a => a);

        Assert.Equal("../ar/uncc.extradition-review.html", links["ar"].GetAttribute("href"));
        Assert.Equal("العربية", links["ar"].TextContent);
        Assert.Equal("中文", links["zh"].TextContent);
        Assert.Equal("page", links["fr"].GetAttribute("aria-current"));
        Assert.All(links.Values, a => Assert.True(files.ContainsKey(Path.GetFullPath(Path.Combine("/site/fr", a.GetAttribute("href")!)).Substring("/site/".Length).Replace('\\', '/'))));
    }

    [Fact]
    public void The_root_page_names_each_language_in_itself()
    {
        var files = Support.Render(DocsFormat.Html);
        var names = Parser.ParseDocument(files["index.html"]).QuerySelectorAll("main li a").Select(a => a.TextContent).ToList();

        Assert.Equal(["English", "العربية", "Español", "Français", "Русский", "中文"], names);
    }

    [Fact]
    public void Thousands_of_untranslated_options_still_make_markdown_a_viewer_can_parse()
    {
        // Found by the fuzzer: each option marked with emphasis nested past Markdig's depth limit in a viewer.
        var options = string.Concat(Enumerable.Range(0, 5000).Select(i => " option o" + i + " \"O" + i + "\""));
        var text = "treaty d { title \"D\" reference \"D\" }\nsafeguard s : legality { title \"S\" cite d article 1 question q : choice { ask \"Q?\"" + options + " satisfied-by any-of (o1) } }\nmeasure m { title \"M\" safeguards s }\nchecklist c { title \"C\" measure m }\n";
        var result = DocsRenderer.Render(Support.Compile(("d.treaty", text)).Model, DocsFormat.Markdown, onlyLanguages: ["fr"]);
        var viewer = new Markdig.MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

        Assert.Empty(result.Diagnostics);
        Assert.All(result.Files, f => Markdig.Markdown.Parse(f.Content, viewer));
        Assert.Contains("O4999 (non traduit)", result.Files.Single(f => f.Path == "fr/d.c.form.md").Content, StringComparison.Ordinal);
    }

    private static List<string> Placeholders(string text) => Regex.Matches(text, @"\{\d\}").Select(m => m.Value).OrderBy(p => p, StringComparer.Ordinal).ToList();
}
