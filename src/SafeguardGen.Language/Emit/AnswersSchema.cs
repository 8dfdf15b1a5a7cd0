using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;

namespace SafeguardGen.Language.Emit;

/// <summary>
/// The JSON Schema (draft 2020-12) of a checklist's answers: the shape the generated answers type reads, for forms
/// and apps written in other languages. It accepts exactly what the generated reader accepts: an object of the
/// checklist's safeguards (and <c>facts</c>), each an object of its questions or null; each answer null or of its
/// type; no other member anywhere. Titles and descriptions are the treaty's own texts, in its own language.
/// </summary>
public static class AnswersSchema
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>
    /// A calendar date <c>yyyy-MM-dd</c> from 0001-01-01 to 9999-12-31, leap days included: what .NET's
    /// <c>DateOnly</c> reads. Written with <c>[0-9]</c>, not <c>\d</c>, which matches other digits in some engines.
    /// </summary>
    public const string DatePattern =
        "^(?!0000)(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
        + "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$";

    /// <summary>Text as UTF-16 without an unpaired surrogate, which no JSON reader of .NET turns into a string.</summary>
    public const string WellFormedTextPattern = "^(?:[^\\ud800-\\udfff]|[\\ud800-\\udbff][\\udc00-\\udfff])*$";

    /// <summary>The bounds of .NET's <c>decimal</c>, which holds number answers: a larger number cannot be read.</summary>
    public static readonly JsonNumber DecimalMaximum = new("79228162514264337593543950335");

    public static readonly JsonNumber DecimalMinimum = new("-79228162514264337593543950335");

    private static readonly string[] ObjectOrNull = { "object", "null" };
    private static readonly string[] ArrayOrNull = { "array", "null" };

    /// <summary>The schema's <c>$id</c>: a URN naming the checklist, stable across versions of the tool.</summary>
    public static string Id(ChecklistSlice slice) => "urn:safeguardgen:answers:" + slice.Id;

    public static string Emit(ChecklistSlice slice)
    {
        var paths = slice.CreatePaths();
        var members = new JsonMap();
        foreach (var safeguard in slice.Safeguards)
        {
            members.Add(paths.SafeguardMember(safeguard.Name), Owner(safeguard.Title.Text, safeguard.Guidance?.Text, safeguard.Questions, paths));
        }

        if (!slice.Facts.IsEmpty)
        {
            members.Add(AnswerPaths.FactsMember, Owner("The facts of the request", "What the checklist's conditions read about the request.", slice.Facts, paths));
        }

        var description = slice.Checklist.Description?.Text;
        var schema = new JsonMap
        {
            { "$schema", Draft },
            { "$id", Id(slice) },
            { "title", "Answers to " + slice.Checklist.Title.Text },
            {
                "description",
                (description is null ? string.Empty : description + " ")
                + "One member per safeguard of checklist " + slice.Id + ", and \"facts\" for the facts of the request; an answer that is null or left out is not yet given."
            },
            { "type", "object" },
            { "properties", members },
            { "additionalProperties", false },
        };
        return JsonText.Write(schema);
    }

    private static JsonMap Owner(string title, string? description, IEnumerable<Question> questions, AnswerPaths paths)
    {
        var properties = new JsonMap();
        foreach (var question in questions)
        {
            properties.Add(paths.QuestionMember(question.Key), Answer(question));
        }

        return new JsonMap
        {
            { "title", title },
            { "description", description },
            { "type", ObjectOrNull },
            { "properties", properties },
            { "additionalProperties", false },
        };
    }

    private static JsonMap Answer(Question question)
    {
        var options = question.Type.Value == ValueType.Choice
            ? "Options: " + string.Join("; ", question.Options.Select(o => o.Name + " (" + o.Label.Text + ")")) + "."
            : null;
        var schema = new JsonMap
        {
            { "title", question.Ask.Text },
            { "description", question.Guidance is null ? options : options is null ? question.Guidance.Text : question.Guidance.Text + " " + options },
        };
        if (question.Type.IsList)
        {
            schema.Add("type", ArrayOrNull);
            schema.Add("items", Value(question, nullable: false));
        }
        else
        {
            foreach (var member in Value(question, nullable: true))
            {
                schema.Add(member.Key, member.Value);
            }
        }

        return schema;
    }

    /// <summary>The schema of one value of the question's type; null is allowed for a single answer, never inside a list.</summary>
    private static JsonMap Value(Question question, bool nullable)
    {
        object Type(string type) => nullable ? new[] { type, "null" } : type;
        switch (question.Type.Value)
        {
            case ValueType.YesNo:
                return new JsonMap { { "type", Type("boolean") } };
            case ValueType.Choice:
                var options = question.Options.Select(o => (object)o.Name).ToList();
                return new JsonMap { { "enum", nullable ? options.Append(new JsonNumber("null")).ToList() : options } };
            case ValueType.Text:
                return new JsonMap { { "type", Type("string") }, { "pattern", WellFormedTextPattern } };
            case ValueType.Date:
                return new JsonMap { { "type", Type("string") }, { "format", "date" }, { "pattern", DatePattern } };
            default:
                return new JsonMap { { "type", Type("number") }, { "minimum", DecimalMinimum }, { "maximum", DecimalMaximum } };
        }
    }
}
