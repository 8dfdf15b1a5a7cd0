using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Binding;

internal sealed partial class Binder
{
    /// <summary>The request files scenarios read, by resolved path.</summary>
    private readonly Dictionary<string, AnswersFile> answersFiles = new(StringComparer.Ordinal);

    /// <summary>
    /// Binds scenarios after every checklist: the checklist, the answers (of the request file first, then the
    /// scenario's own, which replace the file's), and the expectations. A scenario whose checklist does not
    /// resolve is not checked further, so a typo in its name gives one diagnostic.
    /// </summary>
    private void BindScenarios(Scope scope)
    {
        foreach (var syntax in scope.Symbols.Values.OfType<ScenarioSyntax>().OrderBy(s => s.Span.Start))
        {
            Require(scope, syntax.Description is not null, syntax, "description", "'description \"...\"' saying the case in plain words");
            if (!Require(scope, syntax.Checklist is not null, syntax, "checklist", "'checklist <name>' naming the checklist it tests"))
            {
                continue;
            }

            var resolved = ResolveDeclaration(scope, syntax.Checklist!, "checklist");
            var checklist = resolved is null ? null : scopes[resolved.Value.Name.Treaty].Checklists.FirstOrDefault(c => c.Name == resolved.Value.Name);
            if (checklist is null)
            {
                continue;
            }

            var asked = new Dictionary<QuestionKey, Question>();
            foreach (var question in checklist.Safeguards.Where(safeguards.ContainsKey).SelectMany(s => safeguards[s].Questions).Concat(checklist.Facts.Select(f => questions.TryGetValue(new QuestionKey(f, null), out var q) ? q : null).Where(q => q is not null).Select(q => q!)))
            {
                asked[question.Key] = question;
            }

            var context = new ScenarioContext(syntax, checklist, asked, new AnswerPaths(checklist.Name, checklist.Safeguards, checklist.Facts));
            var answers = new List<ScenarioAnswer>();
            if (syntax.AnswersFrom is not null)
            {
                ReadAnswersFile(scope, context, answers);
            }

            BindInlineAnswers(scope, context, answers);
            var (decision, decisionLocation, outcomes, stillNeeded) = BindExpectations(scope, context);
            if (syntax.Expectations.IsEmpty && !syntax.HasErrors)
            {
                Report(scope, DiagnosticDescriptors.ScenarioExpectsNothing, syntax.Name.Span, syntax.Name.Text);
            }

            scope.Scenarios.Add(new Scenario(
                new QualifiedName(scope.Name, syntax.Name.Text),
                checklist.Name,
                Text(syntax.Description) ?? LocalizedText.Plain(syntax.Name.Text),
                syntax.AnswersFrom?.Value,
                answers.ToEquatableArray(),
                decision,
                decisionLocation,
                outcomes.ToEquatableArray(),
                stillNeeded.ToEquatableArray(),
                scope.Lines.GetLocation(syntax.Name.Span)));
        }
    }

    /// <summary>Whether a measure writes a scope, bound or not: a scope with an error is not "no scope" (one typo, one diagnostic).</summary>
    private bool WritesScope(QualifiedName measure) =>
        scopes.TryGetValue(measure.Treaty, out var treaty) && treaty.Symbols.TryGetValue(measure.Name, out var syntax) && syntax is MeasureSyntax { Scope: not null };

    private sealed record ScenarioContext(ScenarioSyntax Syntax, Checklist Checklist, Dictionary<QuestionKey, Question> Asked, AnswerPaths Paths);

    /// <summary>How a question is written in the checklist's answers, for messages: <c>persecution.grounds</c>, <c>coercive</c>.</summary>
    private static string Display(QuestionKey key) => key.Question is null ? key.Owner.Name : key.Owner.Name + "." + key.Question;

    private void BindInlineAnswers(Scope scope, ScenarioContext context, List<ScenarioAnswer> answers)
    {
        var written = new Dictionary<QuestionKey, TextSpan>();
        foreach (var answer in context.Syntax.Answers)
        {
            var question = ResolveAskedQuestion(scope, context, answer.Question);
            if (question is null)
            {
                continue;
            }

            if (written.TryGetValue(question.Key, out var first))
            {
                Report(scope, DiagnosticDescriptors.DuplicateAnswer, answer.Question.Span, answer.Question.Text, context.Syntax.Name.Text, scope.Lines.GetPosition(first.Start).Line);
                continue;
            }

            written[question.Key] = answer.Question.Span;
            var values = BindScenarioValue(scope, answer.Value, question, answer.Question.Text);
            if (values is not null)
            {
                Put(answers, new ScenarioAnswer(question.Key, question.Type, values.Value, scope.Lines.GetLocation(answer.Span)));
            }
        }
    }

    /// <summary>Adds an answer, or replaces the answer to the same question in place (an inline answer replaces the file's).</summary>
    private static void Put(List<ScenarioAnswer> answers, ScenarioAnswer answer)
    {
        var index = answers.FindIndex(a => a.Question == answer.Question);
        if (index < 0)
        {
            answers.Add(answer);
        }
        else
        {
            answers[index] = answer;
        }
    }

    /// <summary>A question named in a scenario, which its checklist must ask (SG0260 otherwise, with the closest it does ask).</summary>
    private Question? ResolveAskedQuestion(Scope scope, ScenarioContext context, NameSyntax name)
    {
        var question = ResolveQuestion(scope, name);
        if (question is null)
        {
            return null;
        }

        if (context.Asked.ContainsKey(question.Key))
        {
            return question;
        }

        ReportNotAsked(scope, context, name.Span, name.Text, Display(question.Key));
        return null;
    }

    private void ReportNotAsked(Scope scope, ScenarioContext context, TextSpan span, string written, string display)
    {
        var suggestion = Suggest(scope, display, context.Asked.Keys.Select(Display));
        Report(scope, DiagnosticDescriptors.QuestionNotAsked, span, context.Checklist.Name.Name, written, suggestion is null ? "; answer one of its questions" : "; did you mean '" + suggestion + "'?");
    }

    private static string Example(Question question) => question.Type.IsList
        ? "a list in parentheses, e.g. (" + (question.Type.Value == ValueType.Choice ? string.Join(", ", question.Options.Take(2).Select(o => o.Name)) : "…") + "), or () for none"
        : question.Type.Value switch
        {
            ValueType.YesNo => "yes or no",
            ValueType.Choice => "one of its options: " + OptionList(question.Options),
            ValueType.Text => "a string, e.g. \"…\"",
            ValueType.Date => "a date, e.g. 2024-12-24",
            _ => "a number, e.g. 4",
        };

    private static string Written(ExpressionSyntax item) => item switch
    {
        LiteralSyntax { Kind: LiteralKind.Text } text => "\"" + text.Value + "\"",
        LiteralSyntax literal => literal.Value,
        NameExpressionSyntax name => name.Name.Text,
        _ => "?",
    };

    private EquatableArray<Literal>? BindScenarioValue(Scope scope, ScenarioValueSyntax value, Question question, string questionText)
    {
        if (value.Items.Any(i => i is ErrorExpressionSyntax))
        {
            return null;
        }

        if (value.IsList != question.Type.IsList)
        {
            var written = value.IsList ? "(" + string.Join(", ", value.Items.Select(Written)) + ")" : Written(value.Items[0]);
            Report(scope, DiagnosticDescriptors.AnswerDoesNotFit, value.Span, "'" + written + "'", question.Type.ToString(), questionText, Example(question));
            return null;
        }

        return BindAll(value.Items, item => BindScenarioItem(scope, item, question, questionText));
    }

    private Literal? BindScenarioItem(Scope scope, ExpressionSyntax item, Question question, string questionText)
    {
        var type = question.Type.Value;
        if (type == ValueType.Choice && item is NameExpressionSyntax option)
        {
            return BindOption(scope, option, question, questionText);
        }

        if (item is LiteralSyntax literal && type != ValueType.Choice && LiteralFits(literal.Kind, type))
        {
            return new Literal(type, type == ValueType.Number ? Canonical(literal.Value) : literal.Value);
        }

        Report(scope, DiagnosticDescriptors.AnswerDoesNotFit, item.Span, "'" + Written(item) + "'", AnswerType.Describe(type), questionText, Example(question with { Type = question.Type with { IsList = false } }));
        return null;
    }

    /// <summary>A number in invariant form without trailing zeros, so that <c>5</c>, <c>5.0</c> and JSON's <c>5e0</c> are one answer.</summary>
    internal static string Canonical(string number) =>
        decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : number;

    private (ExpectedDecision? Decision, SourceLocation? Location, List<OutcomeExpectation> Outcomes, List<StillNeededExpectation> StillNeeded) BindExpectations(Scope scope, ScenarioContext context)
    {
        ExpectedDecision? decision = null;
        SourceLocation? decisionLocation = null;
        var outcomes = new List<OutcomeExpectation>();
        var stillNeeded = new List<StillNeededExpectation>();
        foreach (var expectation in context.Syntax.Expectations)
        {
            var location = scope.Lines.GetLocation(expectation.Span);
            switch (expectation.Kind)
            {
                case "decision":
                    decision = expectation.Word.Text switch
                    {
                        "proceed" => ExpectedDecision.Proceed,
                        "may-refuse" => ExpectedDecision.MayRefuse,
                        "must-refuse" => ExpectedDecision.MustRefuse,
                        "outside-instrument" => ExpectedDecision.OutsideInstrument,
                        _ => ExpectedDecision.Incomplete,
                    };
                    decisionLocation = location;
                    if (decision == ExpectedDecision.OutsideInstrument && measures.TryGetValue(context.Checklist.Measure, out var measure) && !WritesScope(measure.Name))
                    {
                        Report(scope, DiagnosticDescriptors.ScopeExpectedWithoutScope, expectation.Word.Span, context.Syntax.Name.Text, DisplayName(scope, measure.Name), DisplayName(scope, context.Checklist.Name));
                    }

                    break;
                case "outcome":
                    var outcome = BindOutcome(scope, context, expectation, location);
                    if (outcome is not null)
                    {
                        outcomes.Add(outcome);
                    }

                    break;
                default:
                    var keys = new List<QuestionKey>();
                    var complete = true;
                    foreach (var name in expectation.Questions)
                    {
                        var question = ResolveAskedQuestion(scope, context, name);
                        complete &= question is not null;
                        if (question is not null && !keys.Contains(question.Key))
                        {
                            keys.Add(question.Key);
                        }
                    }

                    if (complete)
                    {
                        var match = expectation.Word.Text switch
                        {
                            "exactly" => StillNeededMatch.Exactly,
                            "includes" => StillNeededMatch.Includes,
                            _ => StillNeededMatch.Excludes,
                        };
                        stillNeeded.Add(new StillNeededExpectation(match, keys.ToEquatableArray(), location));
                    }

                    break;
            }
        }

        return (decision, decisionLocation, outcomes, stillNeeded);
    }

    private OutcomeExpectation? BindOutcome(Scope scope, ScenarioContext context, ExpectationSyntax expectation, SourceLocation location)
    {
        var resolved = ResolveDeclaration(scope, expectation.Safeguard!, "safeguard");
        if (resolved is null)
        {
            return null;
        }

        var name = resolved.Value.Name;
        if (!context.Checklist.Safeguards.Contains(name))
        {
            var suggestion = Suggest(scope, name.Name, context.Checklist.Safeguards.Select(s => s.Name));
            Report(scope, DiagnosticDescriptors.SafeguardNotInChecklist, expectation.Safeguard!.Span, context.Checklist.Name.Name, expectation.Safeguard.Text, suggestion is null ? "; name one of its safeguards" : "; did you mean '" + suggestion + "'?");
            return null;
        }

        var word = expectation.Word.Text;
        if (word is "holds" or "does-not-hold" && safeguards.TryGetValue(name, out var safeguard) && safeguard.RefusalGround == RefusalGround.None)
        {
            Report(scope, DiagnosticDescriptors.OutcomeOnlyForGrounds, expectation.Word.Span, expectation.Safeguard!.Text, word);
            return null;
        }

        // A ground holds when it is not satisfied: its tests ask whether there is a reason to refuse.
        var outcome = word switch
        {
            "satisfied" or "does-not-hold" => ExpectedOutcome.Satisfied,
            "not-satisfied" or "holds" => ExpectedOutcome.NotSatisfied,
            "not-applicable" => ExpectedOutcome.NotApplicable,
            _ => ExpectedOutcome.Unanswered,
        };
        return new OutcomeExpectation(name, outcome, location);
    }

    /// <summary>Reads the answers of the scenario's request file, reporting each problem at its place in the file.</summary>
    private void ReadAnswersFile(Scope scope, ScenarioContext context, List<ScenarioAnswer> answers)
    {
        var from = context.Syntax.AnswersFrom!;
        var path = AnswersFiles.Resolve(scope.Lines.Path, from.Value);
        var file = answersFiles.TryGetValue(path, out var found) ? found : new AnswersFile(path, null, BindGroups.NotGiven);
        if (file.Text is null)
        {
            Report(scope, DiagnosticDescriptors.AnswersFileUnreadable, from.Span, from.Value, file.Problem ?? "no text");
            return;
        }

        RequestFiles.Read(
            new RequestFiles.Request(path, file.Text, context.Checklist.Name, "scenario '" + context.Syntax.Name.Text + "'", context.Asked, context.Paths),
            (descriptor, location, args) =>
            {
                if (!Flooded(scope))
                {
                    scope.Errors++;
                    diagnostics.Add(Diagnostic.Create(descriptor, location, args));
                }
            },
            (word, candidates) => Suggest(scope, word, candidates),
            answer => Put(answers, answer));
    }
}
