using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Binding;

/// <summary>
/// Reads a checklist's answers from a request file (<c>{ "checklist": …, "answers": { … } }</c>, or the answers
/// object alone), reporting each problem at its place in the file. One reader for a scenario's <c>answers-from</c>
/// and for the CLI's assessment exports, so both accept exactly the same files.
/// </summary>
public static class RequestFiles
{
    private const string ChecklistMember = "checklist";

    /// <summary>
    /// A request to read: the file's path and text, the checklist it must be for, who reads it (for messages:
    /// "scenario 'x'"), the questions the checklist asks and where their answers live.
    /// </summary>
    internal sealed record Request(string Path, string Text, QualifiedName Checklist, string Reader, IReadOnlyDictionary<QuestionKey, Question> Asked, AnswerPaths Paths);

    /// <summary>
    /// Reads the answers of <paramref name="text"/> for <paramref name="checklist"/>, as a scenario's
    /// <c>answers-from</c> reads them. The answers are in the file's order, each question once; the diagnostics
    /// are located in the file at <paramref name="path"/>.
    /// </summary>
    public static (EquatableArray<ScenarioAnswer> Answers, EquatableArray<Diagnostic> Diagnostics) Read(TreatyModel model, Checklist checklist, string path, string text, string reader)
    {
        var index = model.CreateIndex();
        var asked = new Dictionary<QuestionKey, Question>();
        foreach (var question in checklist.Safeguards.Select(index.FindSafeguard).Where(s => s is not null).SelectMany(s => s!.Questions)
            .Concat(checklist.Facts.Select(index.FindFact).Where(f => f is not null).Select(f => f!)))
        {
            asked[question.Key] = question;
        }

        var answers = new List<ScenarioAnswer>();
        var diagnostics = new List<Diagnostic>();
        Read(
            new Request(path, text, checklist.Name, reader, asked, new AnswerPaths(checklist.Name, checklist.Safeguards, checklist.Facts)),
            (descriptor, location, args) =>
            {
                if (diagnostics.Count <= DiagnosticBag.MaxErrorsPerFile)
                {
                    diagnostics.Add(Diagnostic.Create(descriptor, location, args));
                }
            },
            (word, candidates) => Suggestions.Closest(word, candidates),
            answer =>
            {
                var at = answers.FindIndex(a => a.Question == answer.Question);
                if (at < 0)
                {
                    answers.Add(answer);
                }
                else
                {
                    answers[at] = answer;
                }
            });
        return (answers.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>The checklist a request file names (<c>{ "checklist": "budapest.extradition-review", … }</c>), or null.</summary>
    public static string? NamedChecklist(string text) =>
        AnswersFileParser.Parse(text).Root is { Kind: JsonKind.Map } root && root.Members.FirstOrDefault(m => m.Name == ChecklistMember) is { Value.Kind: JsonKind.Text } named
            ? named.Value.Text
            : null;

    internal static void Read(Request request, Action<DiagnosticDescriptor, SourceLocation, object[]> report, Func<string, IEnumerable<string>, string?> suggest, Action<ScenarioAnswer> put)
    {
        var lines = LineMap.Create(request.Path, request.Text);
        void ReportIn(DiagnosticDescriptor descriptor, TextSpan span, params object[] args) => report(descriptor, lines.GetLocation(span), args);

        if (request.Text.Length > TreatyCompiler.MaxFileLength)
        {
            ReportIn(DiagnosticDescriptors.AnswersFileInvalid, new TextSpan(0, 0), "The answers file has more than " + TreatyCompiler.MaxFileLength.ToString(CultureInfo.InvariantCulture) + " characters; a request file is far smaller");
            return;
        }

        var (root, error, errorSpan) = AnswersFileParser.Parse(request.Text);
        if (root is null)
        {
            ReportIn(DiagnosticDescriptors.AnswersFileInvalid, errorSpan, "The answers file is not valid JSON: " + error + "; fix the file");
            return;
        }

        if (root.Kind != JsonKind.Map)
        {
            ReportIn(DiagnosticDescriptors.AnswersFileInvalid, root.Span, "The answers file must hold a JSON object: a request { \"checklist\": …, \"answers\": { … } } or the answers alone");
            return;
        }

        var body = root;
        var answersMember = root.Members.FirstOrDefault(m => m.Name == "answers");
        if (answersMember is not null)
        {
            var checklistMember = root.Members.FirstOrDefault(m => m.Name == ChecklistMember);
            if (checklistMember is { Value.Kind: JsonKind.Text } && checklistMember.Value.Text != request.Checklist.ToString())
            {
                ReportIn(DiagnosticDescriptors.AnswersFileOtherChecklist, checklistMember.Value.Span, checklistMember.Value.Text, request.Reader, request.Checklist.ToString());
                return;
            }

            body = answersMember.Value;
            if (body.Kind != JsonKind.Map)
            {
                ReportIn(DiagnosticDescriptors.AnswersFileInvalid, body.Span, "\"answers\" must be a JSON object of the checklist's safeguards and facts");
                return;
            }
        }

        var owners = new Dictionary<string, List<Question>>(StringComparer.Ordinal);
        foreach (var question in request.Asked.Values)
        {
            var member = question.Key.IsFact ? AnswerPaths.FactsMember : request.Paths.SafeguardMember(question.Owner);
            if (!owners.TryGetValue(member, out var list))
            {
                owners[member] = list = new List<Question>();
            }

            list.Add(question);
        }

        foreach (var owner in body.Members)
        {
            if (!owners.TryGetValue(owner.Name, out var ownerQuestions))
            {
                var suggestion = suggest(owner.Name, owners.Keys);
                ReportIn(DiagnosticDescriptors.QuestionNotAsked, owner.NameSpan, request.Checklist.Name, owner.Name, suggestion is null ? "; the answers' members are its safeguards and \"facts\"" : "; did you mean '" + suggestion + "'?");
                continue;
            }

            if (owner.Value.Kind == JsonKind.Null)
            {
                continue;
            }

            if (owner.Value.Kind != JsonKind.Map)
            {
                ReportIn(DiagnosticDescriptors.AnswersFileInvalid, owner.Value.Span, "\"" + owner.Name + "\" must be a JSON object of its questions' answers");
                continue;
            }

            foreach (var member in owner.Value.Members)
            {
                var question = ownerQuestions.FirstOrDefault(q => request.Paths.QuestionMember(q.Key) == member.Name);
                if (question is null)
                {
                    var suggestion = suggest(member.Name, ownerQuestions.Select(q => request.Paths.QuestionMember(q.Key)));
                    ReportIn(DiagnosticDescriptors.QuestionNotAsked, member.NameSpan, request.Checklist.Name, owner.Name + "." + member.Name, suggestion is null ? "; answer one of its questions" : "; did you mean '" + suggestion + "'?");
                    continue;
                }

                if (member.Value.Kind == JsonKind.Null)
                {
                    continue;
                }

                var values = JsonValues(member.Value, question, owner.Name + "." + member.Name, ReportIn);
                if (values is not null)
                {
                    put(new ScenarioAnswer(question.Key, question.Type, values.Value, lines.GetLocation(member.Value.Span)));
                }
            }
        }
    }

    private static EquatableArray<Literal>? JsonValues(JsonNode node, Question question, string written, Action<DiagnosticDescriptor, TextSpan, object[]> report)
    {
        var items = question.Type.IsList ? (node.Kind == JsonKind.List ? node.Items : default) : new[] { node }.ToEquatableArray();
        if (question.Type.IsList && node.Kind != JsonKind.List)
        {
            report(DiagnosticDescriptors.AnswerDoesNotFit, node.Span, new object[] { "This value", question.Type.ToString(), written, "a JSON array, [] for none" });
            return null;
        }

        var literals = new List<Literal>();
        foreach (var item in items)
        {
            var literal = JsonValue(item, question);
            if (literal is null)
            {
                var isOption = question.Type.Value == ValueType.Choice && item.Kind == JsonKind.Text;
                report(
                    isOption ? DiagnosticDescriptors.UnknownOption : DiagnosticDescriptors.AnswerDoesNotFit,
                    item.Span,
                    isOption ? new object[] { item.Text, written, Binder.OptionList(question.Options) } : new object[] { "This value", AnswerType.Describe(question.Type.Value), written, JsonExample(question.Type.Value) });
                return null;
            }

            literals.Add(literal);
        }

        return literals.ToEquatableArray();
    }

    private static string JsonExample(ValueType type) => type switch
    {
        ValueType.YesNo => "true or false",
        ValueType.Choice => "an option's name as a string",
        ValueType.Text => "a string",
        ValueType.Date => "a date as a string, e.g. \"2024-12-24\"",
        _ => "a number, e.g. 4",
    };

    private static Literal? JsonValue(JsonNode node, Question question)
    {
        switch (question.Type.Value)
        {
            case ValueType.YesNo:
                return node.Kind is JsonKind.True or JsonKind.False ? new Literal(ValueType.YesNo, node.Kind == JsonKind.True ? "yes" : "no") : null;
            case ValueType.Choice:
                return node.Kind == JsonKind.Text && question.Options.Any(o => o.Name == node.Text) ? new Literal(ValueType.Choice, node.Text) : null;
            case ValueType.Text:
                return node.Kind == JsonKind.Text ? new Literal(ValueType.Text, node.Text) : null;
            case ValueType.Date:
                return node.Kind == JsonKind.Text && DateTime.TryParseExact(node.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? new Literal(ValueType.Date, node.Text) : null;
            default:
                return node.Kind == JsonKind.Number && decimal.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? new Literal(ValueType.Number, Binder.Canonical(node.Text)) : null;
        }
    }
}
