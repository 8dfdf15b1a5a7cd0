using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace SafeguardGen.Generator.Tests;

/// <summary>The generator emits a project's scenarios as data, and one line in a test runs them.</summary>
public sealed class ScenarioGenerationTests
{
    private static (string Path, string Text)[] Files(string folder, string pattern) =>
        Directory.GetFiles(Path.Combine(Harness.RepositoryRoot, "examples", folder), pattern)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ("/project/" + folder + "/" + Path.GetFileName(p), File.ReadAllText(p)))
            .ToArray();

    private static (string Path, string Text)[] ExampleProject() =>
        Files("treaties", "*.treaty").Concat(Files("scenarios", "*.treaty"))
            .Concat(Files(Path.Combine("AssessmentApp", "requests"), "*.json")).Concat(Files(Path.Combine("scenarios", "requests"), "*.json"))
            .Select(f => (f.Path.Replace('\\', '/'), f.Text)).ToArray();

    private static object? Invoke(Assembly assembly, string type, string method) => assembly.GetType(type, throwOnError: true)!.GetMethod(method)!.Invoke(null, null);

    [Fact]
    public void The_examples_scenarios_compile_without_a_warning_and_pass_with_one_line()
    {
        var run = Harness.Generate(ExampleProject());

        Assert.Empty(run.GeneratorDiagnostics.Select(Harness.Format));
        Assert.Empty(run.CompilationProblems.Select(Harness.Format));
        var report = (ScenarioReport)Invoke(Harness.Load(run.Output), "SafeguardGen.Generated.SafeguardScenarios", "Run")!;

        Assert.Equal(0, report.FailedCount);
        Assert.True(report.PassedCount >= 40, report.Summary);
        report.AssertPassed();
    }

    [Fact]
    public void A_broken_scenario_fails_at_its_expectation_when_run_from_a_test()
    {
        var files = ExampleProject().Select(f => f.Path.EndsWith("uncc-scenarios.treaty", StringComparison.Ordinal)
            ? (f.Path, f.Text.Replace("expect outcome fair-treatment not-satisfied", "expect outcome fair-treatment satisfied", StringComparison.Ordinal))
            : f).ToArray();
        var run = Harness.Generate(files);

        var report = (ScenarioReport)Invoke(Harness.Load(run.Output), "SafeguardGen.Generated.SafeguardScenarios", "Run")!;
        var failure = Assert.Single(report.Results.Where(r => !r.Passed).SelectMany(r => r.Failures));

        Assert.Equal("/project/scenarios/uncc-scenarios.treaty", failure.Location.Path);
        Assert.StartsWith("Expected safeguard 'uncc.fair-treatment' to be Satisfied, but it is NotSatisfied", failure.Message, StringComparison.Ordinal);
        var thrown = Assert.Throws<ScenarioFailedException>(report.AssertPassed);
        Assert.Contains("/project/scenarios/uncc-scenarios.treaty(", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_file_left_out_of_the_build_is_SG0266_at_the_scenario()
    {
        var run = Harness.Generate(ExampleProject().Where(f => !f.Path.EndsWith(".json", StringComparison.Ordinal)).ToArray());

        var diagnostic = run.GeneratorDiagnostics.First(d => d.Id == "SG0266");
        Assert.Contains("AdditionalFiles", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.EndsWith("scenarios.treaty", diagnostic.Location.GetLineSpan().Path, StringComparison.Ordinal);
    }
}
