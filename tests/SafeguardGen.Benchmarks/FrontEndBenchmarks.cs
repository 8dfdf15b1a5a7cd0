using System.Collections.Generic;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.CSharp;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Emit;

namespace SafeguardGen.Benchmarks;

/// <summary>
/// Parse and bind throughput of the front end, against Roslyn parsing C# of the same number of characters in
/// the same run. The C# is what SafeguardGen generates for the corpus, so it is realistic code.
/// </summary>
[MemoryDiagnoser]
public class FrontEndBenchmarks
{
    private IReadOnlyList<(string Path, string Text)> treaties = [];
    private List<string> csharp = [];

    [Params(10, 100, 1000)]
    public int Files { get; set; }

    public long Characters { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        treaties = Corpus.Create(Files);
        Characters = treaties.Sum(t => (long)t.Text.Length);
        csharp = SameSizeCSharp(treaties, Characters);
    }

    /// <summary>C# generated from the corpus, cut into as many files as the corpus has, totalling the same characters.</summary>
    public static List<string> SameSizeCSharp(IReadOnlyList<(string Path, string Text)> treaties, long characters)
    {
        var model = TreatyCompiler.Bind(treaties.Select(t => TreatyCompiler.Parse(t.Path, t.Text))).Model;
        var all = new StringBuilder();
        foreach (var slice in ChecklistSlice.From(model))
        {
            all.Append(CSharpEmitter.Emit(slice));
            if (all.Length >= characters)
            {
                break;
            }
        }

        while (all.Length < characters)
        {
            all.Append(all.ToString(0, (int)System.Math.Min(all.Length, characters - all.Length)));
        }

        var text = all.ToString(0, (int)characters);
        var size = (int)(characters / treaties.Count);
        return Enumerable.Range(0, treaties.Count).Select(i => i == treaties.Count - 1 ? text.Substring(i * size) : text.Substring(i * size, size)).ToList();
    }

    [Benchmark(Baseline = true, Description = "Roslyn ParseText, same characters")]
    public int RoslynParse()
    {
        var count = 0;
        foreach (var text in csharp)
        {
            count += CSharpSyntaxTree.ParseText(text).GetRoot().FullSpan.Length;
        }

        return count;
    }

    [Benchmark(Description = "SafeguardGen parse + bind")]
    public int ParseAndBind() => TreatyCompiler.Bind(treaties.Select(t => TreatyCompiler.Parse(t.Path, t.Text))).Model.Treaties.Count;

    [Benchmark(Description = "SafeguardGen parse only")]
    public int ParseOnly()
    {
        var count = 0;
        foreach (var (path, text) in treaties)
        {
            count += TreatyCompiler.Parse(path, text).Syntax.Declarations.Count;
        }

        return count;
    }
}
