using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SafeguardGen.Language.Diagnostics;

namespace SafeguardGen.Language.Tests;

/// <summary>
/// Each page in dsl-spec/diagnostics is a test: its failing example must give exactly the output the page
/// shows (ID, line, column and message), and its fixed example no diagnostic at all.
/// </summary>
public sealed partial class DiagnosticPageTests
{
    private static readonly string PagesFolder = Path.Combine(Support.RepositoryRoot, "dsl-spec", "diagnostics");

    /// <summary>IDs whose failing input is no .treaty file alone: each has its own test, named on its page or, for the C# handler diagnostics, in HandlerPageTests.</summary>
    private static readonly string[] IdsTestedInCode = { "SG0006", "SG0008", "SG0009", "SG0010", "SG0266", "SG0500", "SG0501", "SG0900", "SG1001", "SG1002", "SG1003", "SG1004", "SG1005", "SG1006" };

    public static TheoryData<string> PagesWithExamples()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in DiagnosticDescriptors.All.Where(d => !IdsTestedInCode.Contains(d.Id)))
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesWithExamples))]
    public void The_failing_example_reports_exactly_the_documented_diagnostics(string id)
    {
        var page = Page.Read(Path.Combine(PagesFolder, id + ".md"));

        var result = Support.Compile(page.FailingFiles.ToArray());

        Assert.NotEmpty(page.ExpectedOutput);
        Assert.Equal(page.ExpectedOutput, Support.Lines(result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Id == id);
    }

    [Theory]
    [MemberData(nameof(PagesWithExamples))]
    public void The_fixed_example_reports_nothing(string id)
    {
        var page = Page.Read(Path.Combine(PagesFolder, id + ".md"));

        var result = Support.Compile(page.FixedFiles.ToArray());

        Assert.NotEmpty(page.FixedFiles);
        Assert.Empty(Support.Lines(result.Diagnostics));
    }

    [Fact]
    public void Every_diagnostic_in_the_catalog_has_a_page_and_every_page_a_diagnostic()
    {
        var pages = Directory.GetFiles(PagesFolder, "SG*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(p => p, StringComparer.Ordinal);

        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id), pages);
    }

    [Fact]
    public void The_diagnostics_index_lists_every_id_with_its_severity_and_title()
    {
        var index = File.ReadAllText(Path.Combine(Support.RepositoryRoot, "dsl-spec", "diagnostics.md"));

        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.Contains($"| [{descriptor.Id}](diagnostics/{descriptor.Id}.md) | {Diagnostic.SeverityText(descriptor.Severity)} | {descriptor.Title} |", index, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_page_states_the_severity_and_title_of_its_diagnostic()
    {
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var text = File.ReadAllText(Path.Combine(PagesFolder, descriptor.Id + ".md"));

            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}\n\nSeverity: {Diagnostic.SeverityText(descriptor.Severity)}\n", text.Replace("\r\n", "\n"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Diagnostic_ids_are_unique_and_shaped_SG_and_four_digits()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^SG[0-9]{4}$", id));
    }

    /// <summary>The examples of one page: ```treaty blocks (```treaty file=name for several files), ```json file=name request files, and the ```text output.</summary>
    internal sealed partial record Page(List<(string Path, string Text)> FailingFiles, string[] ExpectedOutput, List<(string Path, string Text)> FixedFiles)
    {
        public static Page Read(string path)
        {
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            var fixedAt = text.IndexOf("## Fixed example", StringComparison.Ordinal);
            var failing = fixedAt < 0 ? text : text.Substring(0, fixedAt);
            var @fixed = fixedAt < 0 ? string.Empty : text.Substring(fixedAt);
            var output = Fence().Matches(failing).Where(m => m.Groups["info"].Value == "text").Select(m => m.Groups["body"].Value).FirstOrDefault() ?? string.Empty;
            return new Page(Files(failing), output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Files(@fixed));
        }

        private static List<(string Path, string Text)> Files(string section) => Fence().Matches(section)
            .Where(m => m.Groups["info"].Value.StartsWith("treaty", StringComparison.Ordinal) || m.Groups["info"].Value.StartsWith("json file=", StringComparison.Ordinal))
            .Select(m =>
            {
                var info = m.Groups["info"].Value;
                var name = info.StartsWith("treaty file=", StringComparison.Ordinal) ? info.Substring("treaty file=".Length)
                    : info.StartsWith("json file=", StringComparison.Ordinal) ? info.Substring("json file=".Length)
                    : "example.treaty";
                return (name, m.Groups["body"].Value);
            })
            .ToList();

        [GeneratedRegex("^```(?<info>[^\\n]*)\\n(?<body>.*?)\\n```$", RegexOptions.Multiline | RegexOptions.Singleline)]
        private static partial Regex Fence();
    }
}
