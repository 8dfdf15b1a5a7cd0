using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace SafeguardGen.Examples.AssessmentWeb.Assessing;

/// <summary>
/// The form controls of a question and how its posted value is read. Field names carry the question's ID
/// (<c>q:persecution.grounds</c>); element ids carry its position (<c>q-4</c>), which the error summary links to.
/// A list of choices is a set of checkboxes with an exclusive "None of these"; any other list is one item a line.
/// </summary>
internal static class AnswerForm
{
    /// <summary>The posted value meaning "not answered" in the views that can clear an answer.</summary>
    public const string NotAnswered = "";

    public static string FieldName(QuestionInfo question) => "q:" + question.Id;

    public static string NoneFieldName(QuestionInfo question) => "q:" + question.Id + ":none";

    public static string ElementId(IChecklist checklist, QuestionInfo question) =>
        "q-" + checklist.Rules.QuestionPositions[question.Id].ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads the question's posted answer: the canonical JSON value, null when nothing was given (or "Not answered"
    /// chosen), and an error naming the fix when what was given cannot be an answer.
    /// </summary>
    public static (string? Value, string? Error) Read(QuestionInfo question, IFormCollection form)
    {
        var values = form[FieldName(question)].Where(v => v is not null).Select(v => v!).ToList();
        if (question.IsList && question.Type == AnswerType.Choice)
        {
            var none = form[NoneFieldName(question)].Count > 0;
            var chosen = values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (none && chosen.Count > 0)
            {
                return (null, "Select \"None of these\" or one or more options, not both.");
            }

            if (chosen.Any(c => question.Options.All(o => o.Id != c)))
            {
                return (null, "Select from the options shown.");
            }

            if (!none && chosen.Count == 0)
            {
                return (null, null);
            }

            // The options in the checklist's order, whatever order the browser sent them in.
            var ordered = question.Options.Where(o => chosen.Contains(o.Id)).Select(o => o.Id).ToList();
            return (Answers.Json(w =>
            {
                w.WriteStartArray();
                foreach (var option in ordered)
                {
                    w.WriteStringValue(option);
                }

                w.WriteEndArray();
            }), null);
        }

        var text = values.Count == 0 ? string.Empty : values[0];
        if (question.IsList)
        {
            if (form[NoneFieldName(question)].Count > 0)
            {
                return text.Trim().Length > 0 ? (null, "Tick \"None\" or enter items, not both.") : ("[]", null);
            }

            var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0)
            {
                return (null, null);
            }

            var items = new List<string>();
            foreach (var line in lines)
            {
                var (item, error) = Item(question, line);
                if (error is not null)
                {
                    return (null, "Line \"" + Shorten(line) + "\": " + error);
                }

                items.Add(item!);
            }

            return ("[" + string.Join(",", items) + "]", null);
        }

        return text.Trim().Length == 0 ? (null, null) : Item(question, question.Type == AnswerType.Text ? text : text.Trim());
    }

    private static (string? Value, string? Error) Item(QuestionInfo question, string text)
    {
        switch (question.Type)
        {
            case AnswerType.YesNo:
                return text switch
                {
                    "yes" => ("true", null),
                    "no" => ("false", null),
                    _ => (null, "Select yes or no."),
                };
            case AnswerType.Choice:
                return question.Options.Any(o => o.Id == text) ? (Answers.Json(w => w.WriteStringValue(text)), null) : (null, "Select one of the options shown.");
            case AnswerType.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (Answers.Json(w => w.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), null)
                    : (null, "Enter a real date, written year-month-day, like 2024-12-24.");
            case AnswerType.Number:
                return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? (Answers.Json(w => w.WriteNumberValue(number)), null)
                    : (null, "Enter a number, like 5 or 2.5, with a full stop for decimals.");
            default:
                var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal);
                return Answers.TextProblem(normalised) is { } problem ? (null, problem) : (Answers.Json(w => w.WriteStringValue(normalised)), null);
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
