using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace SafeguardGen.Generator.Tests;

/// <summary>An additional file held in memory, as MSBuild would pass a .treaty file.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => source;
}

/// <summary>Runs the generator the way the compiler does, over .treaty files and C# sources, against .NET 8 and the runtime.</summary>
internal static class Harness
{
    public static readonly string RepositoryRoot = SafeguardGen.Testing.TestProcess.RepositoryRoot;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(SafeguardGen.Evaluator).Assembly.Location))
            .ToImmutableArray();

    /// <summary>A small treaty for consumer projects: two safeguards, a profile requiring both kinds, a measure and a checklist.</summary>
    public const string ConsumerTreaty = """
        treaty demo {
          title "Demo"
          reference "ETS 185"
        }

        safeguard legal-basis : legality {
          title "Legal basis"
          cite demo article 15 paragraph 1 verified { source "English text, Netherlands treaty database" quote "subject to conditions and safeguards provided for under its domestic law" }
          question provided-by-law : yes-no {
            ask "Is the power provided for by law?"
            satisfied-by yes
          }
        }

        safeguard supervision : oversight(judicial) {
          title "Judicial supervision"
          cite demo article 15 paragraph 2 verified { source "English text, Netherlands treaty database" quote "judicial or other independent supervision" }
          question authorised-by-judge : yes-no {
            ask "Was the order authorised by a judge?"
            satisfied-by yes
          }
        }

        profile article-15 {
          title "Conditions and safeguards of Article 15"
          requires kind legality, oversight
        }

        measure production-order {
          title "Production order"
          adopts article-15
          safeguards legal-basis, supervision
        }

        checklist production-order-review {
          title "Review of a production order"
          measure production-order
        }
        """;

    public static (string Path, string Text)[] ExampleTreaties() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "examples", "treaties"), "*.treaty")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p)))
            .ToArray();

    public static CSharpCompilation Compilation(params (string Path, string Text)[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Default));

    public static GeneratorDriver Driver(IEnumerable<(string Path, string Text)> treaties) =>
        Driver(treaties.Select(t => (AdditionalText)new InMemoryAdditionalText(t.Path, t.Text)));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> treaties) =>
        CSharpGeneratorDriver.Create(
            new[] { new TreatyGenerator().AsSourceGenerator() },
            treaties,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public sealed record Run(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
    {
        /// <summary>Errors and warnings of the compilation with the generated code (hidden and info left out).</summary>
        public IEnumerable<Diagnostic> CompilationProblems => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);

        public string Source(string hintName) => Result.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == hintName).SourceText.ToString();
    }

    public static Run Generate(IEnumerable<(string Path, string Text)> treaties, params (string Path, string Text)[] csharp)
    {
        var compilation = Compilation(csharp);
        var driver = Driver(treaties).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new Run(driver, driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>A diagnostic in the compiler's canonical form, with the file name only.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = diagnostic.Location == Location.None ? string.Empty : string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): ", Path.GetFileName(span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        return where + diagnostic.Severity.ToString().ToLowerInvariant() + " " + diagnostic.Id + ": " + diagnostic.GetMessage(CultureInfo.InvariantCulture);
    }

    /// <summary>Compiles the output to an assembly in memory and loads it, to run generated validators.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Select(Format)));
        return Assembly.Load(stream.ToArray());
    }
}
