using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SafeguardGen.Docs;

namespace SafeguardGen.Examples.AssessmentWeb.Assessing;

/// <summary>A problem with one answer: the form field or JSON path at fault, and what to do.</summary>
/// <param name="Field">The form field's id, or the JSON path of the value in an uploaded file.</param>
/// <param name="Message">What is wrong and how to put it right.</param>
public sealed record AnswerError(string Field, string Message);

/// <summary>
/// Answers as the app keeps them, one canonical JSON value per question ID, and the checklist's answers document
/// built from them: <c>{"persecution": {"grounds": ["race"]}}</c>, the shape the generated validator reads.
/// </summary>
internal static class Answers
{
    /// <summary>The longest text answer, in characters.</summary>
    public const int MaxTextLength = 10_000;

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The question's member in the answers document (its safeguard, or "facts") and its own name.</summary>
    public static (string Member, string Name) Split(string questionId)
    {
        var dot = questionId.LastIndexOf('.');
        return dot < 0 ? (string.Empty, questionId) : (questionId[..dot], questionId[(dot + 1)..]);
    }

    /// <summary>The answers document the checklist's validator reads.</summary>
    public static string Document(IChecklist checklist, IReadOnlyDictionary<string, string> answers) =>
        Json(writer => WriteDocument(writer, checklist, answers));

    /// <summary>Writes the answers document, one member per safeguard with answers, in checklist order.</summary>
    public static void WriteDocument(Utf8JsonWriter writer, IChecklist checklist, IReadOnlyDictionary<string, string> answers)
    {
        writer.WriteStartObject();
        foreach (var group in checklist.Rules.Questions.Where(q => answers.ContainsKey(q.Id)).GroupBy(q => Split(q.Id).Member))
        {
            writer.WritePropertyName(group.Key);
            writer.WriteStartObject();
            foreach (var question in group)
            {
                writer.WritePropertyName(Split(question.Id).Name);
                writer.WriteRawValue(answers[question.Id]);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The assessment of the answers, with reasons and explanation in <paramref name="language"/>.</summary>
    public static AssessmentResult Assess(IChecklist checklist, IReadOnlyDictionary<string, string> answers, string language)
    {
        var result = checklist.ValidateJson(Document(checklist, answers));
        return language == "en" ? result : result.In(language);
    }

    /// <summary>A value as canonical JSON.</summary>
    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Reads one answer given as JSON (an uploaded file, or a stored value), checking it fits the question; the
    /// canonical JSON of the answer, or null with the error at <paramref name="path"/>.
    /// </summary>
    public static string? Read(QuestionInfo question, JsonElement value, string path, List<AnswerError> errors)
    {
        if (!question.IsList)
        {
            return Item(question, value, path, errors) is { } item ? Json(w => item(w)) : null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new AnswerError(path, "Expected a list (a JSON array), [] for none: " + Expected(question) + " each."));
            return null;
        }

        var items = new List<Action<Utf8JsonWriter>>();
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            if (Item(question, element, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", errors) is { } item)
            {
                items.Add(item);
            }

            index++;
        }

        if (items.Count != index)
        {
            return null;
        }

        return Json(w =>
        {
            w.WriteStartArray();
            foreach (var item in items)
            {
                item(w);
            }

            w.WriteEndArray();
        });
    }

    private static Action<Utf8JsonWriter>? Item(QuestionInfo question, JsonElement value, string path, List<AnswerError> errors)
    {
        switch (question.Type)
        {
            case AnswerType.YesNo when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                var flag = value.GetBoolean();
                return w => w.WriteBooleanValue(flag);
            case AnswerType.Choice when value.ValueKind == JsonValueKind.String && question.Options.Any(o => o.Id == value.GetString()):
                var option = value.GetString()!;
                return w => w.WriteStringValue(option);
            case AnswerType.Text when value.ValueKind == JsonValueKind.String:
                var text = value.GetString()!;
                if (TextProblem(text) is { } problem)
                {
                    errors.Add(new AnswerError(path, problem));
                    return null;
                }

                return w => w.WriteStringValue(text);
            case AnswerType.Date when value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return w => w.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case AnswerType.Number when value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number):
                return w => w.WriteNumberValue(number);
            default:
                errors.Add(new AnswerError(path, "Expected " + Expected(question) + "."));
                return null;
        }
    }

    /// <summary>What an answer to the question looks like, for messages.</summary>
    public static string Expected(QuestionInfo question) => question.Type switch
    {
        AnswerType.YesNo => "true or false",
        AnswerType.Choice => "one of the options " + string.Join(", ", question.Options.Select(o => "\"" + o.Id + "\"")),
        AnswerType.Text => "a text of at most " + MaxTextLength.ToString("N0", CultureInfo.InvariantCulture) + " characters",
        AnswerType.Date => "a date written \"yyyy-mm-dd\", like \"2024-12-24\"",
        _ => "a number, like 5 or 2.5",
    };

    /// <summary>Why a text cannot be kept (too long, or holding a direction control that would reorder what others read), or null.</summary>
    public static string? TextProblem(string text, int maxLength = MaxTextLength)
    {
        if (text.Length > maxLength)
        {
            return "Enter at most " + maxLength.ToString("N0", CultureInfo.InvariantCulture) + " characters; this text has " + text.Length.ToString("N0", CultureInfo.InvariantCulture) + ".";
        }

        return SafeHtml.FirstDirectionControl(text) is { } control
            ? "Remove the invisible character " + control + ": it changes the order in which others would read the text."
            : null;
    }
}
