using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Emit;

namespace SafeguardGen.Scenarios.Tests;

/// <summary>
/// The scenario runner decides from the .treaty model; an app decides with the generated validator. For random
/// answers to every example checklist both must give the same decision, outcomes, reasons, explanation and
/// questions still needed, in the same order; the generated straight-line verdict (<c>Decide</c>) and the
/// interpreter's (<c>Evaluator.Decide</c>) must equal them. The generated side reads the answers as JSON, as an app would.
/// </summary>
public sealed class AgreementTests
{
    public static TheoryData<string> Checklists() => new(Examples.Slices.Select(s => s.Id));

    [Theory]
    [MemberData(nameof(Checklists))]
    public void The_runner_and_the_generated_validator_agree_on_random_answers(string id)
    {
        var slice = Examples.Slices.Single(s => s.Id == id);
        var layout = new ChecklistLayout(slice);
        var rules = ModelRules.Build(slice);
        var generated = Examples.Checklist(slice);

        Gen.Int[0, int.MaxValue].Select(seed => Answers(layout, new Random(seed))).Sample(
            values =>
            {
                var expected = Evaluator.Validate(rules, values);
                var json = Json(layout, values);
                var actual = generated.ValidateJson(json);
                Assert.Equal(expected.Decision, actual.Decision);
                Assert.Equal(expected.Verdict, actual.Verdict);
                Assert.Equal(expected.Verdict, Evaluator.Decide(rules, values));
                Assert.Equal(expected.Verdict, Decide(generated, json));
                Assert.Equal(expected.Safeguards.Select(s => (s.Safeguard.Id, s.Outcome, s.Reason)), actual.Safeguards.Select(s => (s.Safeguard.Id, s.Outcome, s.Reason)));
                Assert.Equal(expected.Explanation, actual.Explanation);
                Assert.Equal(expected.StillNeeded.Select(q => q.Id), actual.StillNeeded.Select(q => q.Id));
            },
            iter: 150,
            seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [MemberData(nameof(Checklists))]
    public void The_runner_builds_the_same_metadata_as_the_generated_checklist(string id)
    {
        var slice = Examples.Slices.Single(s => s.Id == id);
        var rules = ModelRules.Build(slice);
        var generated = Examples.Checklist(slice).Rules;

        Assert.Equal(generated.Questions.Select(q => (q.Id, q.Ask.Text, q.Type, q.IsList, q.SatisfiedBy, string.Join(",", q.Options.Select(o => o.Id)))), rules.Questions.Select(q => (q.Id, q.Ask.Text, q.Type, q.IsList, q.SatisfiedBy, string.Join(",", q.Options.Select(o => o.Id)))));
        Assert.Equal(generated.Safeguards.Select(s => (s.Info.Id, s.Info.Severity, s.Info.RefusalGround, string.Join(";", s.Info.Citations), string.Join(",", s.Reads))), rules.Safeguards.Select(s => (s.Info.Id, s.Info.Severity, s.Info.RefusalGround, string.Join(";", s.Info.Citations), string.Join(",", s.Reads))));
    }

    /// <summary>
    /// The generated straight-line <c>Decide</c> on the answers read from JSON (choice lists as bit masks): the
    /// verdict an app that only acts on the decision gets.
    /// </summary>
    private static Verdict Decide(IChecklist checklist, string json)
    {
        var type = checklist.GetType();
        var answers = typeof(AnswersJson).GetMethod(nameof(AnswersJson.Read))!.MakeGenericMethod(checklist.AnswersType).Invoke(null, [json]);
        return (Verdict)type.GetMethod("Decide", [checklist.AnswersType])!.Invoke(null, [answers])!;
    }

    /// <summary>A random answer (or none) for each question: values around the checklist's constants, every option, blank texts.</summary>
    private static AnswerValue[] Answers(ChecklistLayout layout, Random random) =>
        layout.Questions.Select(q => random.Next(3) == 0 ? AnswerValue.Unanswered : q.Type.IsList
            ? AnswerValue.List(Enumerable.Range(0, random.Next(3)).Select(_ => Element(q, random)).ToArray())
            : Element(q, random)).ToArray();

    private static AnswerValue Element(Question question, Random random) => question.Type.Value switch
    {
        Language.Binding.ValueType.YesNo => AnswerValue.YesNo(random.Next(2) == 0),
        Language.Binding.ValueType.Choice => AnswerValue.Choice(random.Next(question.Options.Count)),
        Language.Binding.ValueType.Text => AnswerValue.Text(new[] { "", " ", "evidence", "the warrant of 3 May" }[random.Next(4)]),
        Language.Binding.ValueType.Date => AnswerValue.Date(new DateOnly(2024, 1, 1).AddDays(random.Next(-400, 400))),
        _ => AnswerValue.Number(new[] { 0m, 0.5m, 1m, 2m, 3m, 3.99m, 4m, 5m, 10m }[random.Next(9)]),
    };

    /// <summary>The answers as the answers JSON an app would send.</summary>
    private static string Json(ChecklistLayout layout, AnswerValue[] values)
    {
        var owners = layout.Questions.Select((q, i) => (Owner: q.Key.IsFact ? AnswerPaths.FactsMember : layout.Paths.SafeguardMember(q.Owner), Member: layout.Paths.QuestionMember(q.Key), Question: q, Value: values[i]))
            .Where(x => x.Value.Kind != AnswerValueKind.Unanswered)
            .GroupBy(x => x.Owner);
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var owner in owners)
            {
                writer.WriteStartObject(owner.Key);
                foreach (var answer in owner)
                {
                    writer.WritePropertyName(answer.Member);
                    Write(writer, answer.Question, answer.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, Question question, AnswerValue value)
    {
        switch (value.Kind)
        {
            case AnswerValueKind.List:
                writer.WriteStartArray();
                foreach (var item in value.Items)
                {
                    Write(writer, question, item);
                }

                writer.WriteEndArray();
                break;
            case AnswerValueKind.YesNo:
                writer.WriteBooleanValue(value.AsBool);
                break;
            case AnswerValueKind.Choice:
                writer.WriteStringValue(question.Options[value.AsOption].Name);
                break;
            case AnswerValueKind.Text:
                writer.WriteStringValue(value.AsText);
                break;
            case AnswerValueKind.Date:
                writer.WriteStringValue(value.AsDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteNumberValue(value.AsNumber);
                break;
        }
    }
}
