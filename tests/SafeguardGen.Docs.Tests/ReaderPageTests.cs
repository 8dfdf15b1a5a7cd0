using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using AngleSharp.Html.Parser;
using Markdig.Syntax;

namespace SafeguardGen.Docs.Tests;

/// <summary>What a legal reader sees: plain wording for grounds, quoted law, navigation, the printable form and the wiki layout.</summary>
public sealed class ReaderPageTests
{
    private static readonly HtmlParser Parser = new();

    private const string Grounds = """
        treaty g {
          title "G"
          reference "G"
        }

        safeguard persecution : refusal-ground(mandatory) {
          title "Persecution"
          cite g article 3 verified { source "The authentic text" quote "shall not be granted" }
          question risk : yes-no {
            ask "Is there a risk of persecution?"
            satisfied-by no
          }
          exception assured {
            when persecution.risk
            outcome satisfied
            priority 1
            because "Assurances lift the ground."
          }
        }

        safeguard legal : legality {
          title "Prescribed by law"
          cite g article 4 unverified "Paragraph number assumed."
          question law : yes-no {
            ask "Is the measure prescribed by law?"
            satisfied-by yes
          }
        }

        profile p {
          title "P"
          requires kind legality, necessity
        }

        measure m {
          title "M"
          adopts p
          safeguards persecution, legal
        }

        checklist c {
          title "C"
          measure m
        }
        """;

    [Fact]
    public void A_ground_for_refusal_reads_as_applying_or_not_applying_never_as_satisfied()
    {
        Assert.All(Support.Compile(("g.treaty", Grounds)).Diagnostics.Where(d => d.IsError), d => Assert.Equal("SG0230", d.Id));
        var page = Parser.ParseDocument(Support.Render(DocsFormat.Html, Support.Compile(("g.treaty", Grounds)))["en/g.html"]);
        var card = page.QuerySelector("#persecution")!;

        Assert.Equal("Mandatory ground for refusal", card.QuerySelector(".ground-label")!.TextContent);
        Assert.Contains("The ground does not apply when the answer is no; otherwise it applies.", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("the ground does not apply. Assurances lift the ground.", card.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("satisf", card.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("The safeguard is met when the answer is yes.", page.QuerySelector("#legal")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_citation_shows_its_quoted_wording_its_source_and_why_it_is_unverified_as_visible_text()
    {
        var page = Parser.ParseDocument(Support.Render(DocsFormat.Html, Support.Compile(("g.treaty", Grounds)))["en/g.html"]);

        Assert.Equal("shall not be granted", page.QuerySelector("#persecution blockquote")!.TextContent);
        Assert.Contains("Wording checked against: The authentic text.", page.QuerySelector("#persecution .quoted")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Note: Paragraph number assumed.", page.QuerySelector("#legal .quoted")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("[title]"));
        Assert.Contains("1 of 2 citations verified against an authoritative text; 1 quote the provision’s wording.", page.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_citation_links_to_the_official_text_its_instrument_declares_and_an_address_that_is_not_one_is_refused()
    {
        const string text = """
            treaty u {
              title "U"
              reference "U"
              url "https://example.org/u_1?a=1&b=(2)"
            }

            instrument i {
              title "I"
              url "javascript:alert(1)"
            }

            safeguard s : legality {
              title "S"
              cite u article 1
              cite i article 2
              question q : yes-no {
                ask "Q?"
                satisfied-by yes
              }
            }
            """;
        var compiled = Support.Compile(("u.treaty", text));
        Assert.Equal(["SG0274"], compiled.Diagnostics.Where(d => d.IsError).Select(d => d.Id));

        var page = Parser.ParseDocument(Support.Render(DocsFormat.Html, compiled)["en/u.html"]);
        Assert.Equal("https://example.org/u_1?a=1&b=(2)", page.QuerySelector("#s dd a")!.GetAttribute("href"));
        Assert.Equal("U, Art. 1", page.QuerySelector("#s dd a")!.TextContent);
        Assert.Equal("https://example.org/u_1?a=1&b=(2)", page.QuerySelector("main > dl.facts a")!.GetAttribute("href"));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));

        var markdown = Markdig.Markdown.Parse(Support.Render(DocsFormat.Markdown, compiled)["en/u.md"]);
        Assert.Contains(markdown.Descendants<Markdig.Syntax.Inlines.LinkInline>(), l => l.Url == "https://example.org/u_1?a=1&b=(2)" && l.FirstChild!.ToString() == "U, Art. 1");
    }

    [Fact]
    public void Every_verified_citation_of_the_examples_shows_its_quoted_wording()
    {
        var files = Support.Render(DocsFormat.Html);
        foreach (var (path, html) in files.Where(f => f.Key.StartsWith("en/", StringComparison.Ordinal)))
        {
            var page = Parser.ParseDocument(html);
            foreach (var quoted in page.QuerySelectorAll(".quoted").Where(q => q.QuerySelector(".meta")!.TextContent.Contains("(verified)", StringComparison.Ordinal)))
            {
                Assert.True(quoted.QuerySelectorAll("blockquote").Length > 0, path + ": " + quoted.TextContent);
            }
        }
    }

    [Fact]
    public void The_coverage_matrix_heads_its_columns_with_kind_titles_and_explains_each_gap()
    {
        var page = Parser.ParseDocument(Support.Render(DocsFormat.Html, Support.Compile(("g.treaty", Grounds)))["en/g.html"]);

        Assert.Equal(["Measure", "Legality", "Necessity"], page.QuerySelectorAll("table.coverage thead th").Select(t => t.TextContent));
        Assert.Equal("“M” has no safeguard of the kind “Necessity”, which P requires.", page.QuerySelector("#coverage ~ ul:not(.meta) li")!.TextContent);
        Assert.Equal(["Legality: ✓ 1 — Prescribed by law", "Necessity: ✗ Missing"], page.QuerySelectorAll(".coverage-lists li").Select(l => l.TextContent));
        Assert.DoesNotContain("highlighted", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checklist_page_opens_with_its_safeguards_linked_to_their_definitions_and_each_page_has_its_own_title()
    {
        var files = Support.Render(DocsFormat.Html);
        var page = Parser.ParseDocument(files["en/uncc.extradition-review.html"]);

        var links = page.QuerySelectorAll("#summary + .table-wrap a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.NotNull(Parser.ParseDocument(files["en/" + href.Split('#')[0]]).GetElementById(href.Split('#')[1])));
        var titles = files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal) && f.Key.StartsWith("en/", StringComparison.Ordinal)).Select(f => Parser.ParseDocument(f.Value).Title).ToList();
        Assert.Equal(titles.Count, titles.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_safeguard_lists_what_uses_it_and_a_library_is_shown_as_a_library()
    {
        var files = Support.Render(DocsFormat.Html);
        var uses = Parser.ParseDocument(files["en/uncc.html"]).QuerySelectorAll("#no-suppression-of-rights dd a").Select(a => a.TextContent).ToList();

        Assert.Contains(uses, u => u.StartsWith("measure “", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("checklist “", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("comparison “", StringComparison.Ordinal));
        var index = Parser.ParseDocument(files["en/index.html"]);
        Assert.Contains("SafeguardGen common library", index.QuerySelector("#libraries")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 measures, 0 checklists", index.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_printable_form_has_the_case_fields_boxes_for_every_question_and_a_decision_box()
    {
        var files = Support.Render(DocsFormat.Html, Support.Compile(("g.treaty", Grounds)));
        var form = Parser.ParseDocument(files["en/g.c.form.html"]);

        Assert.Equal(["Case reference", "Date", "Assessor", "Requesting state"], form.QuerySelectorAll("main > .form-fields .field").Select(f => f.TextContent));
        Assert.Equal(["Is there a risk of persecution?", "Is the measure prescribed by law?"], form.QuerySelectorAll(".form-question p strong").Select(s => s.TextContent));
        Assert.All(form.QuerySelectorAll(".form-question").SkipLast(1), q => Assert.Equal(["Yes", "No", "Unknown"], q.QuerySelectorAll(".boxes > span").Select(s => s.TextContent)));
        Assert.Equal(["Proceed", "May refuse", "Must refuse", "Incomplete"], form.QuerySelectorAll(".form-question:last-of-type .boxes > span").Select(s => s.TextContent));
        Assert.Contains("size: A4", files["en/g.c.form.html"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_running_header_cannot_end_its_css_string_whatever_the_title()
    {
        var css = DocsRenderer.CssString("a\"b\\c</style><script>x</script>\n\u202E");

        Assert.Matches("^\"[A-Za-z0-9 \\\\]*\"$", css);
        Assert.DoesNotContain("<", css, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wiki_style_writes_flat_unique_pages_whose_links_all_resolve()
    {
        var result = DocsRenderer.Render(Support.Examples().Model, DocsFormat.Markdown, options: new DocsOptions(Wiki: true));
        Assert.Empty(result.Diagnostics);
        var names = result.Files.Select(f => f.Path).ToList();

        Assert.All(names, n => Assert.DoesNotContain('/', n));
        Assert.Contains("Home.md", names);
        Assert.Contains("_Sidebar.md", names);
        Assert.Contains("en--uncc.md", names);
        Assert.Contains("fr--uncc.md", names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var pages = names.Select(n => n[..^3]).ToHashSet(StringComparer.Ordinal);
        foreach (var file in result.Files)
        {
            foreach (var link in Markdig.Markdown.Parse(file.Content).Descendants<Markdig.Syntax.Inlines.LinkInline>().Select(l => l.Url!).Where(u => !u.StartsWith('#') && !u.StartsWith("https://", StringComparison.Ordinal)))
            {
                Assert.DoesNotContain("../", link, StringComparison.Ordinal);
                Assert.DoesNotContain(".md", link, StringComparison.Ordinal);
                Assert.Contains(link.Split('#')[0], pages);
            }
        }
    }

    /// <summary>
    /// Prints the UNCC treaty page and a checklist form with headless Chromium and reads the PDFs back with
    /// pdftotext: every requirement column, every question and the running header must be on paper. .ci/run
    /// installs chromium and poppler-utils where they are missing.
    /// </summary>
    [Fact]
    public void A_printed_UNCC_treaty_page_and_checklist_form_lose_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("safeguard-print-");
        try
        {
            var result = DocsRenderer.Render(Support.Examples().Model, DocsFormat.Html, onlyLanguages: ["en"], options: new DocsOptions("2026-11-23"));
            Assert.Empty(result.Diagnostics);
            DocsWriter.Write(folder.FullName, result.Files);

            var treaty = PrintedText(Path.Combine(folder.FullName, "en", "uncc.html"), folder.FullName);
            var labels = Labels.For("en");
            foreach (var kind in new[] { "legality", "necessity", "proportionality", "oversight", "redress", "scope-limitation", "duration-limit" })
            {
                Assert.Contains(labels.Kind(kind), treaty, StringComparison.Ordinal);
            }

            Assert.Contains("United Nations Convention against Cybercrime · 2024-12-24 · generated 2026-11-23", treaty, StringComparison.Ordinal);
            Assert.Matches(@"Page 2 of \d+", treaty);

            var formPage = Path.Combine(folder.FullName, "en", "uncc.extradition-review.form.html");
            var form = PrintedText(formPage, folder.FullName);
            var questions = Parser.ParseDocument(File.ReadAllText(formPage)).QuerySelectorAll(".form-question p strong").Select(q => q.TextContent).ToList();
            Assert.NotEmpty(questions);
            Assert.All(questions, q => Assert.Contains(q, form, StringComparison.Ordinal));
            Assert.Contains("Review of an incoming extradition request", form.Split('\n')[0], StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The page printed to PDF on A4 and read back as text, with lines joined so that wrapped sentences can be found.</summary>
    private static string PrintedText(string page, string folder)
    {
        var pdf = Path.Combine(folder, Path.GetFileNameWithoutExtension(page) + ".pdf");
        Run(Chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=" + pdf, new Uri(page).AbsoluteUri);
        var text = Run("pdftotext", "-enc", "UTF-8", pdf, "-");
        return System.Text.RegularExpressions.Regex.Replace(text, @"[ \t]*\r?\n[ \t]*(?!\f)", " ").Replace("\f", "\n", StringComparison.Ordinal);
    }

    private static string Chromium() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
            ?? throw new InvalidOperationException("The print test needs Chromium: install Debian's chromium (and poppler-utils), as .ci/run does, or set CHROMIUM.");

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), program + " did not finish in two minutes");
        Assert.True(process.ExitCode == 0, program + " failed: " + error.Result);
        return output;
    }
}
