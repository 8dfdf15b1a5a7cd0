using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace SafeguardGen.Generator.Tests;

/// <summary>
/// Snapshot tests with Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing: the exact generated sources of a
/// small treaty, and generator diagnostics with their spans in the .treaty file. A change to the emitter shows
/// here as a diff to review; update the snapshot files when the change is meant.
/// </summary>
public sealed class SnapshotTests
{
    private static readonly string Folder = Path.Combine(Harness.RepositoryRoot, "tests", "SafeguardGen.Generator.Tests", "Snapshots");

    // Microsoft.NETCore.App.Ref 8.0.0, the testing library's default for .NET 8, is not served here; 8.0.28 is.
    private static readonly ReferenceAssemblies Net80 = new("net8.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.28"), Path.Combine("ref", "net8.0"));

    private static CSharpSourceGeneratorTest<TreatyGenerator, DefaultVerifier> Test(string treaty) => new()
    {
        ReferenceAssemblies = Net80,
        TestState =
        {
            Sources = { ("Consumer.cs", "internal static class Consumer\n{\n}\n") },
            AdditionalFiles = { ("demo.treaty", treaty) },
            AdditionalReferences = { MetadataReference.CreateFromFile(typeof(Evaluator).Assembly.Location) },
        },
    };

    [Fact]
    public async Task A_small_treaty_generates_exactly_the_snapshot()
    {
        var treaty = File.ReadAllText(Path.Combine(Folder, "demo.treaty"));
        if (Environment.GetEnvironmentVariable("SAFEGUARDGEN_UPDATE_SNAPSHOTS") == "1")
        {
            // A deliberate change to the emitted code: write the new snapshots, then review them in the diff.
            var run = Harness.Generate([("demo.treaty", treaty)]);
            foreach (var name in new[] { "demo.review.g.cs", "SafeguardChecklists.g.cs" })
            {
                File.WriteAllText(Path.Combine(Folder, name + ".txt"), run.Source(name));
            }
        }

        var test = Test(treaty);
        foreach (var name in new[] { "demo.review.g.cs", "SafeguardChecklists.g.cs" })
        {
            test.TestState.GeneratedSources.Add((typeof(TreatyGenerator), name, SourceText.From(File.ReadAllText(Path.Combine(Folder, name + ".txt")), Encoding.UTF8)));
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task A_treaty_error_is_reported_with_its_span_and_no_code_is_emitted_for_what_did_not_bind()
    {
        var treaty = "treaty demo {\n  title \"Demo\"\n  reference \"ETS 185\"\n}\n\nmeasure m {\n  title \"M\"\n  safeguards missing\n}\n";
        var test = Test(treaty);
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("SG0200", DiagnosticSeverity.Error)
            .WithSpan("demo.treaty", 8, 14, 8, 21)
            .WithArguments("No safeguard named 'missing' is declared in treaty 'demo' or its imports"));

        await test.RunAsync();
    }
}
