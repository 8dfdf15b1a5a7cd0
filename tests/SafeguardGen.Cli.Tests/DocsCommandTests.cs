using System;
using System.IO;
using System.Linq;
using SafeguardGen.Cli;

namespace SafeguardGen.Cli.Tests;

/// <summary><c>safeguard docs</c>: what it writes, and how it fails.</summary>
[Collection(WorkingFolder.Collection)]
public sealed class DocsCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("safeguard-docs-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Examples => Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples", "treaties");

    private static (int Exit, string Output, string Error) Run(params string[] args) => Commands.Run(args);

    [Theory]
    [InlineData("md", "en/budapest.md")]
    [InlineData("html", "en/budapest.html")]
    public void Docs_of_the_examples_are_written_in_the_chosen_format_and_a_second_run_changes_nothing(string format, string page)
    {
        var (exit, output, _) = Run("docs", Examples, "--out", folder, "--format", format, "--date", "2026-11-23");

        // Six languages (the declared ones and the UN's six), each with 27 pages, and the root page.
        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(folder, page)));
        Assert.Contains("163 pages written, 0 unchanged", output, StringComparison.Ordinal);
        Assert.Contains("0 pages written, 163 unchanged", Run("docs", Examples, "--out", folder, "--format", format, "--date", "2026-11-23").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_date_given_is_printed_on_every_page_and_a_date_that_is_not_one_is_a_usage_error()
    {
        Assert.Equal(0, Run("docs", Examples, "--out", folder, "--format", "html", "--languages", "en", "--date", "2031-02-03").Exit);
        Assert.Contains("from the .treaty files on 2031-02-03.", File.ReadAllText(Path.Combine(folder, "en", "uncc.html")), StringComparison.Ordinal);

        var (exit, _, error) = Run("docs", Examples, "--out", Path.Combine(folder, "other"), "--date", "03/02/2031");
        Assert.Equal(2, exit);
        Assert.Contains("--date '03/02/2031' is not a date; give it as yyyy-MM-dd", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wiki_style_writes_one_flat_folder_with_a_home_page_and_a_sidebar()
    {
        Assert.Equal(0, Run("docs", Examples, "--out", folder, "--markdown-style", "wiki", "--date", "2026-11-23").Exit);

        Assert.Empty(Directory.GetDirectories(folder));
        Assert.True(File.Exists(Path.Combine(folder, "Home.md")));
        Assert.True(File.Exists(Path.Combine(folder, "_Sidebar.md")));
        Assert.Contains("(fr--uncc)", File.ReadAllText(Path.Combine(folder, "en--uncc.md")), StringComparison.Ordinal);
        Assert.Equal(2, Run("docs", Examples, "--out", Path.Combine(folder, "html"), "--format", "html", "--markdown-style", "wiki").Exit);
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

    [Theory]
    [InlineData("de", "--languages: the documentation is not offered in 'de': no treaty declares it and it has no label table; it is offered in ar, en, es, fr, ru, zh.")]
    [InlineData("xx!!", "--languages: 'xx!!' is not a language tag (such as en, fr or pt-BR); the documentation is offered in ar, en, es, fr, ru, zh.")]
    [InlineData("fr,\u001b[2J", "--languages: '\\u001B[2J' is not a language tag (such as en, fr or pt-BR); the documentation is offered in ar, en, es, fr, ru, zh.")]
    public void An_undeclared_or_invalid_language_is_a_usage_error_that_names_the_declared_languages(string languages, string message)
    {
        var output = Path.Combine(folder, "out");

        var (exit, _, error) = Run("docs", Examples, "--out", output, "--languages", System.Text.RegularExpressions.Regex.Unescape(languages));

        Assert.Equal(2, exit);
        Assert.Equal("safeguard: " + message, error.Split('\n')[0].TrimEnd('\r'));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Out_holding_the_working_folder_is_a_usage_error_because_the_site_is_replaced_as_a_whole()
    {
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder);
        try
        {
            var (exit, _, error) = Run("docs", Examples, "--out", ".");

            Assert.Equal(2, exit);
            Assert.Contains("--out '.' holds the working folder", error, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public void Out_naming_an_existing_file_is_a_usage_error()
    {
        var file = Path.Combine(folder, "site");
        File.WriteAllText(file, "mine");

        var (exit, _, error) = Run("docs", Examples, "--out", file);

        Assert.Equal(2, exit);
        Assert.Contains("--out '" + file + "' is a file; give the folder to write the pages to.", error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(file));
    }

    /// <summary>Tests run as root here, where a read-only folder can still be written; a parent that is a regular file fails for root too.</summary>
    [Fact]
    public void An_output_folder_that_cannot_be_created_is_reported_with_its_path_and_exits_one()
    {
        File.WriteAllText(Path.Combine(folder, "plain"), "a file");
        var output = Path.Combine(folder, "plain", "site");

        var (exit, _, error) = Run("docs", Examples, "--out", output);

        Assert.Equal(1, exit);
        Assert.StartsWith("safeguard: cannot write the pages to '" + output + "': ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("SG0900", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_previous_site_intact_and_no_temporary_folder()
    {
        var output = Directory.CreateDirectory(Path.Combine(folder, "site")).FullName;
        File.WriteAllText(Path.Combine(output, "index.md"), "the previous index");
        File.WriteAllText(Path.Combine(output, "en"), "a file where the pages' folder must go");

        var (exit, _, error) = Run("docs", Examples, "--out", output);

        Assert.Equal(1, exit);
        Assert.StartsWith("safeguard: cannot write the pages to '" + output + "': ", error, StringComparison.Ordinal);
        Assert.EndsWith("; the previous pages are left as they were.\n", error.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(["en", "index.md"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("the previous index", File.ReadAllText(Path.Combine(output, "index.md")));
        Assert.Equal(["site"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void When_one_treaty_changes_the_other_pages_keep_their_last_write_time()
    {
        var input = Directory.CreateDirectory(Path.Combine(folder, "in")).FullName;
        foreach (var file in Directory.GetFiles(Examples, "*.treaty"))
        {
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
        }

        var output = Path.Combine(folder, "out");
        Assert.Equal(0, Run("docs", input, "--out", output, "--date", "2026-11-23").Exit);
        var old = new DateTime(2001, 11, 23, 0, 0, 0, DateTimeKind.Utc);
        foreach (var page in Directory.GetFiles(output, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(page, old);
        }

        var budapest = Path.Combine(input, "budapest.treaty");
        File.WriteAllText(budapest, File.ReadAllText(budapest).Replace("title \"Convention on Cybercrime\"", "title \"Convention on Cybercrime (Budapest)\"", StringComparison.Ordinal));
        var (exit, text, _) = Run("docs", input, "--out", output, "--date", "2026-11-23");

        Assert.Equal(0, exit);
        var total = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Length;
        var changed = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Where(p => File.GetLastWriteTimeUtc(p) != old).Select(p => Path.GetRelativePath(output, p).Replace('\\', '/')).ToList();
        Assert.NotEmpty(changed);
        Assert.Contains(changed.Count + " pages written, " + (total - changed.Count) + " unchanged", text, StringComparison.Ordinal);
        Assert.DoesNotContain("en/ets24.md", changed);
        Assert.Equal(["out", "in"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).OrderDescending(StringComparer.Ordinal));
    }
}
