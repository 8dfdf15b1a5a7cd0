using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SafeguardGen.Cli.Tests;

/// <summary><c>safeguard compare</c>: the examples' four gap reports, CI gating with --fail-on, and honest exit codes.</summary>
public sealed class CompareCommandTests
{
    private static readonly string Examples = Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples");

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("csv")]
    [InlineData("json")]
    public void Compare_writes_the_four_reports_of_the_examples_and_leaves_them_untouched_the_second_time(string format)
    {
        using var scratch = new ScratchFolder("compare");
        var folder = Path.Combine(scratch.Path, "reports");

        var (exit, output, error) = Commands.Run("compare", Examples, "--format", format, "--out", folder);

        Assert.True(exit == 0, error);
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[] { "uncc-vs-budapest.uncc-against-article-15", "uncc-vs-civil-society.uncc-against-civil-society", "uncc-vs-extradition-grounds.uncc-against-extradition-grounds", "uncc-vs-np.uncc-against-thirteen-principles" }.Select(n => n + "." + format),
            files);
        Assert.Equal(4, output.Split('\n').Count(l => l.StartsWith("Wrote ", StringComparison.Ordinal)));
        var before = files.Select(f => File.ReadAllText(Path.Combine(folder, f!))).ToList();

        var again = Commands.Run("compare", Examples, "--format", format, "--out", folder);

        Assert.Equal(4, again.Output.Split('\n').Count(l => l.StartsWith("Unchanged: ", StringComparison.Ordinal)));
        Assert.Equal(before, files.Select(f => File.ReadAllText(Path.Combine(folder, f!))));
    }

    [Fact]
    public void The_json_report_gives_the_summary_counts_and_lists_gaps_first()
    {
        var (exit, output, _) = Commands.Run("compare", Examples, "--comparison", "uncc-against-article-15", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal((0, 1, 3, 4, 0), (summary.GetProperty("absent").GetInt32(), summary.GetProperty("weaker").GetInt32(), summary.GetProperty("hedged").GetInt32(), summary.GetProperty("equivalent").GetInt32(), summary.GetProperty("stronger").GetInt32()));
        var first = json.RootElement.GetProperty("judgements")[0];
        Assert.Equal(("adequate-protection", "weaker"), (first.GetProperty("requirement").GetString(), first.GetProperty("relationship").GetString()));
        Assert.Equal("verified", first.GetProperty("baselineSide").GetProperty("verification").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("excessPowers").GetArrayLength());
    }

    [Fact]
    public void Fail_on_exits_3_naming_each_finding_and_passes_when_there_is_none()
    {
        var failing = Commands.Run("compare", Examples, "--comparison", "uncc-against-article-15", "--fail-on", "weaker,absent");

        Assert.Equal(3, failing.Exit);
        Assert.Contains("uncc-vs-budapest-article-15.treaty(", failing.Error, StringComparison.Ordinal);
        Assert.Contains("judges requirement 'adequate-protection' weaker", failing.Error, StringComparison.Ordinal);
        Assert.Contains("1 finding is weaker or absent (--fail-on).", failing.Error, StringComparison.Ordinal);

        Assert.Equal(0, Commands.Run("compare", Examples, "--comparison", "uncc-against-article-15", "--fail-on", "stronger").Exit);
    }

    [Theory]
    [InlineData("--fail-on", "worse", "--fail-on: 'worse' is not a relationship")]
    [InlineData("--comparison", "nothing", "--comparison: no comparison named 'nothing'")]
    [InlineData("--language", "de", "does not declare language 'de'")]
    public void A_wrong_option_is_a_usage_error(string option, string value, string message)
    {
        var (exit, _, error) = option == "--comparison"
            ? Commands.Run("compare", Examples, option, value)
            : Commands.Run("compare", Examples, "--comparison", "uncc-against-article-15", option, value);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_comparisons_to_standard_output_is_a_usage_error_that_names_them()
    {
        var (exit, _, error) = Commands.Run("compare", Examples);

        Assert.Equal(2, exit);
        Assert.Contains("4 comparisons found (uncc-vs-budapest.uncc-against-article-15", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_in_the_input_writes_no_report_and_exits_1()
    {
        using var scratch = new ScratchFolder("compare");
        foreach (var file in Directory.GetFiles(Path.Combine(Examples, "treaties")))
        {
            File.Copy(file, Path.Combine(scratch.Path, Path.GetFileName(file)));
        }

        var text = File.ReadAllText(Path.Combine(Examples, "comparisons", "uncc-vs-civil-society.treaty"));
        scratch.Write("comparison.treaty", text.Replace("judge gender-mainstreaming weaker", "judge gender-mainstreamin weaker", StringComparison.Ordinal));
        var report = Path.Combine(scratch.Path, "report.md");

        var (exit, _, error) = Commands.Run("compare", scratch.Path, "--out", report);

        Assert.Equal(1, exit);
        Assert.Contains("SG0200", error, StringComparison.Ordinal);
        Assert.Contains("No report written", error, StringComparison.Ordinal);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public void A_csv_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        using var scratch = new ScratchFolder("compare");
        scratch.Write("demo.treaty", """
            treaty demo {
              title "Demo"
              reference "Demo"
            }

            baseline base {
              title "Base"
              requirement formula {
                title "=HYPERLINK(\"http://evil.example\")"
                cite demo article 1
              }
            }

            comparison review {
              title "Review"
              reviews demo
              baseline base
              judge formula absent { rationale "+1 and \"quotes\", commas" }
            }
            """);

        var (exit, output, _) = Commands.Run("compare", scratch.Path, "--format", "csv");

        Assert.Equal(0, exit);
        var row = output.Split('\n')[1];
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", row, StringComparison.Ordinal);
        Assert.Contains("\"'+1 and \"\"quotes\"\", commas\"", row, StringComparison.Ordinal);
    }
}
