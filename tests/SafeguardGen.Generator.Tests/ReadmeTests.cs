using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SafeguardGen.Generator.Tests;

/// <summary>The README's code, compiled: what a new user copies must work.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(Harness.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Block(string info, int index) => Fence().Matches(Readme).Where(m => m.Groups["info"].Value == info).ElementAt(index).Groups["body"].Value;

    private static (Compilation Output, Diagnostic[] Generator) Build((string Path, string Text)[] treaties, string program)
    {
        var compilation = Harness.Compilation(("Program.cs", program)).WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        Harness.Driver(treaties).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics.ToArray());
    }

    [Fact]
    public void CI_runs_exactly_the_test_command_the_readme_gives()
    {
        var quickStart = Block("sh", 0).Split('\n');
        var command = quickStart[Array.FindIndex(quickStart, line => line.StartsWith("# Every test", StringComparison.Ordinal)) + 1];
        var ci = File.ReadAllText(Path.Combine(Harness.RepositoryRoot, ".ci", "run")).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        Assert.StartsWith("dotnet test", command, StringComparison.Ordinal);
        Assert.Contains(command, ci);
    }

    [Fact]
    public void The_quick_start_builds_and_its_broken_variant_fails_with_the_error_the_readme_shows()
    {
        var treaty = Block("treaty", 1);
        var program = Block("csharp", 0);

        var (output, generator) = Build([("production.treaty", treaty)], program);

        Assert.Empty(generator.Select(Harness.Format));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(Harness.Format));

        var broken = treaty.Replace("safeguards legal-basis, supervision", "safeguards legal-basis", StringComparison.Ordinal);
        var expected = Fence().Matches(Readme).Where(m => m.Groups["info"].Value == "text").Select(m => m.Groups["body"].Value).Single(t => t.StartsWith("production.treaty", StringComparison.Ordinal));

        Assert.Equal([expected], Build([("production.treaty", broken)], program).Generator.Select(Harness.Format));
    }

    [Fact]
    public void The_generated_checklists_example_compiles_against_the_example_treaties()
    {
        var example = Block("csharp", 1);
        Assert.Contains("ProductionOrderReviewChecklist.Validate", example, StringComparison.Ordinal);

        var (output, generator) = Build(Harness.ExampleTreaties(), "using System;\n" + example);

        Assert.Empty(generator.Select(Harness.Format));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(Harness.Format));
    }

    [GeneratedRegex("^```(?<info>[a-z]+)\\n(?<body>.*?)\\n```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
