using System;
using System.IO;
using System.Linq;

namespace SafeguardGen.Generator.Tests;

/// <summary>The example assessment app, as the README runs it and as a script would.</summary>
public sealed class ExampleAppTests
{
    private static readonly string AppFolder = Path.Combine(Harness.RepositoryRoot, "examples", "AssessmentApp");

    private static (int Exit, string Output) RunApp(params string[] args) =>
        SafeguardGen.Testing.TestProcess.Dotnet(AppFolder, [SafeguardGen.Testing.TestProcess.Built(AppFolder, "AssessmentApp.dll"), .. args]);

    [Fact]
    public void Assessing_every_sample_prints_each_decision_with_citations_and_exits_zero()
    {
        var (exit, output) = RunApp();

        Assert.Equal(0, exit);
        Assert.Contains("Decision:  MustRefuse", output, StringComparison.Ordinal);
        Assert.Contains("the mandatory ground for refusal 'Request made to persecute' (ETS 24, Art. 3(2); basis: treaty text): Not satisfied: persecution.grounds is [political-opinion]", output, StringComparison.Ordinal);
        Assert.Contains("Decision:  Proceed", output, StringComparison.Ordinal);
        Assert.Contains("Decision:  Incomplete", output, StringComparison.Ordinal);
        Assert.Contains("Still needed:", output, StringComparison.Ordinal);
        Assert.Contains("Dual criminality (Art. 25(5)): Unanswered.", output, StringComparison.Ordinal);
        Assert.Contains("Grounds of the applicable law or treaty (Art. 25(4)): the ground does not hold.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mla-proceed.json", 0)]
    [InlineData("extradition-death-penalty-assured.json", 10)]
    [InlineData("extradition-persecution.json", 11)]
    [InlineData("mla-incomplete.json", 12)]
    public void Assessing_one_request_exits_with_the_code_of_its_decision(string request, int code)
    {
        Assert.Equal(code, RunApp(Path.Combine(AppFolder, "requests", request)).Exit);
    }

    [Fact]
    public void A_request_that_cannot_be_read_exits_one_without_a_stack_trace()
    {
        var path = Path.Combine(Path.GetTempPath(), "safeguard-bad-request-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{"checklist":"budapest.extradition-review","answers":{"persecution":{"grounds":["sex"]}}}""");
        try
        {
            var (exit, output) = RunApp(path);

            Assert.Equal(1, exit);
            Assert.Contains("cannot assess the request", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
