using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace SafeguardGen.Generator.Tests;

/// <summary>Benchmarks never run in CI; this runs each benchmark body once, untimed, so the harness cannot rot.</summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public void Every_benchmark_runs_once_on_a_small_corpus()
    {
        var harness = Directory.GetFiles(Path.Combine(Harness.RepositoryRoot, "tests", "SafeguardGen.Benchmarks", "bin"), "SafeguardGen.Benchmarks.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .First();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(harness);
        start.ArgumentList.Add("smoke");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, output.Result + error);
        Assert.Contains("every benchmark ran once", output.Result, StringComparison.Ordinal);
    }
}
