using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SafeguardGen.Generator;

namespace SafeguardGen.Benchmarks;

internal sealed class MemoryText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => source;
}

/// <summary>
/// The generator as the IDE meets it: a cold run on the 1,000-file corpus, then one keystroke in a C# file, and
/// one in a .treaty file of the 1,000-file project against the same edit in a one-file project.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Latest);

    private CSharpCompilation compilation = null!;
    private CSharpCompilation edited = null!;
    private List<AdditionalText> corpus = [];
    private GeneratorDriver csharpDriver = null!;
    private bool csharpToggle;
    private TreatyEdit large = null!;
    private TreatyEdit small = null!;

    [Params(1000)]
    public int Files { get; set; }

    public static CSharpCompilation Consumer(string body) => CSharpCompilation.Create(
        "Consumer",
        [CSharpSyntaxTree.ParseText(body, Options, "Program.cs")],
        Net80.References.All.Cast<MetadataReference>().Append(MetadataReference.CreateFromFile(typeof(SafeguardGen.Evaluator).Assembly.Location)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>
    /// Step tracking costs about 35 ms a run on this corpus, and neither the IDE nor the build turns it on, so the
    /// benchmarks run without it; the smoke run turns it on to check what each keystroke re-runs.
    /// </summary>
    public bool TrackSteps { get; set; }

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> texts, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(new[] { new TreatyGenerator().AsSourceGenerator() }, texts, Options, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    [GlobalSetup]
    public void Setup()
    {
        compilation = Consumer("public static class Program { public static int Answer => 42; }");
        edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("public static class Program { public static int Answer => 43; }", Options, "Program.cs"));
        corpus = Corpus.Create(Files).Select(t => (AdditionalText)new MemoryText(t.Path, t.Text)).ToList();
        csharpDriver = Driver(corpus, TrackSteps).RunGenerators(compilation);
        large = new TreatyEdit(corpus, compilation, TrackSteps);
        small = new TreatyEdit(Corpus.Create(2).Select(t => (AdditionalText)new MemoryText(t.Path, t.Text)).ToList(), compilation, TrackSteps);
    }

    [Benchmark(Description = "cold run, whole corpus")]
    public GeneratorDriver ColdRun() => Driver(corpus, TrackSteps).RunGenerators(compilation);

    [Benchmark(Description = "keystroke in a C# file")]
    public GeneratorDriver CSharpKeystroke()
    {
        csharpToggle = !csharpToggle;
        csharpDriver = csharpDriver.RunGenerators(csharpToggle ? edited : compilation);
        return csharpDriver;
    }

    [Benchmark(Baseline = true, Description = "keystroke in a .treaty file, 1-file project")]
    public GeneratorDriver TreatyKeystrokeSmall() => small.Next();

    [Benchmark(Description = "keystroke in a .treaty file, whole corpus")]
    public GeneratorDriver TreatyKeystrokeLarge() => large.Next();

    /// <summary>Alternates one treaty file between two texts that differ by one character, so every run sees an edit.</summary>
    public sealed class TreatyEdit
    {
        private readonly AdditionalText[] versions;
        private readonly Compilation compilation;
        private GeneratorDriver driver;
        private int current;

        public TreatyEdit(List<AdditionalText> texts, Compilation compilation, bool trackSteps)
        {
            var target = texts[^1];
            var text = target.GetText()!.ToString();
            versions = [target, new MemoryText(target.Path, text.Replace("title \"Review\"", "title \"Reviews\"", System.StringComparison.Ordinal))];
            this.compilation = compilation;
            driver = Driver(texts, trackSteps).RunGenerators(compilation);
        }

        public GeneratorDriver Next()
        {
            var next = 1 - current;
            driver = driver.ReplaceAdditionalText(versions[current], versions[next]).RunGenerators(compilation);
            current = next;
            return driver;
        }
    }
}
