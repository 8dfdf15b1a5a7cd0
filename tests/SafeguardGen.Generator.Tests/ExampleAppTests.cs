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
        Assert.Contains("Decision:  Must refuse", output, StringComparison.Ordinal);
        Assert.Contains("the mandatory ground for refusal 'Request made to persecute' (ETS 24, Art. 3(2); basis: treaty text): The ground applies: persecution.grounds is [political-opinion].", output, StringComparison.Ordinal);
        Assert.Contains("  The ground applies         Request made to persecute [ETS 24, Art. 3(2)]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("NotSatisfied", output, StringComparison.Ordinal);
        Assert.Contains("Decision:  Proceed", output, StringComparison.Ordinal);
        Assert.Contains("Decision:  Incomplete", output, StringComparison.Ordinal);
        Assert.Contains("Still needed:", output, StringComparison.Ordinal);
        Assert.Contains("Dual criminality (Art. 25(5)): Unanswered.", output, StringComparison.Ordinal);
        Assert.Contains("Grounds of the applicable law or treaty (Art. 25(4)): The ground does not apply.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_language_option_gives_outcomes_decisions_and_explanations_in_that_language_and_marks_untranslated_titles()
    {
        var (exit, output) = RunApp(Path.Combine(AppFolder, "requests", "extradition-persecution.json"), "--language", "fr");

        Assert.Equal(11, exit);
        Assert.Contains("  Le motif s’applique        Request made to persecute [en] [ETS 24, Art. 3(2)]", output, StringComparison.Ordinal);
        Assert.Contains("Decision:  Refus obligatoire", output, StringComparison.Ordinal);
        Assert.Contains("- le motif obligatoire de refus « Request made to persecute » (ETS 24, Art. 3(2); fondement : texte du traité) : Le motif s’applique : persecution.grounds vaut [political-opinion].", output, StringComparison.Ordinal);
        Assert.Contains("Sans objet                 Peine de mort lorsque l'État requis l'a abolie [", output, StringComparison.Ordinal);
        Assert.Equal(2, RunApp("--language", "de").Exit);
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
