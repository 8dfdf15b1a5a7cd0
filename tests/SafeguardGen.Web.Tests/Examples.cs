using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SafeguardGen.Examples.AssessmentWeb.Assessing;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Scenarios;

namespace SafeguardGen.Web.Tests;

/// <summary>The example checklists the app serves, and the scenarios that pin their decision rules.</summary>
internal static class Examples
{
    public static Catalog Catalog { get; } = new();

    public static IReadOnlyList<Scenario> Scenarios { get; } = Load();

    public static string Requests { get; } = Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples", "AssessmentApp", "requests");

    /// <summary>The form values that give an answer, as a browser would post them.</summary>
    public static Dictionary<string, object?> FormFields(QuestionInfo question, AnswerValue value)
    {
        var fields = new Dictionary<string, object?>();
        var name = "q:" + question.Id;
        if (value.Kind == AnswerValueKind.List && question.Type == AnswerType.Choice)
        {
            var items = value.Items.ToArray();
            if (items.Length == 0)
            {
                fields[name + ":none"] = "none";
                fields[name] = null;
            }
            else
            {
                fields[name] = items.Select(i => question.Options[i.AsOption].Id).ToArray();
            }

            return fields;
        }

        if (value.Kind == AnswerValueKind.List)
        {
            var items = value.Items.ToArray();
            if (items.Length == 0)
            {
                fields[name + ":none"] = "none";
                fields[name] = string.Empty;
            }
            else
            {
                fields[name] = string.Join("\n", items.Select(i => Item(question, i)));
            }

            return fields;
        }

        fields[name] = Item(question, value);
        return fields;
    }

    private static string Item(QuestionInfo question, AnswerValue value) => value.Kind switch
    {
        AnswerValueKind.YesNo => value.AsBool ? "yes" : "no",
        AnswerValueKind.Choice => question.Options[value.AsOption].Id,
        AnswerValueKind.Date => value.AsDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        AnswerValueKind.Number => value.AsNumber.ToString(CultureInfo.InvariantCulture),
        _ => value.AsText,
    };

    private static List<Scenario> Load()
    {
        var root = Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples");
        var parsed = Directory.GetFiles(Path.Combine(root, "treaties"), "*.treaty").Concat(Directory.GetFiles(Path.Combine(root, "scenarios"), "*.treaty"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => TreatyCompiler.Parse(new Language.Text.SourceText(p.Replace('\\', '/'), File.ReadAllText(p))))
            .ToList();

        // Scenarios read their answers from request files beside them ('answers-from').
        var answers = parsed.SelectMany(AnswersFiles.Referenced).Distinct(StringComparer.Ordinal).Select(p => new Language.Compilation.AnswersFile(p, File.ReadAllText(p), null));
        var compiled = TreatyCompiler.Bind(parsed, answers);
        if (compiled.HasErrors)
        {
            throw new InvalidOperationException(string.Join("\n", compiled.Diagnostics));
        }

        return ModelScenarios.From(compiled.Model).Where(s => Catalog.Find(s.Checklist) is not null).ToList();
    }
}
