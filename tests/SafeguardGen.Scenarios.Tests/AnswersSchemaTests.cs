using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NJsonSchema;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Emit;

namespace SafeguardGen.Scenarios.Tests;

/// <summary>
/// Each checklist's answers schema accepts exactly what its generated reader accepts: on every example request, and
/// on hostile documents built from the checklist's own questions (wrong types, nulls where none may be, unknown or
/// miscased members, impossible dates, numbers beyond <c>decimal</c>, unpaired surrogates).
/// </summary>
public sealed class AnswersSchemaTests
{
    public static TheoryData<string> Checklists() => new(Examples.Slices.Select(s => s.Id));

    private static readonly Dictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    private static JsonSchema Schema(ChecklistSlice slice)
    {
        lock (Schemas)
        {
            if (!Schemas.TryGetValue(slice.Id, out var schema))
            {
                Schemas[slice.Id] = schema = JsonSchema.FromJsonAsync(AnswersSchema.Emit(slice)).GetAwaiter().GetResult();
            }

            return schema;
        }
    }

    [Theory]
    [MemberData(nameof(Checklists))]
    public void The_generated_checklist_holds_the_same_schema_as_the_schema_command_writes(string id)
    {
        var slice = Examples.Slices.Single(s => s.Id == id);

        Assert.Equal(AnswersSchema.Emit(slice), Examples.Checklist(slice).AnswersSchema);
    }

    [Fact]
    public void Every_example_request_is_valid_against_its_checklists_schema()
    {
        var folders = new[] { Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples", "AssessmentApp", "requests"), Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples", "scenarios", "requests") };
        var requests = folders.SelectMany(f => Directory.GetFiles(f, "*.json")).ToList();
        Assert.NotEmpty(requests);
        foreach (var path in requests)
        {
            using var request = JsonDocument.Parse(File.ReadAllText(path));
            var slice = Examples.Slices.Single(s => s.Id == request.RootElement.GetProperty("checklist").GetString());
            var answers = request.RootElement.GetProperty("answers").GetRawText();

            Assert.True(Schema(slice).Validate(answers).Count == 0, path + ": " + string.Join("; ", Schema(slice).Validate(answers)));
            Examples.Checklist(slice).ValidateJson(answers);
        }
    }

    [Theory]
    [MemberData(nameof(Checklists))]
    public void The_schema_accepts_exactly_what_the_generated_reader_accepts_on_hostile_documents(string id)
    {
        var slice = Examples.Slices.Single(s => s.Id == id);
        var checklist = Examples.Checklist(slice);
        var schema = Schema(slice);
        var documents = Documents(new ChecklistLayout(slice)).ToList();
        var disagreements = new List<string>();
        foreach (var document in documents)
        {
            var readerAccepts = true;
            try
            {
                checklist.ValidateJson(document);
            }
            catch (JsonException)
            {
                readerAccepts = false;
            }

            var schemaAccepts = SchemaAccepts(schema, document);
            if (readerAccepts != schemaAccepts)
            {
                disagreements.Add((readerAccepts ? "reader accepts, schema rejects: " : "schema accepts, reader rejects: ") + document);
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        Assert.True(documents.Count > 20);
    }

    /// <summary>
    /// Whether the schema accepts the document. NJsonSchema reads JSON with Newtonsoft.Json, which replaces an
    /// unpaired surrogate before validation and cannot compare a number beyond <c>long</c> and <c>double</c>
    /// precision with a bound: for those values the schema's own pattern and bounds are applied to the value as
    /// System.Text.Json decodes it, exactly as a JSON Schema validator must.
    /// </summary>
    private static bool SchemaAccepts(JsonSchema schema, string document)
    {
        var leaf = Leaf(document);
        if (leaf is { ValueKind: JsonValueKind.String } text && document.Contains("\\ud", StringComparison.Ordinal))
        {
            // The hostile texts use only \\uXXXX escapes, which Regex.Unescape decodes as JSON does, unpaired or not.
            var raw = System.Text.RegularExpressions.Regex.Unescape(text.GetRawText()[1..^1]);
            return System.Text.RegularExpressions.Regex.IsMatch(raw, AnswersSchema.WellFormedTextPattern) && schema.Validate(document.Replace(text.GetRawText(), "\"text\"", StringComparison.Ordinal)).Count == 0;
        }

        try
        {
            return schema.Validate(document).Count == 0;
        }
        catch (InvalidCastException) when (leaf is { ValueKind: JsonValueKind.Number } number)
        {
            var literal = number.GetRawText();
            var within = literal.Contains('e', StringComparison.OrdinalIgnoreCase) || literal.Contains('.', StringComparison.Ordinal)
                ? Math.Abs(double.Parse(literal, System.Globalization.CultureInfo.InvariantCulture)) <= (double)decimal.MaxValue
                : System.Numerics.BigInteger.Abs(System.Numerics.BigInteger.Parse(literal, System.Globalization.CultureInfo.InvariantCulture)) <= new System.Numerics.BigInteger(decimal.MaxValue);
            return within && schema.Validate(document.Replace(literal, "4", StringComparison.Ordinal)).Count == 0;
        }
    }

    /// <summary>The one answer of a document <c>{"owner":{"question":value}}</c>, or null for any other shape.</summary>
    private static JsonElement? Leaf(string document)
    {
        try
        {
            var root = JsonDocument.Parse(document).RootElement;
            return root.ValueKind == JsonValueKind.Object && root.EnumerateObject().SingleOrDefault().Value is { ValueKind: JsonValueKind.Object } owner && owner.EnumerateObject().Count() == 1
                ? owner.EnumerateObject().Single().Value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The documents to try: shape errors, then for every question valid and invalid values of every kind.</summary>
    private static IEnumerable<string> Documents(ChecklistLayout layout)
    {
        yield return "{}";
        yield return "[]";
        yield return "null";
        yield return "\"answers\"";
        yield return """{"no-such-safeguard":{}}""";
        var first = layout.Questions[0];
        var owner = Owner(layout, first);
        yield return "{" + JsonText.Quote(owner) + ":null}";
        yield return "{" + JsonText.Quote(owner) + ":[]}";
        yield return "{" + JsonText.Quote(owner) + ":\"x\"}";
        yield return "{" + JsonText.Quote(owner.ToUpperInvariant()) + ":{}}";
        yield return "{" + JsonText.Quote(owner) + ":{\"no-such-question\":null}}";
        foreach (var question in layout.Questions)
        {
            var member = layout.Paths.QuestionMember(question.Key);
            foreach (var value in Values(question))
            {
                yield return "{" + JsonText.Quote(Owner(layout, question)) + ":{" + JsonText.Quote(member) + ":" + value + "}}";
            }

            yield return "{" + JsonText.Quote(Owner(layout, question)) + ":{" + JsonText.Quote(member.ToUpperInvariant()) + ":null}}";
        }
    }

    private static string Owner(ChecklistLayout layout, Question question) =>
        question.Key.IsFact ? AnswerPaths.FactsMember : layout.Paths.SafeguardMember(question.Owner);

    private static IEnumerable<string> Values(Question question)
    {
        var singles = Singles(question);
        if (!question.Type.IsList)
        {
            return singles.Append("null").Append("[]");
        }

        return singles.Select(v => "[" + v + "]").Concat(new[] { "[]", "null", "[null]", singles[0], "{}" });
    }

    private static string[] Singles(Question question)
    {
        switch (question.Type.Value)
        {
            case Language.Binding.ValueType.YesNo:
                return new[] { "true", "false", "\"true\"", "1", "{}" };
            case Language.Binding.ValueType.Choice:
                var option = question.Options[0].Name;
                return new[] { JsonText.Quote(option), "\"no-such-option\"", JsonText.Quote(option.ToUpperInvariant()), "0", JsonText.Quote(option + " ") };
            case Language.Binding.ValueType.Text:
                return new[] { "\"a text\"", "\"\"", "1", "true", "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"" };
            case Language.Binding.ValueType.Date:
                return new[]
                {
                    "\"2024-02-29\"", "\"2023-02-29\"", "\"2000-02-29\"", "\"1900-02-29\"", "\"2024-13-01\"", "\"2024-04-31\"", "\"0000-01-01\"", "\"0001-01-01\"",
                    "\"9999-12-31\"", "\"2024-1-01\"", "\"2024-01-01T00:00:00\"", "\" 2024-01-01\"", "\"\\uff12\\uff10\\uff12\\uff14-01-01\"", "20240101",
                };
            default:
                return new[]
                {
                    "4", "-1.5", "1e2", "0.000001", "79228162514264337593543950335", "-79228162514264337593543950335", "79228162514264337593543950336",
                    "1e400", "-1e400", "\"4\"", "true",
                };
        }
    }
}
