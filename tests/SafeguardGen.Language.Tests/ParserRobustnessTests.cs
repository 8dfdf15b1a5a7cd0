using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Diagnostics;

namespace SafeguardGen.Language.Tests;

/// <summary>No input, however broken or hostile, makes the front end throw; limits give clear diagnostics.</summary>
public sealed class ParserRobustnessTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_bytes_give_diagnostics_and_never_throw(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[20_000];
        random.NextBytes(bytes);
        var text = Encoding.UTF8.GetString(bytes);

        var result = Support.Compile(("random.treaty", text));

        Assert.True(result.HasErrors);
        Assert.All(result.Diagnostics, d => Assert.Equal("random.treaty", d.Location.Path));
        Assert.True(result.Diagnostics.Count <= DiagnosticBag.MaxErrorsPerFile + 1);
    }

    [Fact]
    public void Random_tokens_of_the_language_never_throw()
    {
        var words = new[] { "treaty", "safeguard", "measure", "profile", "checklist", "{", "}", "(", ")", ":", ",", ".", "\"s\"", "\"\"\"", "when", "not", "and", "or", "in", "==", ">=", "4", "2024-01-01", "@fr", "title", "question", "option", "yes-no", "list", "of", "cite", "article", "exception", "priority", "import", "x", "x.y" };
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var text = string.Join(" ", Enumerable.Range(0, 300).Select(_ => words[random.Next(words.Length)]));

            var result = Support.Compile(("tokens.treaty", text));

            Assert.NotNull(result.Model);
        }
    }

    [Fact]
    public void Every_truncation_of_every_example_gives_diagnostics_without_throwing()
    {
        foreach (var (path, text) in Support.ExampleFiles())
        {
            for (var length = 0; length < text.Length; length += 97)
            {
                var truncated = text.Substring(0, length);

                var result = Support.Compile((path, truncated));

                Assert.NotNull(result.Model);
            }
        }
    }

    [Fact]
    public void A_truncated_file_reports_the_missing_closing_brace_at_the_end()
    {
        var text = Support.Header + Support.LegalBasis.TrimEnd().TrimEnd('}');

        var result = Support.Compile(text);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SG0100", diagnostic.Id);
        Assert.Equal("Expected '}' but found end of file", diagnostic.Message);
        Assert.Equal(text.Length, diagnostic.Location.Span.Start);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("not ", "")]
    [InlineData("(not ", ")")]
    public void Ten_thousand_levels_of_nesting_give_one_diagnostic(string open, string close)
    {
        var condition = string.Concat(Enumerable.Repeat(open, 10_000)) + "legal-basis.provided-by-law" + string.Concat(Enumerable.Repeat(close, 10_000));
        var text = Support.Header + Support.LegalBasis.Replace("  title \"Legal basis\"", "  title \"Legal basis\"\n  when " + condition, StringComparison.Ordinal);

        var result = Support.Compile(text);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SG0103", diagnostic.Id);
        Assert.Equal(7, diagnostic.Location.Start.Line);
    }

    [Fact]
    public void Ten_thousand_unclosed_parentheses_report_the_depth_once_and_the_missing_parenthesis_once()
    {
        var text = Support.Header + "safeguard s : legality {\n  when " + new string('(', 10_000);

        var result = Support.Compile(text);

        Assert.Equal(["SG0103", "SG0100"], result.Diagnostics.Select(d => d.Id));
        Assert.Equal("Expected ')' but found end of file", result.Diagnostics[1].Message);
    }

    [Fact]
    public void Ten_thousand_nested_braces_give_diagnostics_without_throwing()
    {
        var text = Support.Header + "safeguard s : legality " + new string('{', 10_000) + new string('}', 10_000);

        var result = Support.Compile(text);

        Assert.True(result.HasErrors);
        Assert.True(result.Diagnostics.Count < 5);
    }

    [Fact]
    public void A_file_larger_than_the_limit_gives_SG0006_at_its_start()
    {
        var text = Support.Header + new string(' ', TreatyCompiler.MaxFileLength);

        var result = Support.Compile(("huge.treaty", text));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal($"huge.treaty(1,1): error SG0006: File has {text.Length} characters; the limit is 4194304. Split it into several files joined with 'import'", diagnostic.ToString());
    }

    [Fact]
    public void Reporting_stops_after_one_hundred_errors_with_SG0008()
    {
        var text = Support.Header + string.Concat(Enumerable.Repeat("; ", 150));

        var result = Support.Compile(text);

        Assert.Equal(DiagnosticBag.MaxErrorsPerFile, result.Diagnostics.Count(d => d.Id == "SG0001"));
        var cap = Assert.Single(result.Diagnostics, d => d.Id == "SG0008");
        Assert.Equal("example.treaty(5,201): warning SG0008: This file has more than 100 errors; later ones are not reported. Fix these first", cap.ToString());
    }

    [Fact]
    public void A_bidirectional_control_in_a_comment_is_reported_at_its_position()
    {
        var text = Support.Header + "// harmless \u2066 comment\n" + Support.LegalBasis;

        var diagnostic = Assert.Single(Support.Compile(text).Diagnostics);

        Assert.Equal("SG0005", diagnostic.Id);
        Assert.Equal((5, 13), (diagnostic.Location.Start.Line, diagnostic.Location.Start.Column));
    }

    [Fact]
    public void Arabic_text_needs_no_control_characters_and_is_accepted()
    {
        var text = Support.Header + Support.LegalBasis.Replace("\"Legal basis\"", "\"الأساس القانوني\"", StringComparison.Ordinal);

        Assert.Empty(Support.Compile(text).Diagnostics);
    }

    [Fact]
    public void Crlf_and_lf_give_the_same_diagnostics_at_the_same_positions()
    {
        var lf = Support.Header + Support.LegalBasis.Replace("title \"Legal basis\"", "titel \"Legal basis\"", StringComparison.Ordinal) + "measure m { title \"M\" safeguards legal-basic }\n";
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        var cr = lf.Replace("\n", "\r", StringComparison.Ordinal);

        var expected = Support.Lines(Support.Compile(lf).Diagnostics).Select(l => l.Split(':')[0] + l.Split(':')[1]).ToArray();

        Assert.Equal(2, expected.Length);
        Assert.Equal(expected, Support.Lines(Support.Compile(crlf).Diagnostics).Select(l => l.Split(':')[0] + l.Split(':')[1]));
        Assert.Equal(expected, Support.Lines(Support.Compile(cr).Diagnostics).Select(l => l.Split(':')[0] + l.Split(':')[1]));
    }

    [Fact]
    public void Multi_line_guidance_is_the_same_whatever_the_line_endings()
    {
        var text = Support.Header + "kind k {\n  title \"T\"\n  description \"\"\"\n    One\n    Two\n    \"\"\"\n}\n";

        var lf = Support.Compile(text).Model;
        var crlf = Support.Compile(text.Replace("\n", "\r\n", StringComparison.Ordinal)).Model;

        Assert.Equal("One\nTwo", lf.Treaties[0].Kinds[0].Description!.Text);
        Assert.Equal(lf.Treaties[0].Kinds[0].Description, crlf.Treaties[0].Kinds[0].Description);
    }

    [Fact]
    public void Results_do_not_depend_on_the_current_culture()
    {
        var files = Support.ExampleFiles().ToList();
        files.Add(("broken.treaty", Support.Header + "safeguard IDENTITY : LEGALITY { title \"İ\" question q : number { ask \"?\" satisfied-by >= 1.5 } when q > 3.25 }"));
        var invariant = Support.Compile(files.ToArray());
        var original = Thread.CurrentThread.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "tr-TR", "de-DE", "ar-SA" })
            {
                Thread.CurrentThread.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                Thread.CurrentThread.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

                var localized = Support.Compile(files.ToArray());

                Assert.Equal(invariant.Model, localized.Model);
                Assert.Equal(Support.Lines(invariant.Diagnostics), Support.Lines(localized.Diagnostics));
            }
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = original;
            Thread.CurrentThread.CurrentUICulture = original;
        }
    }
}
