using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SafeguardGen;
using Xunit;

namespace SafeguardGen.Generator.Tests;

/// <summary>
/// The generated <c>Decide</c> works the verdict out in straight-line code; the runtime's interpreter works it out
/// from the same checklist's <c>Rules</c>. On a checklist of 70 safeguards (three words of packed outcomes) that uses
/// every kind of test and condition, every severity and ground, exceptions and a scope, the two must agree on random
/// answers, and so must the outcomes the explained result reports.
/// </summary>
public sealed class StraightLineTests
{
    private const int Safeguards = 70;

    private static readonly string[] Criteria =
    [
        "satisfied-by yes", "satisfied-by no", "satisfied-by any-of a, b", "satisfied-by none-of c",
        "satisfied-by >= 3", "satisfied-by provided", "satisfied-by empty", "satisfied-by < 2024-06-01",
    ];

    private static string Treaty()
    {
        var text = new StringBuilder("treaty demo {\n  title \"Demo\"\n  reference \"ETS 185\"\n  namespace Demo.Checklists\n}\n\n");
        text.Append("fact f : yes-no { ask \"F?\" }\nfact g : choice { ask \"G?\" option x \"X\" option y \"Y\" }\n\n");
        for (var i = 0; i < Safeguards; i++)
        {
            var kinds = (i % 4) switch { 0 => "legality", 1 => "legality, refusal-ground(mandatory)", 2 => "legality, refusal-ground(optional)", _ => "legality" };
            text.Append("safeguard s").Append(i).Append(" : ").Append(kinds).Append(" {\n  title \"S").Append(i).Append("\"\n  cite demo article 15\n");
            if (i % 5 == 3)
            {
                text.Append("  severity advisory\n");
            }

            text.Append("  question yn : yes-no { ask \"YN?\" ").Append(Criteria[i % 2]).Append(" }\n");
            text.Append("  question ch : list of choice { ask \"CH?\" option a \"A\" option b \"B\" option c \"C\" ").Append(Criteria[2 + (i % 2)]).Append(" }\n");
            text.Append("  question n : number { ask \"N?\" ").Append(Criteria[4]).Append(" }\n");
            text.Append("  question t : text { ask \"T?\" ").Append(Criteria[5]).Append(" }\n");
            text.Append("  question l : list of text { ask \"L?\" ").Append(Criteria[6]).Append(" }\n");
            text.Append("  question d : date { ask \"D?\" ").Append(Criteria[7]).Append(" }\n");
            switch (i % 6)
            {
                case 0:
                    text.Append("  when f and (s").Append(i).Append(".n > 1 or g == x)\n");
                    break;
                case 1:
                    text.Append("  unless s").Append(i).Append(".ch contains b or not f\n");
                    break;
                case 2:
                    text.Append("  when g in (y) and s").Append(i).Append(".t is answered\n");
                    break;
                case 3:
                    text.Append("  when s").Append(i).Append(".d >= 2024-01-01 or s").Append(i).Append(".l is unanswered\n");
                    break;
            }

            if (i % 3 == 0)
            {
                text.Append("  exception e1 { when s").Append(i).Append(".yn and f outcome satisfied priority 2 }\n");
                text.Append("  exception e2 { when not s").Append(i).Append(".yn or g == y outcome not-satisfied priority 1 }\n");
            }

            text.Append("}\n\n");
        }

        text.Append("measure m {\n  title \"M\"\n  scope f or g == y\n  safeguards ")
            .Append(string.Join(", ", Enumerable.Range(0, Safeguards).Select(i => "s" + i.ToString(CultureInfo.InvariantCulture))))
            .Append("\n}\n\nchecklist c {\n  title \"C\"\n  measure m\n}\n");
        return text.ToString();
    }

    /// <summary>
    /// Random answers; in two runs of three, every safeguard but one (or none) is answered so that it is met, or
    /// else 70 random safeguards would always end in a refusal.
    /// </summary>
    private static string Answers(Random random)
    {
        string Maybe(string value) => random.Next(4) == 0 ? "null" : value;
        string Pick(params string[] values) => values[random.Next(values.Length)];
        var mode = random.Next(3);
        var odd = mode == 1 ? random.Next(Safeguards) : -1;
        var json = new StringBuilder("{\"facts\":{\"f\":").Append(Maybe(Pick("true", "false"))).Append(",\"g\":").Append(Maybe(Pick("\"x\"", "\"y\""))).Append('}');
        for (var i = 0; i < Safeguards; i++)
        {
            if (mode != 0 && i != odd)
            {
                json.Append(",\"s").Append(i).Append("\":{\"yn\":").Append(i % 2 == 0 ? "true" : "false")
                    .Append(",\"ch\":[\"a\"],\"n\":10,\"t\":\"the warrant\",\"l\":[],\"d\":\"2023-12-31\"}");
                continue;
            }

            json.Append(",\"s").Append(i).Append("\":{")
                .Append("\"yn\":").Append(Maybe(Pick("true", "false")))
                .Append(",\"ch\":").Append(Maybe(Pick("[]", "[\"a\"]", "[\"b\",\"c\"]", "[\"c\"]", "[\"c\",\"c\",\"a\"]")))
                .Append(",\"n\":").Append(Maybe(Pick("0", "2.5", "3", "10")))
                .Append(",\"t\":").Append(Maybe(Pick("\"\"", "\" \"", "\"the warrant\"")))
                .Append(",\"l\":").Append(Maybe(Pick("[]", "[\"x\"]")))
                .Append(",\"d\":").Append(Maybe(Pick("\"2023-12-31\"", "\"2024-03-01\"", "\"2024-06-01\"")))
                .Append('}');
        }

        return json.Append('}').ToString();
    }

    [Fact]
    public void The_straight_line_verdict_equals_the_interpreters_on_a_checklist_of_three_words()
    {
        var run = Harness.Generate([("demo.treaty", Treaty())]);
        Assert.Empty(run.GeneratorDiagnostics.Select(Harness.Format));
        Assert.Empty(run.CompilationProblems.Select(Harness.Format));
        var type = Harness.Load(run.Output).GetType("Demo.Checklists.CChecklist")!;
        var checklist = (IChecklist)type.GetProperty("Instance")!.GetValue(null)!;
        var decide = type.GetMethod("Decide", [checklist.AnswersType])!;
        var read = typeof(AnswersJson).GetMethod(nameof(AnswersJson.Read))!.MakeGenericMethod(checklist.AnswersType);

        var random = new Random(20261123);
        var decisions = new HashSet<Decision>();
        for (var iteration = 0; iteration < 400; iteration++)
        {
            var json = Answers(random);
            var answers = read.Invoke(null, [json])!;
            var verdict = (Verdict)decide.Invoke(null, [answers])!;
            var explained = checklist.ValidateJson(json);
            var values = KeptAnswers(explained);

            Assert.Equal(Safeguards, verdict.Count);
            Assert.Equal(Evaluator.Decide(checklist.Rules, values), verdict);
            Assert.Equal(verdict, explained.Verdict);
            Assert.Equal(explained.Safeguards.Select(s => s.Outcome), Enumerable.Range(0, Safeguards).Select(i => verdict[i]));
            Assert.Equal(Evaluator.Validate(checklist.Rules, values).Explanation, explained.Explanation);
            decisions.Add(verdict.Decision);
        }

        // The answers reach every decision, so no branch of the decision goes untested.
        Assert.Equal(Enum.GetValues<Decision>().ToHashSet(), decisions);
    }

    /// <summary>The answers by position, as the explained result kept them to explain itself from (a private field: the runtime exposes them to no caller).</summary>
    private static AnswerValue[] KeptAnswers(AssessmentResult result) =>
        (AnswerValue[])typeof(AssessmentResult).GetField("answers", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(result)!;
}
