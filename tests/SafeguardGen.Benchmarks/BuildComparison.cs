using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SafeguardGen.Benchmarks;

/// <summary>
/// 'dotnet build' of a consumer with 100 .treaty files and the generator, against the same consumer with the
/// generated files checked in as plain C#. Both are rebuilt in turn, so machine noise falls on both alike.
/// </summary>
public static class BuildComparison
{
    public static int Run(int files, int rounds)
    {
        var root = Directory.CreateTempSubdirectory("safeguard-build-bench-").FullName;
        try
        {
            var corpus = Corpus.Create(files);
            var generated = Directory.CreateDirectory(Path.Combine(root, "generated")).FullName;
            var withGenerator = Directory.CreateDirectory(Path.Combine(root, "with-generator")).FullName;
            var run = GeneratorBenchmarks.Driver(corpus.Select(t => (Microsoft.CodeAnalysis.AdditionalText)new MemoryText(t.Path, t.Text)))
                .RunGenerators(GeneratorBenchmarks.Consumer("public static class Program { }")).GetRunResult();
            foreach (var source in run.Results.SelectMany(r => r.GeneratedSources))
            {
                File.WriteAllText(Path.Combine(generated, source.HintName), source.SourceText.ToString());
            }

            foreach (var (path, text) in corpus)
            {
                File.WriteAllText(Path.Combine(withGenerator, path), text);
            }

            foreach (var (folder, analyzer) in new[] { (withGenerator, true), (generated, false) })
            {
                WriteConsumer(folder, analyzer);
                Dotnet(folder, "build", "-nologo", "-v:q");
            }

            var times = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (folder, analyzer) in new[] { (withGenerator, true), (generated, false) })
                {
                    var watch = Stopwatch.StartNew();
                    Dotnet(folder, "build", "--no-restore", "--no-incremental", "-nologo", "-v:q");
                    times[analyzer].Add(watch.Elapsed.TotalSeconds);
                }
            }

            static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
            var ratio = Median(times[true]) / Median(times[false]);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "build, {0} .treaty files + generator: median {1:F2} s over {2} rebuilds ({3})", files, Median(times[true]), rounds, string.Join(", ", times[true].Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "build, generated C# checked in:    median {0:F2} s over {1} rebuilds ({2})", Median(times[false]), rounds, string.Join(", ", times[false].Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "ratio: {0:F3} (target at most 1.10)", ratio));
            return 0;
        }
        finally
        {
            Dotnet(root, "build-server", "shutdown");
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A console project that builds the .treaty files in <paramref name="folder"/>, with the generator as an analyzer or without it.</summary>
    public static void WriteConsumer(string folder, bool analyzer)
    {
        var bin = AppContext.BaseDirectory;
        File.WriteAllText(Path.Combine(folder, "Program.cs"), "public static class Program { public static void Main() { } }\n");
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <AdditionalFiles Include="*.treaty" />
                {(analyzer ? $"<Analyzer Include=\"{Path.Combine(bin, "SafeguardGen.Generator.dll")}\" />" : string.Empty)}
                <Reference Include="{Path.Combine(bin, "SafeguardGen.Runtime.dll")}" />
              </ItemGroup>
            </Project>
            """);
    }

    private static void Dotnet(string folder, params string[] args)
    {
        var (exit, output) = SafeguardGen.Testing.TestProcess.Dotnet(folder, args);
        if (exit != 0 && args[0] == "build")
        {
            throw new InvalidOperationException("dotnet " + string.Join(" ", args) + " failed in " + folder + ":\n" + output);
        }
    }
}
