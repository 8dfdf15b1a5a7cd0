using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Binding;

internal sealed partial class Binder
{
    /// <summary>Binds a <c>when</c>/<c>unless</c> condition, which must be yes/no. Null when it has errors (already reported).</summary>
    private Condition? BindCondition(Scope scope, ExpressionSyntax syntax, ISet<QuestionKey> reads)
    {
        var expression = BindBoolean(scope, syntax, reads);
        if (expression is null)
        {
            return null;
        }

        return new Condition(expression, ConditionText(scope, syntax));
    }

    /// <summary>The condition as written, with white space folded, for explanations.</summary>
    private static string ConditionText(Scope scope, ExpressionSyntax syntax)
    {
        // A name on its own (the left side of every comparison) is its own text: no builder, no copy.
        if (syntax is NameExpressionSyntax name)
        {
            return name.Name.Text;
        }

        var builder = new System.Text.StringBuilder();
        AppendConditionText(builder, syntax, parentOperator: null);
        return builder.ToString();
    }

    /// <summary>Appends into one builder, so a long chain costs time linear in its length; recursion follows nesting only (at most <see cref="Parser.MaxExpressionDepth"/>).</summary>
    private static void AppendConditionText(System.Text.StringBuilder builder, ExpressionSyntax syntax, string? parentOperator)
    {
        switch (syntax)
        {
            case NameExpressionSyntax name:
                builder.Append(name.Name.Text);
                break;
            case LiteralSyntax literal:
                builder.Append(literal.Kind == LiteralKind.Text ? "\"" + literal.Value + "\"" : literal.Value);
                break;
            case NotExpressionSyntax not:
                builder.Append("not ");
                AppendConditionText(builder, not.Operand, "not");
                break;
            case LogicalExpressionSyntax logical:
                var parenthesize = parentOperator is not null && parentOperator != logical.Operator;
                builder.Append(parenthesize ? "(" : string.Empty);
                for (var i = 0; i < logical.Operands.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : " " + logical.Operator + " ");
                    AppendConditionText(builder, logical.Operands[i], logical.Operator);
                }

                builder.Append(parenthesize ? ")" : string.Empty);
                break;
            case BinaryExpressionSyntax binary:
                AppendConditionText(builder, binary.Left, binary.Operator);
                builder.Append(' ').Append(binary.Operator).Append(' ');
                AppendConditionText(builder, binary.Right, binary.Operator);
                break;
            case InExpressionSyntax @in:
                AppendConditionText(builder, @in.Operand, "in");
                builder.Append(@in.Negated ? " not in (" : " in (");
                for (var i = 0; i < @in.Values.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    AppendConditionText(builder, @in.Values[i], "in");
                }

                builder.Append(')');
                break;
            case ContainsExpressionSyntax contains:
                AppendConditionText(builder, contains.Operand, "contains");
                builder.Append(" contains ");
                AppendConditionText(builder, contains.Element, "contains");
                break;
            case AnsweredExpressionSyntax answered:
                AppendConditionText(builder, answered.Operand, "is");
                builder.Append(answered.Answered ? " is answered" : " is unanswered");
                break;
            default:
                builder.Append('?');
                break;
        }
    }

    private Expression? BindBoolean(Scope scope, ExpressionSyntax syntax, ISet<QuestionKey> reads)
    {
        switch (syntax)
        {
            case ErrorExpressionSyntax:
                return null;
            case LogicalExpressionSyntax logical:
                // Every operand is bound (and its errors reported) even after one fails.
                var operands = new Expression[logical.Operands.Count];
                var failed = false;
                for (var i = 0; i < operands.Length; i++)
                {
                    var bound = BindBoolean(scope, logical.Operands[i], reads);
                    failed |= bound is null;
                    operands[i] = bound!;
                }

                return failed ? null : new LogicalExpression(logical.Operator == "and" ? LogicalOperator.And : LogicalOperator.Or, new EquatableArray<Expression>(operands));
            case NotExpressionSyntax not:
                var operand = BindBoolean(scope, not.Operand, reads);
                return operand is null ? null : new NotExpression(operand);
            case BinaryExpressionSyntax comparison:
                return BindComparison(scope, comparison, reads);
            case InExpressionSyntax @in:
                return BindIn(scope, @in, reads);
            case ContainsExpressionSyntax contains:
                return BindContains(scope, contains, reads);
            case AnsweredExpressionSyntax answered:
                var reference = BindQuestionReference(scope, answered.Operand, reads);
                return reference is null ? null : new AnsweredExpression(reference, answered.Answered);
            case LiteralSyntax { Kind: LiteralKind.Yes or LiteralKind.No } literal:
                return new Literal(ValueType.YesNo, literal.Value);
            case NameExpressionSyntax name:
                var question = BindQuestionReference(scope, name, reads);
                if (question is null)
                {
                    return null;
                }

                if (question.Type.IsList || question.Type.Value != ValueType.YesNo)
                {
                    Report(scope, DiagnosticDescriptors.ConditionNotYesNo, name.Span, question.Type + " question", name.Name.Text);
                    return null;
                }

                return question;
            default:
                Report(scope, DiagnosticDescriptors.ConditionNotYesNo, syntax.Span, "fixed value", ConditionText(scope, syntax));
                return null;
        }
    }

    private QuestionReference? BindQuestionReference(Scope scope, ExpressionSyntax syntax, ISet<QuestionKey> reads)
    {
        if (syntax is ErrorExpressionSyntax)
        {
            return null;
        }

        if (syntax is not NameExpressionSyntax name)
        {
            Report(scope, DiagnosticDescriptors.TypeMismatch, syntax.Span, "Expected a question or a fact here, but found the value " + ConditionText(scope, syntax) + "; put the question on the left, e.g. 'offence.max-penalty-years >= 4'");
            return null;
        }

        var question = ResolveQuestion(scope, name.Name);
        if (question is null)
        {
            return null;
        }

        reads.Add(question.Key);
        return new QuestionReference(question.Key, question.Type);
    }

    private static readonly Dictionary<string, BinaryOperator> ComparisonOperators = new()
    {
        ["=="] = BinaryOperator.Equal,
        ["!="] = BinaryOperator.NotEqual,
        ["<"] = BinaryOperator.Less,
        ["<="] = BinaryOperator.LessOrEqual,
        [">"] = BinaryOperator.Greater,
        [">="] = BinaryOperator.GreaterOrEqual,
    };

    private BinaryExpression? BindComparison(Scope scope, BinaryExpressionSyntax syntax, ISet<QuestionKey> reads)
    {
        var left = BindQuestionReference(scope, syntax.Left, reads);
        if (left is null)
        {
            return null;
        }

        var op = ComparisonOperators[syntax.Operator];
        var leftText = ConditionText(scope, syntax.Left);
        if (left.Type.IsList)
        {
            Report(scope, DiagnosticDescriptors.TypeMismatch, syntax.Span, "Question '" + leftText + "' is a " + left.Type + ", which cannot be compared with '" + syntax.Operator + "'; test its elements with 'contains', e.g. '" + leftText + " contains …'");
            return null;
        }

        var ordered = left.Type.Value is ValueType.Number or ValueType.Date;
        if (!ordered && op is not (BinaryOperator.Equal or BinaryOperator.NotEqual))
        {
            Report(scope, DiagnosticDescriptors.TypeMismatch, syntax.Span, "Question '" + leftText + "' is a " + left.Type + " question, which has no order; use '==' or '!='");
            return null;
        }

        // A question compared with another question of the same type.
        if (syntax.Right is NameExpressionSyntax rightName && !(left.Type.Value == ValueType.Choice && rightName.Name.Parts.Count == 1))
        {
            var right = BindQuestionReference(scope, syntax.Right, reads);
            if (right is null)
            {
                return null;
            }

            if (right.Type != left.Type)
            {
                Report(scope, DiagnosticDescriptors.TypeMismatch, syntax.Span, "Question '" + leftText + "' is a " + left.Type + " question but '" + rightName.Name.Text + "' is a " + right.Type + " question; compare questions of the same type");
                return null;
            }

            return new BinaryExpression(op, left, right);
        }

        var value = BindValue(scope, syntax.Right, left, leftText);
        return value is null ? null : new BinaryExpression(op, left, value);
    }

    /// <summary>An option of a choice question named by <paramref name="option"/>; SG0221 with the closest option when it has none of that name.</summary>
    private Literal? BindOption(Scope scope, NameExpressionSyntax option, Question question, string questionText)
    {
        var name = option.Name.Text;
        if (optionNames.TryGetValue(question.Key, out var names) && names.Contains(name))
        {
            Refer(scope, option.Span, SymbolSort.Option, question.Key + "." + name);
            return new Literal(ValueType.Choice, name);
        }

        var suggestion = Suggest(scope, name, question.Options.Select(o => o.Name));
        Report(scope, DiagnosticDescriptors.UnknownOption, option.Span, name, questionText, OptionList(question.Options) + (suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?"));
        return null;
    }

    /// <summary>Binds each value in turn; null as soon as one does not bind (it has been reported).</summary>
    private static EquatableArray<Literal>? BindAll<T>(IEnumerable<T> syntaxes, System.Func<T, Literal?> bind)
    {
        var literals = new List<Literal>();
        foreach (var syntax in syntaxes)
        {
            var literal = bind(syntax);
            if (literal is null)
            {
                return null;
            }

            literals.Add(literal);
        }

        return literals.ToEquatableArray();
    }

    /// <summary>Binds a value compared with (or tested against) a question: an option name for a choice, else a literal of its type.</summary>
    private Literal? BindValue(Scope scope, ExpressionSyntax syntax, QuestionReference question, string questionText)
    {
        if (syntax is ErrorExpressionSyntax)
        {
            return null;
        }

        var type = question.Type.Value;
        if (type == ValueType.Choice)
        {
            var options = questions[question.Key].Options;
            if (syntax is NameExpressionSyntax { Name.Parts.Count: 1 } option)
            {
                return BindOption(scope, option, questions[question.Key], questionText);
            }

            Report(scope, DiagnosticDescriptors.TypeMismatch, syntax.Span, "Question '" + questionText + "' is a choice; compare it with one of its options (" + OptionList(options) + "), not with " + ConditionText(scope, syntax));
            return null;
        }

        if (syntax is LiteralSyntax literal && LiteralFits(literal.Kind, type))
        {
            return new Literal(type, literal.Value);
        }

        var example = type switch
        {
            ValueType.YesNo => "yes or no",
            ValueType.Number => "a number, e.g. 4",
            ValueType.Date => "a date, e.g. 2024-12-24",
            _ => "a string, e.g. \"…\"",
        };
        Report(scope, DiagnosticDescriptors.TypeMismatch, syntax.Span, "Question '" + questionText + "' is a " + question.Type + " question, so it cannot be compared with " + ConditionText(scope, syntax) + "; compare it with " + example);
        return null;
    }

    private InExpression? BindIn(Scope scope, InExpressionSyntax syntax, ISet<QuestionKey> reads)
    {
        var operand = BindQuestionReference(scope, syntax.Operand, reads);
        if (operand is null)
        {
            return null;
        }

        var operandText = ConditionText(scope, syntax.Operand);
        if (operand.Type.IsList || operand.Type.Value == ValueType.YesNo)
        {
            Report(scope, DiagnosticDescriptors.TypeMismatch, syntax.Span, "Question '" + operandText + "' is a " + operand.Type + " question; 'in' tests a single choice, number, date or text against a set of values" + (operand.Type.IsList ? "; use 'contains' for a list" : string.Empty));
            return null;
        }

        var values = BindAll(syntax.Values, value => BindValue(scope, value, operand, operandText));
        return values is null ? null : new InExpression(operand, syntax.Negated, values.Value);
    }

    private ContainsExpression? BindContains(Scope scope, ContainsExpressionSyntax syntax, ISet<QuestionKey> reads)
    {
        var operand = BindQuestionReference(scope, syntax.Operand, reads);
        if (operand is null)
        {
            return null;
        }

        var operandText = ConditionText(scope, syntax.Operand);
        if (!operand.Type.IsList)
        {
            Report(scope, DiagnosticDescriptors.TypeMismatch, syntax.Span, "Question '" + operandText + "' is a " + operand.Type + " question, not a list; 'contains' tests a list, so use '==' or 'in' here");
            return null;
        }

        var element = BindValue(scope, syntax.Element, operand, operandText);
        return element is null ? null : new ContainsExpression(operand, element);
    }
}
