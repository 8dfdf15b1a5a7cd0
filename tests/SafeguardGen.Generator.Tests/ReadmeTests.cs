using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SafeguardGen.Generator.Tests;

public sealed partial class ReadmeTests
{
    [Fact]
    public void The_readmes_csharp_example_compiles_against_the_checklists_of_the_example_treaties()
    {
        var readme = File.ReadAllText(Path.Combine(Harness.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var example = CSharpBlock().Match(readme).Groups["body"].Value;
        Assert.Contains("ProductionOrderReviewChecklist.Validate", example, StringComparison.Ordinal);

        var compilation = Harness.Compilation(("Readme.cs", "using System;\n" + example)).WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication, nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable));
        Harness.Driver(Harness.ExampleTreaties()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics.Select(Harness.Format));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).Select(Harness.Format));
    }

    [GeneratedRegex("^```csharp\\n(?<body>.*?)\\n```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
