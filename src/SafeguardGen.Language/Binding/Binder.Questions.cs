using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Binding;

internal sealed partial class Binder
{
    private void BindQuestions(Scope scope)
    {
        foreach (var declaration in scope.Symbols.Values.OrderBy(d => d.Span.Start))
        {
            switch (declaration)
            {
                case FactSyntax fact:
                    BindQuestion(scope, fact.Question, new QuestionKey(new QualifiedName(scope.Name, fact.Name.Text), null), "Fact");
                    break;
                case SafeguardSyntax safeguard:
                    var owner = new QualifiedName(scope.Name, safeguard.Name.Text);
                    var seen = new Dictionary<string, IdentifierSyntax>(StringComparer.Ordinal);
                    foreach (var question in safeguard.Questions)
                    {
                        if (question.Name.Text.Length == 0)
                        {
                            continue;
                        }

                        if (seen.TryGetValue(question.Name.Text, out var first))
                        {
                            Report(scope, DiagnosticDescriptors.DuplicateDeclaration, question.Name.Span, question.Name.Text, "safeguard '" + safeguard.Name.Text + "'", scope.Lines.GetPosition(first.Span.Start).Line);
                            continue;
                        }

                        seen.Add(question.Name.Text, question.Name);
                        BindQuestion(scope, question, new QuestionKey(owner, question.Name.Text), "Question");
                    }

                    break;
                case InstrumentSyntax instrument:
                    Require(scope, instrument.Title is not null, instrument, "title", "'title \"...\"'");
                    scope.Instruments.Add(new Instrument(new QualifiedName(scope.Name, instrument.Name.Text), Text(instrument.Title) ?? LocalizedText.Plain(instrument.Name.Text), instrument.Reference?.Value, scope.Lines.GetLocation(instrument.Name.Span), instrument.Source?.Value, WebAddress(scope, instrument.Url)));
                    break;
                case KindSyntax kind:
                    Require(scope, kind.Title is not null, kind, "title", "'title \"...\"'");
                    scope.Kinds.Add(new CustomKind(new QualifiedName(scope.Name, kind.Name.Text), Text(kind.Title) ?? LocalizedText.Plain(kind.Name.Text), Text(kind.Description), scope.Lines.GetLocation(kind.Name.Span)));
                    break;
            }
        }
    }

    private void BindQuestion(Scope scope, QuestionSyntax syntax, QuestionKey key, string what)
    {
        var type = BindAnswerType(scope, syntax.Type);
        Require(scope, syntax.Ask is not null, syntax.HasErrors, what, syntax.Name, "ask", "'ask \"...\"' with the question put to the assessor");

        var options = new List<AnswerOption>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in syntax.Options)
        {
            if (!seen.Add(option.Name.Text))
            {
                Report(scope, DiagnosticDescriptors.DuplicateProperty, option.Name.Span, what, syntax.Name.Text, "an option '" + option.Name.Text + "'");
                continue;
            }

            options.Add(new AnswerOption(option.Name.Text, Text(option.Label) ?? LocalizedText.Plain(option.Name.Text)));
        }

        if (type is not null && !syntax.HasErrors)
        {
            if (type.Value == ValueType.Choice && options.Count == 0)
            {
                Report(scope, DiagnosticDescriptors.OptionsDoNotFit, syntax.Name.Span, what, syntax.Name.Text, "is a " + type + " with no options; add 'option <name> \"label\"' lines");
            }
            else if (type.Value != ValueType.Choice && options.Count > 0)
            {
                Report(scope, DiagnosticDescriptors.OptionsDoNotFit, syntax.Options[0].Name.Span, what, syntax.Name.Text, "is a " + type + " question, so it cannot have options; make it a choice or remove the options");
            }
        }

        optionNames[key] = seen;
        var criterion = type is null || syntax.Criterion is null ? null : BindCriterion(scope, syntax, key, type, options, seen);
        if (type is null)
        {
            return;
        }

        questions[key] = new Question(key, type, Text(syntax.Ask) ?? LocalizedText.Plain(string.Empty), Text(syntax.Guidance), options.ToEquatableArray(), criterion, scope.Lines.GetLocation(syntax.Name.Span));
    }

    private static readonly string[] AnswerTypeNames = { "yes-no", "choice", "text", "date", "number", "list" };
    private static readonly string[] ListElementNames = { "choice", "text", "date", "number" };

    private AnswerType? BindAnswerType(Scope scope, AnswerTypeSyntax syntax)
    {
        if (syntax.Name.Text.Length == 0)
        {
            return null;
        }

        if (syntax.Name.Text == "list")
        {
            var element = syntax.ListElement;
            if (element is null || element.Text.Length == 0)
            {
                return null;
            }

            var elementType = ParseValueType(element.Text);
            if (elementType is null || elementType == ValueType.YesNo)
            {
                Report(scope, DiagnosticDescriptors.UnknownAnswerType, element.Span, element.Text, "a list's element type", string.Join(", ", ListElementNames), Suggestions.Closest(element.Text, ListElementNames) is { } s ? " (did you mean '" + s + "'?)" : string.Empty);
                return null;
            }

            return new AnswerType(elementType.Value, true);
        }

        var value = ParseValueType(syntax.Name.Text);
        if (value is null)
        {
            Report(scope, DiagnosticDescriptors.UnknownAnswerType, syntax.Name.Span, syntax.Name.Text, "an answer type", string.Join(", ", AnswerTypeNames), Suggestions.Closest(syntax.Name.Text, AnswerTypeNames) is { } s ? " (did you mean '" + s + "'?)" : string.Empty);
            return null;
        }

        return new AnswerType(value.Value, false);
    }

    private static ValueType? ParseValueType(string name) => name switch
    {
        "yes-no" => ValueType.YesNo,
        "choice" => ValueType.Choice,
        "text" => ValueType.Text,
        "date" => ValueType.Date,
        "number" => ValueType.Number,
        _ => null,
    };

    private Criterion? BindCriterion(Scope scope, QuestionSyntax question, QuestionKey key, AnswerType type, List<AnswerOption> options, HashSet<string> names)
    {
        var syntax = question.Criterion!;
        var word = syntax.Word?.Text;
        if (word is not null && word.Length == 0)
        {
            return null;
        }

        var text = word is null ? syntax.Operator + " " + syntax.Operand?.Value : word + (syntax.Options.IsEmpty ? string.Empty : " " + string.Join(", ", syntax.Options.Select(o => o.Text)));
        CriterionKind? kind = word switch
        {
            "yes" when !type.IsList && type.Value == ValueType.YesNo => CriterionKind.Yes,
            "no" when !type.IsList && type.Value == ValueType.YesNo => CriterionKind.No,
            "provided" when type.IsList || type.Value == ValueType.Text => CriterionKind.Provided,
            "empty" when type.IsList => CriterionKind.Empty,
            "any-of" when type.Value == ValueType.Choice => CriterionKind.AnyOf,
            "none-of" when type.Value == ValueType.Choice => CriterionKind.NoneOf,
            null when !type.IsList && type.Value is ValueType.Number or ValueType.Date && syntax.Operand is not null && LiteralFits(syntax.Operand.Kind, type.Value) => CriterionKind.Compare,
            _ => null,
        };

        if (kind is null)
        {
            if (word is null && syntax.Operand is null)
            {
                return null;
            }

            Report(scope, DiagnosticDescriptors.CriterionDoesNotFit, syntax.Span, text, type, CriteriaFor(type));
            return null;
        }

        // A choice without options was reported already (SG0224); its criterion cannot be judged.
        if (options.Count == 0 && !syntax.Options.IsEmpty)
        {
            return null;
        }

        foreach (var option in syntax.Options)
        {
            if (!names.Contains(option.Text))
            {
                Report(scope, DiagnosticDescriptors.UnknownOption, option.Span, option.Text, question.Name.Text, OptionList(options));
                return null;
            }
        }

        foreach (var option in syntax.Options)
        {
            Refer(scope, option.Span, SymbolSort.Option, key + "." + option.Text);
        }

        Literal? operand = syntax.Operand is null ? null : new Literal(type.Value, syntax.Operand.Value);
        return new Criterion(kind.Value, syntax.Operator, operand, syntax.Options.Select(o => o.Text).ToEquatableArray(), text);
    }

    private static string CriteriaFor(AnswerType type) => type.IsList
        ? (type.Value == ValueType.Choice ? "'empty', 'provided', 'any-of …' or 'none-of …'" : "'empty' or 'provided'")
        : type.Value switch
        {
            ValueType.YesNo => "'yes' or 'no'",
            ValueType.Choice => "'any-of …' or 'none-of …' with its options",
            ValueType.Text => "'provided'",
            ValueType.Date => "a comparison with a date, e.g. '>= 2024-12-24'",
            _ => "a comparison with a number, e.g. '>= 4'",
        };

    private static bool LiteralFits(LiteralKind kind, ValueType type) => kind switch
    {
        LiteralKind.Yes or LiteralKind.No => type == ValueType.YesNo,
        LiteralKind.Number => type == ValueType.Number,
        LiteralKind.Date => type == ValueType.Date,
        _ => type == ValueType.Text,
    };

    /// <summary>How many options a message lists before it says how many more there are.</summary>
    private const int OptionsListed = 12;

    /// <summary>The options' names for a message: all of a short list, the first few of a long one.</summary>
    internal static string OptionList(IReadOnlyList<AnswerOption> options)
    {
        if (options.Count == 0)
        {
            return "none";
        }

        var listed = string.Join(", ", options.Take(OptionsListed).Select(o => "'" + o.Name + "'"));
        return options.Count <= OptionsListed ? listed : listed + " and " + (options.Count - OptionsListed).ToString(CultureInfo.InvariantCulture) + " more";
    }
}
