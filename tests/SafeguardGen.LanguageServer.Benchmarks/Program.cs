using BenchmarkDotNet.Running;

namespace SafeguardGen.Benchmarks;

internal static class Program
{
    private static void Main(string[] args) => BenchmarkRunner.Run<LanguageServerBenchmarks>(args: args);
}
