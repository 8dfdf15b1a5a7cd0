using System;
using System.Diagnostics;
using System.Globalization;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Running;

namespace SafeguardGen.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/SafeguardGen.Benchmarks -- all
/// Modes: all | frontend | generator | validation (BenchmarkDotNet), build (dotnet build ratio), memory (generator
/// allocation and peak working set in a fresh process), scaling (time per character of each stage as files double
/// up to the 4 Mi limit), cost [safeguard.dll] [--no-build] (one file at the limit through check, docs and a build),
/// steps [files] (where a keystroke's time goes: each pipeline step's time, from the driver's step tracking),
/// smoke (every benchmark once, small; no timing); web-load [assessors] [--no-build] (examples/AssessmentWeb under many
/// assessors answering at once, over HTTP, then a check that no answer was lost) and web-db-size [count] [--no-build]
/// (the SQLite database's size after that many assessments), both against the app started as a child process.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "all";
        var rest = args.Skip(1).ToArray();
        switch (mode)
        {
            case "frontend":
                BenchmarkRunner.Run<FrontEndBenchmarks>(args: rest);
                return 0;
            case "generator":
                BenchmarkRunner.Run<GeneratorBenchmarks>(args: rest);
                return 0;
            case "validation":
                BenchmarkRunner.Run<ValidationBenchmarks>(args: rest);
                return 0;
            case "build":
                return BuildComparison.Run(100, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 5);
            case "memory":
                return Memory(1000);
            case "steps":
                return Steps(rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1000);
            case "smoke":
                return Smoke();
            case "scaling":
                return Scaling.Run(Console.Out);
            case "cost":
                // cost <path to safeguard.dll> [--no-build]
                return Scaling.Cost(Console.Out, rest.Length > 0 ? System.IO.Path.GetFullPath(rest[0]) : System.IO.Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "src", "SafeguardGen.Cli", "bin", "Release", "net8.0", "safeguard.dll"), !rest.Contains("--no-build"));
            case "web-load":
                return WebLoad.RunAsync(Count(rest, 50), !rest.Contains("--no-build"), Console.Out).GetAwaiter().GetResult();
            case "web-db-size":
                return WebLoad.DbSizeAsync(Count(rest, 10_000), !rest.Contains("--no-build"), Console.Out).GetAwaiter().GetResult();
            case "all":
                BenchmarkRunner.Run<FrontEndBenchmarks>(args: rest);
                BenchmarkRunner.Run<GeneratorBenchmarks>(args: rest);
                BenchmarkRunner.Run<ValidationBenchmarks>(args: rest);
                Memory(1000);
                return BuildComparison.Run(100, 5);
            default:
                Console.Error.WriteLine("usage: SafeguardGen.Benchmarks [all|frontend|generator|validation|build [rounds]|memory|steps [files]|scaling|cost [safeguard.dll] [--no-build]|smoke|web-load [assessors] [--no-build]|web-db-size [count] [--no-build]] [BenchmarkDotNet options]");
                return 2;
        }
    }

    /// <summary>The mode's first argument that is not an option, as a positive number, else <paramref name="otherwise"/>.</summary>
    private static int Count(string[] args, int otherwise)
    {
        var count = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } given ? int.Parse(given, CultureInfo.InvariantCulture) : otherwise;
        return count > 0 ? count : throw new ArgumentOutOfRangeException(nameof(args), count, "The count must be at least 1.");
    }

    /// <summary>
    /// Where a keystroke's time goes: 40 keystrokes in a .treaty file and in a C# file of a project of
    /// <paramref name="files"/> files, with step tracking on, and each step's time (summed over its outputs) per
    /// keystroke. Tracking slows the driver itself, so the figures locate the cost; the benchmarks measure it.
    /// </summary>
    private static int Steps(int files)
    {
        var corpus = Corpus.Create(files).Select(t => (Microsoft.CodeAnalysis.AdditionalText)new MemoryText(t.Path, t.Text)).ToList();
        var compilation = GeneratorBenchmarks.Consumer("public static class Program { public static int Answer => 42; }");
        var edit = new GeneratorBenchmarks.TreatyEdit(corpus, compilation, trackSteps: true);
        const int Keystrokes = 40;
        var steps = new Dictionary<string, double>(StringComparer.Ordinal);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < Keystrokes; i++)
        {
            var result = edit.Next().GetRunResult().Results.Single();
            foreach (var (name, runs) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
            {
                steps[name] = steps.GetValueOrDefault(name) + runs.Sum(r => r.ElapsedTime.TotalMilliseconds);
            }
        }

        Console.WriteLine($"{files} files, a .treaty keystroke with tracking: {total.Elapsed.TotalMilliseconds / Keystrokes:F2} ms each; by step (ms per keystroke):");
        foreach (var (name, ms) in steps.OrderByDescending(p => p.Value))
        {
            Console.WriteLine($"  {name,-28} {ms / Keystrokes,8:F3}");
        }

        return 0;
    }

    /// <summary>A cold generator run over the corpus in this fresh process: bytes allocated and peak working set.</summary>
    private static int Memory(int files)
    {
        foreach (var size in new[] { 10, 100, 1000 })
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "corpus of {0} files: {1} characters of .treaty text", size, Corpus.Create(size).Sum(t => (long)t.Text.Length)));
        }

        var texts = Corpus.Create(files).Select(t => (Microsoft.CodeAnalysis.AdditionalText)new MemoryText(t.Path, t.Text)).ToList();
        var compilation = GeneratorBenchmarks.Consumer("public static class Program { }");
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var run = GeneratorBenchmarks.Driver(texts).RunGenerators(compilation).GetRunResult();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "generator cold run, {0} files ({1:F1} MB of .treaty text): {2:F1} MB allocated, peak working set of the process {3:F1} MB, {4} sources generated", files, texts.Sum(t => t.GetText()!.Length) / 1e6, allocated / 1e6, process.PeakWorkingSet64 / 1e6, run.GeneratedTrees.Length));
        return 0;
    }

    /// <summary>Runs every benchmark body once on small inputs, so CI knows the harness still works. Times nothing.</summary>
    private static int Smoke()
    {
        var frontEnd = new FrontEndBenchmarks { Files = 10 };
        frontEnd.Setup();
        Check(frontEnd.RoslynParse() > 0 && frontEnd.ParseAndBind() == 10 && frontEnd.ParseOnly() > 0, "front end");

        var generator = new GeneratorBenchmarks { Files = 10, TrackSteps = true };
        generator.Setup();
        Check(generator.ColdRun().GetRunResult().GeneratedTrees.Length > 0, "cold run");
        var csharp = generator.CSharpKeystroke().GetRunResult().Results.Single();
        Check(csharp.TrackedSteps["ParseTreaty"].SelectMany(s => s.Outputs).All(o => o.Reason == Microsoft.CodeAnalysis.IncrementalStepRunReason.Cached), "C# keystroke parses no .treaty file");
        var treaty = generator.TreatyKeystrokeLarge().GetRunResult().Results.Single();
        Check(treaty.TrackedSteps["ParseTreaty"].SelectMany(s => s.Outputs).Count(o => o.Reason == Microsoft.CodeAnalysis.IncrementalStepRunReason.Modified) == 1, ".treaty keystroke parses one file");
        Check(generator.TreatyKeystrokeSmall().GetRunResult().GeneratedTrees.Length > 0, "small project keystroke");

        var decisions = ValidationBenchmarks.Check();
        Check(decisions.All(d => d.Decision == SafeguardGen.Decision.MustRefuse), "RulesEngine, the generated Decide and Validate, and the interpreter agree on the sample");

        Check(Corpus.Create(3).SequenceEqual(Corpus.Create(3)), "the corpus is deterministic");
        foreach (var (name, make) in Scaling.Shapes)
        {
            var (_, _, _, diagnostics) = Scaling.Measure(make(64), 1);
            Check(diagnostics < 200, "scaling shape '" + name + "' binds");
        }

        Console.WriteLine("smoke: every benchmark ran once; 0 failed");
        return 0;
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("benchmark smoke check failed: " + what);
        }
    }
}
