using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using SafeguardGen.Cli;

namespace SafeguardGen.Cli.Tests;

/// <summary><c>safeguard check</c> as users and CI systems meet it: output forms and exit codes.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private static readonly string Root = SafeguardGen.Testing.TestProcess.RepositoryRoot;
    private static readonly string Examples = Path.Combine(Root, "examples", "treaties");
    private readonly ScratchFolder scratch = new("safeguard-cli-");

    private string folder => scratch.Path;

    public void Dispose() => scratch.Dispose();

    private static (int Exit, string Output, string Error) Run(params string[] args) => Commands.Run(args);

    private string Write(string name, string text) => scratch.Write(name, text);

    private const string Broken = """
        treaty demo {
          title "Demo"
          reference "ETS 185"
        }

        safeguard legal-basis : legality {
          titel "Legal basis"
        }
        """;

    [Fact]
    public void Checking_the_example_treaties_reports_nothing_and_exits_zero()
    {
        var (exit, output, error) = Run("check", Examples);

        Assert.Equal(0, exit);
        Assert.Equal("6 files checked: 0 errors, 0 warnings.\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public void Errors_are_printed_in_the_compilers_canonical_form_and_exit_one()
    {
        var path = Write("broken.treaty", Broken);

        var (exit, output, _) = Run("check", path);

        Assert.Equal(1, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("broken.treaty(7,3): error SG0102: 'titel' is not a property of a safeguard; did you mean 'title'?", lines[0], StringComparison.Ordinal);
        Assert.Equal("1 file checked: 1 error, 0 warnings.", lines[1]);
    }

    [Fact]
    public void A_warning_alone_exits_zero()
    {
        var path = Write("warn.treaty", """
            treaty demo { title "Demo" reference "ETS 185" }
            safeguard s : legality { title "S" cite demo article 1 question q : yes-no { ask "?" satisfied-by yes } }
            measure m { title "M" safeguards s, s }
            """);

        var (exit, output, _) = Run("check", path);

        Assert.Equal(0, exit);
        Assert.Contains("warning SG0232", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_lists_each_diagnostic_with_its_position_and_help_page()
    {
        var path = Write("broken.treaty", Broken);

        var (exit, output, _) = Run("check", path, "--format", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("files").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("errors").GetInt32());
        var diagnostic = json.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("SG0102", diagnostic.GetProperty("id").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(7, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(3, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal(8, diagnostic.GetProperty("endColumn").GetInt32());
        var helpUri = new Uri(diagnostic.GetProperty("helpUri").GetString()!);
        Assert.True(helpUri.IsAbsoluteUri);
        Assert.Equal("file", helpUri.Scheme);
        Assert.StartsWith("# SG0102: Unknown property", File.ReadAllText(helpUri.LocalPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_help_uris_are_absolute_pages_shipped_with_the_command_or_under_the_given_base()
    {
        var path = Write("broken.treaty", Broken);

        var shipped = RuleHelpUri(Run("check", path, "--format", "sarif").Output);
        var served = RuleHelpUri(Run("check", path, "--format", "sarif", "--help-base", "https://example.org/safeguard/diagnostics").Output);

        Assert.True(File.Exists(new Uri(shipped).LocalPath));
        Assert.Equal("https://example.org/safeguard/diagnostics/SG0102.md", served);
    }

    private static string RuleHelpUri(string sarif)
    {
        using var json = JsonDocument.Parse(sarif);
        return json.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("helpUri").GetString()!;
    }

    [Theory]
    [InlineData("dsl-spec/diagnostics")]
    [InlineData("javascript:alert(1)")]
    public void A_help_base_that_is_not_an_absolute_web_or_file_uri_is_a_usage_error(string helpBase)
    {
        var (exit, _, error) = Run("check", Write("broken.treaty", Broken), "--format", "json", "--help-base", helpBase);

        Assert.Equal(2, exit);
        Assert.Contains("--help-base '" + helpBase + "' is not an absolute http, https or file URI.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_output_is_a_sarif_2_1_0_log_with_rules_and_regions()
    {
        var path = Write("broken.treaty", Broken);

        var (exit, output, _) = Run("check", path, "--format", "sarif");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal("safeguard", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
        Assert.Equal("SG0102", rule.GetProperty("id").GetString());
        Assert.Equal("UnknownProperty", rule.GetProperty("name").GetString());
        var result = run.GetProperty("results")[0];
        Assert.Equal("SG0102", result.GetProperty("ruleId").GetString());
        Assert.Equal(0, result.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("error", result.GetProperty("level").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(7, region.GetProperty("startLine").GetInt32());
        Assert.Equal(3, region.GetProperty("startColumn").GetInt32());
        Assert.EndsWith("broken.treaty", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("check")]
    [InlineData("check --format xml x.treaty")]
    [InlineData("check --no-such-option x.treaty")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_two_with_a_message_and_no_stack_trace(string commandLine)
    {
        var (exit, _, error) = Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, exit);
        Assert.Contains("safeguard --help", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chek x.treaty", "'chek' is not a command or option; did you mean 'check'?")]
    [InlineData("dosc x.treaty", "'dosc' is not a command or option; did you mean 'docs'?")]
    public void A_misspelt_command_is_a_usage_error_that_suggests_the_nearest_command(string commandLine, string suggestion)
    {
        var (exit, _, error) = Run(commandLine.Split(' '));

        Assert.Equal(2, exit);
        Assert.Contains("safeguard: " + suggestion, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_far_from_every_command_gets_no_suggestion()
    {
        var (exit, _, error) = Run("frobnicate");

        Assert.Equal(2, exit);
        Assert.DoesNotContain("did you mean", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_every_command()
    {
        var (exit, output, _) = Run("--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "check", "docs", "test", "compare", "export", "schema", "format", "lsp" })
        {
            Assert.Contains("  " + command + " ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_path_that_does_not_exist_is_a_usage_error()
    {
        var (exit, _, error) = Run("check", Path.Combine(folder, "missing.treaty"));

        Assert.Equal(2, exit);
        Assert.Contains("no file or folder named", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_treaty_files_is_a_usage_error()
    {
        var (exit, _, error) = Run("check", folder);

        Assert.Equal(2, exit);
        Assert.Contains("no .treaty files found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_a_truncated_file_and_deep_nesting_each_exit_one_with_diagnostics()
    {
        var random = new Random(42);
        var bytes = new byte[50_000];
        random.NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(folder, "random.treaty"), bytes);
        var budapest = File.ReadAllText(Path.Combine(Examples, "budapest.treaty"));
        var truncated = Write("truncated.treaty", budapest.Substring(0, budapest.Length / 2));
        var deep = Write("deep.treaty", "treaty deep { title \"D\" reference \"D\" }\nsafeguard s : legality { when " + new string('(', 10_000) + "x" + new string(')', 10_000) + " }\n");

        foreach (var path in new[] { Path.Combine(folder, "random.treaty"), truncated, deep })
        {
            var (exit, output, error) = Run("check", path);

            Assert.Equal(1, exit);
            Assert.Contains(": error SG", output, StringComparison.Ordinal);
            Assert.Empty(error);
        }
    }

    [Fact]
    public void Diagnostics_are_sorted_by_path_whatever_the_order_of_the_arguments()
    {
        var a = Write("a.treaty", Broken);
        var b = Write("b.treaty", Broken.Replace("treaty demo", "treaty other", StringComparison.Ordinal));

        Assert.Equal(Run("check", a, b).Output, Run("check", b, a).Output);
    }

    [Fact]
    public void The_installed_command_runs_as_a_process_and_exits_with_the_documented_code()
    {
        var path = Write("broken.treaty", Broken);
        var (exit, output) = SafeguardGen.Testing.TestProcess.Dotnet(folder, Path.Combine(AppContext.BaseDirectory, "safeguard.dll"), "check", path);

        Assert.Equal(1, exit);
        Assert.Contains("error SG0102", output, StringComparison.Ordinal);
    }
}
