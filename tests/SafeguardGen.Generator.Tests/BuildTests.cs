using System;
using System.IO;
using System.Linq;

namespace SafeguardGen.Generator.Tests;

/// <summary>
/// Real consumer projects built with <c>dotnet build</c>: the generator as an analyzer and the runtime as a
/// reference, the way a package delivers them. One class, so the builds run one after another.
/// </summary>
public sealed class BuildTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("safeguard-consumer-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private const string Program = """
        using System;
        using SafeguardGen.Treaties.Demo;
        using SafeguardGen;

        var answers = new ProductionOrderReviewAnswers();
        answers.LegalBasis.ProvidedByLaw = true;
        answers.Supervision.AuthorisedByJudge = false;
        var result = ProductionOrderReviewChecklist.Validate(answers);
        new ReviewNotes().Handle(result);
        Console.WriteLine(result.Decision);
        return 0;

        [ChecklistHandler("demo.production-order-review")]
        internal sealed partial class ReviewNotes
        {
            [HandlesSafeguard("legal-basis")]
            private static void LegalBasis(SafeguardResult result) => Console.WriteLine("legal-basis: " + result.Outcome);

            [HandlesSafeguard("supervision")]
            private static void Supervision(SafeguardResult result) => Console.WriteLine("supervision: " + result.Outcome);
        }
        """;

    private void WriteProject(string treaty, string program, string? editorConfig = null)
    {
        var bin = AppContext.BaseDirectory;
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <AnalysisLevel>latest-all</AnalysisLevel>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <NoWarn>$(NoWarn);CA1515</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <AdditionalFiles Include="*.treaty" />
                <Analyzer Include="{Path.Combine(bin, "SafeguardGen.Generator.dll")}" />
                <Reference Include="{Path.Combine(bin, "SafeguardGen.Runtime.dll")}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "demo.treaty"), treaty);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        if (editorConfig is not null)
        {
            File.WriteAllText(Path.Combine(folder, ".globalconfig"), editorConfig);
        }
    }

    private (int Exit, string Output) Dotnet(params string[] args) => SafeguardGen.Testing.TestProcess.Dotnet(folder, args);

    private (int Exit, string Output) Build() => Dotnet("build", "--disable-build-servers", "-nologo", "-clp:NoSummary", "-p:UseSharedCompilation=false");

    [Fact]
    public void A_consumer_builds_without_a_warning_and_runs_the_generated_validator_and_handlers()
    {
        WriteProject(Harness.ConsumerTreaty, Program);

        var (exit, output) = Build();

        Assert.True(exit == 0, output);
        Assert.DoesNotContain(": warning ", output, StringComparison.Ordinal);
        var run = Dotnet(Path.Combine("bin", "Debug", "net10.0", "Consumer.dll"));
        Assert.Equal(0, run.Exit);
        Assert.Equal(["legal-basis: Satisfied", "supervision: NotSatisfied", "MustRefuse"], run.Output.Trim().Split('\n').Select(l => l.Trim()));
    }

    [Fact]
    public void Removing_a_safeguard_a_profile_requires_fails_the_build_at_the_measure_in_the_treaty_file()
    {
        WriteProject(Harness.ConsumerTreaty.Replace("safeguards legal-basis, supervision", "safeguards legal-basis", StringComparison.Ordinal), Program.Replace("answers.Supervision.AuthorisedByJudge = false;", string.Empty, StringComparison.Ordinal));

        var (exit, output) = Build();

        Assert.NotEqual(0, exit);
        Assert.Contains("demo.treaty(29,9): error SG0230: Measure 'production-order' does not cover kind 'oversight', required by profile 'article-15'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_safeguard_to_the_checklist_fails_the_build_until_the_handler_class_handles_it()
    {
        var treaty = Harness.ConsumerTreaty.Replace("safeguards legal-basis, supervision", "safeguards legal-basis, supervision, remedy", StringComparison.Ordinal)
            + "\n\nsafeguard remedy : redress {\n  title \"Remedy\"\n  cite demo article 15\n  question available : yes-no {\n    ask \"Is a remedy available?\"\n    satisfied-by yes\n  }\n}\n";
        WriteProject(treaty, Program);

        var (exit, output) = Build();

        Assert.NotEqual(0, exit);
        Assert.Contains("Program.cs(14,31): error SG1001: Class 'ReviewNotes' handles checklist 'demo.production-order-review' but has no handler for safeguard 'demo.remedy'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_severity_of_a_treaty_diagnostic_is_configured_like_any_compiler_diagnostic()
    {
        WriteProject(Harness.ConsumerTreaty.Replace("safeguards legal-basis, supervision", "safeguards legal-basis, supervision, supervision", StringComparison.Ordinal), Program, "is_global = true\ndotnet_diagnostic.SG0232.severity = none\n");

        var (exit, output) = Build();

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("SG0232", output, StringComparison.Ordinal);
    }
}
