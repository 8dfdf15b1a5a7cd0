using System;
using System.IO;

namespace SafeguardGen.Generator.Tests;

/// <summary>Benchmarks never run in CI; this runs each benchmark body once, untimed, so the harness cannot rot.</summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public void Every_benchmark_runs_once_on_a_small_corpus()
    {
        var harness = SafeguardGen.Testing.TestProcess.Built(Path.Combine(Harness.RepositoryRoot, "tests", "SafeguardGen.Benchmarks"), "SafeguardGen.Benchmarks.dll");

        var (exit, output) = SafeguardGen.Testing.TestProcess.Dotnet(Harness.RepositoryRoot, harness, "smoke");

        Assert.True(exit == 0, output);
        Assert.Contains("every benchmark ran once", output, StringComparison.Ordinal);
    }
}
