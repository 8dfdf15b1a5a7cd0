using System;
using System.IO;
using System.Linq;
using SafeguardGen.Cli;

namespace SafeguardGen.Cli.Tests;

/// <summary><c>safeguard docs</c>: what it writes, and how it fails.</summary>
public sealed class DocsCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("safeguard-docs-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Examples => Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples", "treaties");

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = SafeguardCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("md", "en/budapest.md")]
    [InlineData("html", "en/budapest.html")]
    public void Docs_of_the_examples_are_written_in_the_chosen_format_and_a_second_run_changes_nothing(string format, string page)
    {
        var (exit, output, _) = Run("docs", Examples, "--out", folder, "--format", format);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(folder, page)));
        Assert.Contains("43 pages written, 0 unchanged", output, StringComparison.Ordinal);
        Assert.Contains("0 pages written, 43 unchanged", Run("docs", Examples, "--out", folder, "--format", format).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Languages_limits_the_sets_of_pages_rendered()
    {
        var (exit, _, _) = Run("docs", Examples, "--out", folder, "--languages", "fr");

        Assert.Equal(0, exit);
        Assert.Equal(["fr"], Directory.GetDirectories(folder).Select(Path.GetFileName));
        Assert.Contains("Procès équitable", File.ReadAllText(Path.Combine(folder, "fr", "common.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_template_writes_no_page_and_exits_one()
    {
        var templates = Directory.CreateDirectory(Path.Combine(folder, "templates")).FullName;
        File.WriteAllText(Path.Combine(templates, "treaty.scriban"), "{{ for x in treaty.measures }}");
        var output = Path.Combine(folder, "out");

        var (exit, text, _) = Run("docs", Examples, "--out", output, "--templates", templates);

        Assert.Equal(1, exit);
        Assert.Contains("error SG0500", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("docs x.treaty")]
    [InlineData("docs --out")]
    [InlineData("docs EXAMPLES --out OUT --format pdf")]
    [InlineData("docs EXAMPLES --out OUT --templates /no/such/folder")]
    public void Usage_errors_exit_two(string commandLine)
    {
        var args = commandLine.Replace("EXAMPLES", Examples, StringComparison.Ordinal).Replace("OUT", folder, StringComparison.Ordinal).Split(' ');

        var (exit, _, error) = Run(args);

        Assert.Equal(2, exit);
        Assert.Contains("safeguard --help", error, StringComparison.Ordinal);
    }
}
