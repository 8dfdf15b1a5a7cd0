using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Emit;
using Runtime = SafeguardGen;

namespace SafeguardGen.Scenarios;

/// <summary>
/// A checklist of the bound model as the runtime's rules, with the same metadata, question positions and lowered
/// rules (<see cref="ChecklistLayout"/>) as the C# the generator emits for it, so that running a .treaty file and
/// running its generated validator decide alike.
/// </summary>
public static class ModelRules
{
    /// <summary>Every checklist of the model, by qualified name.</summary>
    public static IReadOnlyDictionary<string, ChecklistRules> Build(TreatyModel model) =>
        ChecklistSlice.From(model).ToDictionary(s => s.Id, Build, System.StringComparer.Ordinal);

    public static ChecklistRules Build(ChecklistSlice slice)
    {
        var layout = new ChecklistLayout(slice);
        var questions = layout.Questions.Select(q => Question(q, layout.Paths)).ToArray();
        var safeguards = layout.Safeguards.Select(s => Safeguard(s, questions)).ToArray();
        var scope = slice.Scope is null || layout.Scope is null ? null : new ScopeRule(slice.Instrument, new ConditionRule(slice.Scope.Text, Rule(layout.Scope.Rule)), layout.Scope.Reads.ToArray());
        return new ChecklistRules(slice.Id, questions, safeguards, scope);
    }

    private static SafeguardRules Safeguard(LoweredSafeguard lowered, QuestionInfo[] questions)
    {
        var safeguard = lowered.Safeguard;
        var info = new SafeguardInfo(
            safeguard.Name.ToString(),
            safeguard.Kinds.Select(k => k.ToString()).ToArray(),
            Text(safeguard.Title),
            safeguard.Citations.Select(c => new Runtime.Citation(c.InstrumentReference, c.Display, c.Verified, c.Note, c.Source, c.Quotes.Select(q => new Runtime.Quote(q.Language, q.Text)).ToArray())).ToArray(),
            lowered.Reads.Take(safeguard.Questions.Count).Select(p => questions[p]).ToArray(),
            safeguard.Guidance is null ? null : Text(safeguard.Guidance),
            safeguard.Severity == Language.Binding.Severity.Blocking ? SafeguardSeverity.Blocking : SafeguardSeverity.Advisory,
            safeguard.RefusalGround switch
            {
                RefusalGround.Mandatory => RefusalGroundKind.Mandatory,
                RefusalGround.Optional => RefusalGroundKind.Optional,
                _ => RefusalGroundKind.None,
            },
            safeguard.Basis switch
            {
                Basis.Treaty => SafeguardBasis.Treaty,
                Basis.HumanRightsLaw => SafeguardBasis.HumanRightsLaw,
                Basis.Policy => SafeguardBasis.Policy,
                _ => SafeguardBasis.Unstated,
            },
            safeguard.Hedges.Select(h => new Runtime.Hedge(Language.Binding.Hedge.Keyword(h.Kind), h.Describe())).ToArray());
        return new SafeguardRules(
            info,
            safeguard.When is null ? null : new ConditionRule(safeguard.When.Text, Rule(lowered.When!)),
            safeguard.Unless is null ? null : new ConditionRule(safeguard.Unless.Text, Rule(lowered.Unless!)),
            lowered.Exceptions.Select(e => new Runtime.ExceptionRule(e.Exception.Name, e.Exception.Priority, new ConditionRule(e.Exception.When.Text, Rule(e.When)), Outcome(e.Exception.Outcome), e.Exception.Because?.Text)).ToArray(),
            lowered.Tests.Select(t => new TestRule(t.Question, Rule(t.Met))).ToArray(),
            lowered.Reads.ToArray());
    }

    private static SafeguardOutcome Outcome(ExceptionOutcome outcome) => outcome switch
    {
        ExceptionOutcome.Satisfied => SafeguardOutcome.Satisfied,
        ExceptionOutcome.NotSatisfied => SafeguardOutcome.NotSatisfied,
        _ => SafeguardOutcome.NotApplicable,
    };

    private static QuestionInfo Question(Question question, AnswerPaths paths) => new(
        paths.Id(question.Key),
        Text(question.Ask),
        question.Type.Value switch
        {
            Language.Binding.ValueType.YesNo => AnswerType.YesNo,
            Language.Binding.ValueType.Choice => AnswerType.Choice,
            Language.Binding.ValueType.Text => AnswerType.Text,
            Language.Binding.ValueType.Date => AnswerType.Date,
            _ => AnswerType.Number,
        },
        question.Type.IsList,
        question.Options.Select(o => new OptionInfo(o.Name, Text(o.Label))).ToArray(),
        question.Criterion?.Text,
        question.Guidance is null ? null : Text(question.Guidance));

    internal static Runtime.LocalizedText Text(Language.Binding.LocalizedText text) =>
        new(text.Text, text.Translations.SelectMany(t => new[] { t.Language, t.Text }).ToArray());

    /// <summary>A lowered rule as a runtime rule; rules nest only as deep as conditions (64 levels).</summary>
    private static Rule Rule(LoweredRule rule) => rule.Operation switch
    {
        RuleOperation.Constant => Runtime.Rule.Constant(rule.Truth switch { "True" => Truth.True, "False" => Truth.False, _ => Truth.Unknown }),
        RuleOperation.Answer => Runtime.Rule.Answer(rule.Question),
        RuleOperation.Not => Runtime.Rule.Not(Rule(rule.Operands[0])),
        RuleOperation.All => Runtime.Rule.All(rule.Operands.Select(Rule).ToArray()),
        RuleOperation.Any => Runtime.Rule.Any(rule.Operands.Select(Rule).ToArray()),
        RuleOperation.Compare => Runtime.Rule.Compare(rule.Question, Comparison(rule.Comparison), AnswerValues.Of(rule.Values[0])),
        RuleOperation.CompareQuestions => Runtime.Rule.CompareQuestions(rule.Question, Comparison(rule.Comparison), rule.Other),
        RuleOperation.In => Runtime.Rule.In(rule.Question, rule.Values.Select(AnswerValues.Of).ToArray()),
        RuleOperation.Contains => Runtime.Rule.Contains(rule.Question, AnswerValues.Of(rule.Values[0])),
        RuleOperation.IsAnswered => Runtime.Rule.IsAnswered(rule.Question),
        RuleOperation.Provided => Runtime.Rule.Provided(rule.Question),
        _ => Runtime.Rule.Empty(rule.Question),
    };

    private static Comparison Comparison(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => Runtime.Comparison.Equal,
        BinaryOperator.NotEqual => Runtime.Comparison.NotEqual,
        BinaryOperator.Less => Runtime.Comparison.Less,
        BinaryOperator.LessOrEqual => Runtime.Comparison.LessOrEqual,
        BinaryOperator.Greater => Runtime.Comparison.Greater,
        _ => Runtime.Comparison.GreaterOrEqual,
    };
}

/// <summary>Values of the language (literals, lowered values) as the runtime's answers.</summary>
public static class AnswerValues
{
    public static AnswerValue Of(LoweredValue value) => Of(value.Type, value.Value, value.Option);

    /// <summary>A literal in canonical form; a choice needs its option's position.</summary>
    public static AnswerValue Of(Language.Binding.ValueType type, string value, int option) => type switch
    {
        Language.Binding.ValueType.YesNo => AnswerValue.YesNo(value == "yes"),
        Language.Binding.ValueType.Choice => AnswerValue.Choice(option),
        Language.Binding.ValueType.Text => AnswerValue.Text(value),
        Language.Binding.ValueType.Date => AnswerValue.Date(System.DateOnly.ParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        _ => AnswerValue.Number(decimal.Parse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
