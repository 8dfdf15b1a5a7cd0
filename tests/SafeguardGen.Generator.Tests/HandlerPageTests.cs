using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SafeguardGen.Generator.Tests;

/// <summary>
/// The pages of the C# handler diagnostics (SG1001 to SG1006) are tests: the failing example gives exactly the
/// documented output at its line and column, the fixed one nothing, and compiles.
/// </summary>
public sealed partial class HandlerPageTests
{
    public static TheoryData<string> HandlerIds() => ["SG1001", "SG1002", "SG1003", "SG1004", "SG1005", "SG1006"];

    private static (List<(string Path, string Text)> Treaties, List<(string Path, string Text)> CSharp, string[] Output) Read(string section)
    {
        var treaties = new List<(string, string)>();
        var csharp = new List<(string, string)>();
        var output = Array.Empty<string>();
        foreach (Match match in Fence().Matches(section))
        {
            var info = match.Groups["info"].Value;
            var body = match.Groups["body"].Value;
            if (info.StartsWith("treaty file=", StringComparison.Ordinal))
            {
                treaties.Add((info.Substring("treaty file=".Length), body));
            }
            else if (info.StartsWith("csharp file=", StringComparison.Ordinal))
            {
                csharp.Add((info.Substring("csharp file=".Length), body));
            }
            else if (info == "text")
            {
                output = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        return (treaties, csharp, output);
    }

    private static (string Failing, string Fixed) Sections(string id)
    {
        var text = File.ReadAllText(Path.Combine(Harness.RepositoryRoot, "dsl-spec", "diagnostics", id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var at = text.IndexOf("## Fixed example", StringComparison.Ordinal);
        return (text.Substring(0, at), text.Substring(at));
    }

    [Theory]
    [MemberData(nameof(HandlerIds))]
    public void The_failing_example_reports_exactly_the_documented_diagnostics(string id)
    {
        var (treaties, csharp, output) = Read(Sections(id).Failing);

        var run = Harness.Generate(treaties, csharp.ToArray());

        Assert.NotEmpty(output);
        Assert.Equal(output, run.GeneratorDiagnostics.Select(Harness.Format));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == id);
    }

    [Theory]
    [MemberData(nameof(HandlerIds))]
    public void The_fixed_example_reports_nothing_and_compiles_with_its_Handle_method(string id)
    {
        var (treaties, csharp, _) = Read(Sections(id).Fixed);

        var run = Harness.Generate(treaties, csharp.ToArray());

        Assert.Empty(run.GeneratorDiagnostics.Select(Harness.Format));
        Assert.Empty(run.CompilationProblems.Select(Harness.Format));
        Assert.Contains(run.Result.GeneratedTrees, t => t.FilePath.EndsWith("_review_notes.Handlers.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Handle_calls_each_handler_with_its_safeguards_result()
    {
        var (treaties, csharp, _) = Read(Sections("SG1001").Fixed);
        var run = Harness.Generate(treaties, csharp.ToArray());
        var assembly = Harness.Load(run.Output);
        var checklist = assembly.GetType("SafeguardGen.Treaties.Demo.ProductionOrderReviewChecklist")!;
        var answers = System.Text.Json.JsonSerializer.Deserialize("""{"legal-basis":{"provided-by-law":true}}""", assembly.GetType("SafeguardGen.Treaties.Demo.ProductionOrderReviewAnswers")!);
        var result = (AssessmentResult)checklist.GetMethod("Validate")!.Invoke(null, [answers])!;
        var notes = Activator.CreateInstance(assembly.GetType("ReviewNotes")!)!;

        notes.GetType().GetMethod("Handle")!.Invoke(notes, [result]);

        Assert.Equal(["Met: legal-basis.provided-by-law is yes.", "Unanswered: supervision.authorised-by-judge."], (System.Collections.Generic.List<string>)notes.GetType().GetProperty("Notes")!.GetValue(notes)!);
    }

    [GeneratedRegex("^```(?<info>[^\\n]*)\\n(?<body>.*?)\\n```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
