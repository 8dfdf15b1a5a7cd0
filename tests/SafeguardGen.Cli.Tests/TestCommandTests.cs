using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SafeguardGen.Cli;

namespace SafeguardGen.Cli.Tests;

/// <summary><c>safeguard test</c>: scenarios run, failures at their place, the output forms, coverage and exit codes.</summary>
public sealed class TestCommandTests : IDisposable
{
    private static readonly string Examples = Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples");
    private readonly ScratchFolder scratch = new("safeguard-test-");

    public void Dispose() => scratch.Dispose();

    private static (int Exit, string Output, string Error) Run(params string[] args) => Commands.Run(args);

    private string Write(string name, string text) => scratch.Write(name, text);

    /// <summary>A checklist of one blocking safeguard with an exception, and one scenario whose decision is given.</summary>
    private static string Treaty(string decision, string extra = "") => """
        treaty demo {
          title "Demo"
          reference "ETS 185"
        }

        safeguard order : legality {
          title "Authorised order"
          cite demo article 15
          question authorised : yes-no {
            ask "Was the order authorised?"
            satisfied-by yes
          }
        }

        measure production {
          title "Production order"
          safeguards order
        }

        checklist review {
          title "Review"
          measure production
        }

        scenario unauthorised {
          checklist review
          description "An order no one authorised."
          answer order.authorised no
          expect decision
        """ + " " + decision + "\n" + extra + "}\n";

    [Fact]
    public void The_examples_scenarios_all_pass_with_full_rule_coverage()
    {
        var (exit, output, error) = Run("test", Examples, "--coverage", "--min-coverage", "90");

        Assert.Equal(0, exit);
        Assert.Matches(new Regex("\nRule coverage: 100\\.0% \\([0-9]+ of [0-9]+ rules\\)\n[0-9]+ passed, 0 failed\n$"), output);
        Assert.Empty(error);
    }

    [Fact]
    public void A_failing_scenario_is_reported_at_its_expectation_with_the_explanation_and_exits_one()
    {
        var path = Write("demo.treaty", Treaty("proceed"));

        var (exit, output, _) = Run("test", path);

        Assert.Equal(1, exit);
        Assert.StartsWith(path.Replace('\\', '/') + "(29,3): error: scenario 'demo.unauthorised' failed: Expected the decision Proceed, but it is MustRefuse.\n", output, StringComparison.Ordinal);
        Assert.Contains("    - the blocking safeguard 'Authorised order' (ETS 185, Art. 15 (unverified)): Not met: order.authorised is no", output, StringComparison.Ordinal);
        Assert.EndsWith("0 passed, 1 failed\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_output_counts_the_failure_for_a_CI_system()
    {
        var path = Write("demo.treaty", Treaty("proceed"));

        var (exit, output, _) = Run("test", path, "--format", "junit");

        Assert.Equal(1, exit);
        var suite = XDocument.Parse(output).Root!.Element("testsuite")!;
        Assert.Equal("demo.review", suite.Attribute("name")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        Assert.Equal("unauthorised", suite.Element("testcase")!.Attribute("name")!.Value);
    }

    [Fact]
    public void Json_output_reports_the_scenarios_and_the_coverage()
    {
        var path = Write("demo.treaty", Treaty("must-refuse"));

        var (exit, output, _) = Run("test", path, "--format", "json", "--coverage");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(1, document.RootElement.GetProperty("passed").GetInt32());
        var coverage = document.RootElement.GetProperty("coverage");
        Assert.Contains(coverage.GetProperty("rules").EnumerateArray(), r => r.GetProperty("rule").GetString() == "test 'authorised satisfied-by yes' is met" && !r.GetProperty("covered").GetBoolean());
    }

    [Fact]
    public void Coverage_below_the_minimum_names_the_rules_not_covered_at_their_lines_and_exits_one()
    {
        var path = Write("demo.treaty", Treaty("must-refuse"));

        var (exit, output, error) = Run("test", path, "--min-coverage", "100");

        Assert.Equal(1, exit);
        Assert.Contains(path.Replace('\\', '/') + "(9,12): not covered: safeguard 'demo.order': test 'authorised satisfied-by yes' is met\n", output, StringComparison.Ordinal);
        Assert.Contains(path.Replace('\\', '/') + "(20,11): not covered: checklist 'demo.review': decision Proceed is reached\n", output, StringComparison.Ordinal);
        Assert.Contains("below the minimum of 100%", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_without_scenarios_are_an_error_so_a_misconfigured_CI_cannot_pass_silently()
    {
        var (exit, _, error) = Run("test", Path.Combine(Examples, "treaties"));

        Assert.Equal(1, exit);
        Assert.Contains("no scenarios found in 6 files", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_in_a_scenario_is_reported_and_no_scenario_runs()
    {
        var path = Write("demo.treaty", Treaty("must-refuse", "  answers-from \"requests/missing.json\"\n"));

        var (exit, output, _) = Run("test", path);

        Assert.Equal(1, exit);
        Assert.Contains("error SG0266: Answers file 'requests/missing.json' cannot be read: no such file", output, StringComparison.Ordinal);
        Assert.EndsWith("No scenarios run: fix the errors above.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_go_to_the_error_stream_when_the_output_is_a_document()
    {
        var path = Write("demo.treaty", Treaty("maybe"));

        var (exit, output, error) = Run("test", path, "--format", "junit");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("error SG0100", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--min-coverage", "150")]
    [InlineData("--format", "xml")]
    public void A_usage_error_exits_two(string option, string value)
    {
        Assert.Equal(2, Run("test", Examples, option, value).Exit);
    }
}
