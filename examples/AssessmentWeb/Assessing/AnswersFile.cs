using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace SafeguardGen.Examples.AssessmentWeb.Assessing;

/// <summary>An answers file read back: the checklist, the case and the answers, or the problems found, each at its JSON path.</summary>
public sealed record AnswersFileContent(IChecklist? Checklist, string? CaseReference, string? Description, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<AnswerError> Errors);

/// <summary>
/// The answers file an assessment downloads and a new one resumes from: the checklist's ID, the case reference,
/// the description and the answers document, the same shape as the console app's request files, so either app
/// reads the other's.
/// </summary>
internal static class AnswersFile
{
    /// <summary>The largest file accepted, in bytes.</summary>
    public const int MaxBytes = 256 * 1024;

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static byte[] Write(IChecklist checklist, string caseReference, string description, IReadOnlyDictionary<string, string> answers)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("checklist", checklist.Id);
            writer.WriteString("caseReference", caseReference);
            writer.WriteString("description", description);
            writer.WritePropertyName("answers");
            Answers.WriteDocument(writer, checklist, answers);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static AnswersFileContent Read(ReadOnlyMemory<byte> bytes, Func<string, IChecklist?> findChecklist)
    {
        var errors = new List<AnswerError>();
        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? " (line " + (line + 1).ToString(CultureInfo.InvariantCulture) + ")" : string.Empty;
            return Failed("$", "The file is not valid JSON" + where + ". Upload a file downloaded from an assessment.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Failed("$", "Expected an object with \"checklist\", \"caseReference\", \"description\" and \"answers\".");
            }

            IChecklist? checklist = null;
            string? caseReference = null;
            string? description = null;
            JsonElement? answersElement = null;
            foreach (var property in root.EnumerateObject())
            {
                var path = "$" + Member(property.Name);
                switch (property.Name)
                {
                    case "checklist" when property.Value.ValueKind == JsonValueKind.String:
                        checklist = findChecklist(property.Value.GetString()!);
                        if (checklist is null)
                        {
                            errors.Add(new AnswerError(path, "No checklist \"" + property.Value.GetString() + "\" in this app."));
                        }

                        break;
                    case "caseReference" when property.Value.ValueKind == JsonValueKind.String:
                        caseReference = Text(property.Value.GetString()!, path, 100, errors);
                        break;
                    case "description" when property.Value.ValueKind == JsonValueKind.String:
                        description = Text(property.Value.GetString()!, path, 2000, errors);
                        break;
                    case "answers" when property.Value.ValueKind == JsonValueKind.Object:
                        answersElement = property.Value;
                        break;
                    case "checklist" or "caseReference" or "description":
                        errors.Add(new AnswerError(path, "Expected a text."));
                        break;
                    case "answers":
                        errors.Add(new AnswerError(path, "Expected an object with one member per safeguard."));
                        break;
                    default:
                        errors.Add(new AnswerError(path, "Unknown member; an answers file has \"checklist\", \"caseReference\", \"description\" and \"answers\"."));
                        break;
                }
            }

            if (checklist is null)
            {
                if (!root.TryGetProperty("checklist", out _))
                {
                    errors.Add(new AnswerError("$.checklist", "Missing: the ID of the checklist the answers belong to."));
                }

                return new AnswersFileContent(null, caseReference, description, answers, errors);
            }

            if (answersElement is { } given)
            {
                ReadAnswers(checklist, given, answers, errors);
            }

            if (errors.Count == 0)
            {
                // The generated validator has the last word on the answers' shape.
                try
                {
                    checklist.ValidateJson(Answers.Document(checklist, answers));
                }
                catch (JsonException error)
                {
                    errors.Add(new AnswerError("$.answers" + (error.Path?.TrimStart('$') ?? string.Empty), error.Message));
                }
            }

            return new AnswersFileContent(checklist, caseReference, description, answers, errors);
        }

        AnswersFileContent Failed(string path, string message) =>
            new(null, null, null, answers, new[] { new AnswerError(path, message) });
    }

    private static void ReadAnswers(IChecklist checklist, JsonElement given, SortedDictionary<string, string> answers, List<AnswerError> errors)
    {
        var byMember = checklist.Rules.Questions.GroupBy(q => Answers.Split(q.Id).Member).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var member in given.EnumerateObject())
        {
            var memberPath = "$.answers" + Member(member.Name);
            if (!byMember.TryGetValue(member.Name, out var questions))
            {
                errors.Add(new AnswerError(memberPath, "Checklist " + checklist.Id + " has no safeguard \"" + member.Name + "\"; it has " + string.Join(", ", byMember.Keys.Select(k => "\"" + k + "\"")) + "."));
                continue;
            }

            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (member.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new AnswerError(memberPath, "Expected an object with one member per question."));
                continue;
            }

            foreach (var answer in member.Value.EnumerateObject())
            {
                var path = memberPath + Member(answer.Name);
                var question = questions.FirstOrDefault(q => Answers.Split(q.Id).Name == answer.Name);
                if (question is null)
                {
                    errors.Add(new AnswerError(path, "\"" + member.Name + "\" has no question \"" + answer.Name + "\"; it has " + string.Join(", ", questions.Select(q => "\"" + Answers.Split(q.Id).Name + "\"")) + "."));
                }
                else if (answer.Value.ValueKind != JsonValueKind.Null && Answers.Read(question, answer.Value, path, errors) is { } value)
                {
                    answers[question.Id] = value;
                }
            }
        }
    }

    private static string? Text(string text, string path, int maxLength, List<AnswerError> errors)
    {
        if (Answers.TextProblem(text, maxLength) is { } problem)
        {
            errors.Add(new AnswerError(path, problem));
            return null;
        }

        return text;
    }

    /// <summary>A member's step in a JSON path: <c>.name</c>, or <c>['name']</c> when the name has other characters.</summary>
    private static string Member(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? "." + name
            : "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
}
