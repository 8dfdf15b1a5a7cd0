using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Emit;

/// <summary>The operation of a lowered rule; the same operations as the runtime's <c>Rule</c>.</summary>
public enum RuleOperation
{
    Constant,
    Answer,
    Not,
    All,
    Any,
    Compare,
    CompareQuestions,
    In,
    Contains,
    IsAnswered,
    Provided,
    Empty,
}

/// <summary>A value a rule compares with; <see cref="Option"/> is the option's position for a choice.</summary>
public sealed record LoweredValue(ValueType Type, string Value, int Option);

/// <summary>
/// A condition or test lowered to the runtime's rule operations, with questions by position. The C# emitter prints
/// it and the scenario runner builds runtime rules from it, so both decide a checklist from the same lowering.
/// <see cref="Truth"/> is the constant of <see cref="RuleOperation.Constant"/>: <c>True</c>, <c>False</c> or
/// <c>Unknown</c> (a question outside the checklist, already an error).
/// </summary>
public sealed record LoweredRule(
    RuleOperation Operation,
    int Question = -1,
    BinaryOperator Comparison = BinaryOperator.Equal,
    int Other = -1,
    EquatableArray<LoweredValue> Values = default,
    EquatableArray<LoweredRule> Operands = default,
    string Truth = "Unknown");

/// <summary>A safeguard's conditions and tests lowered: the rules of <c>SafeguardRules</c>.</summary>
public sealed record LoweredSafeguard(
    Safeguard Safeguard,
    LoweredRule? When,
    LoweredRule? Unless,
    EquatableArray<(ExceptionRule Exception, LoweredRule When)> Exceptions,
    EquatableArray<(int Question, LoweredRule Met)> Tests,
    EquatableArray<int> Reads);

/// <summary>The scope of the checklist's measure lowered, with the questions it reads by position.</summary>
public sealed record LoweredScope(LoweredRule Rule, EquatableArray<int> Reads);

/// <summary>
/// The positions of a checklist's questions (its safeguards' questions in order, then its facts), their IDs in the
/// answers, and its safeguards' rules lowered: what the generated validator and the scenario runner share.
/// </summary>
public sealed class ChecklistLayout
{
    private readonly Dictionary<QuestionKey, int> positions = new();

    public ChecklistLayout(ChecklistSlice slice)
    {
        Paths = slice.CreatePaths();
        var questions = new List<Question>();
        foreach (var question in slice.Safeguards.SelectMany(s => s.Questions).Concat(slice.Facts))
        {
            if (!positions.ContainsKey(question.Key))
            {
                positions[question.Key] = questions.Count;
                questions.Add(question);
            }
        }

        Questions = questions;
        Safeguards = slice.Safeguards.Select(Lower).ToList();
        if (slice.Scope is not null)
        {
            var reads = Reads(slice.Scope.Expression).Where(positions.ContainsKey).Distinct().Select(k => positions[k]);
            Scope = new LoweredScope(Lower(slice.Scope.Expression), reads.ToEquatableArray());
        }
    }

    /// <summary>The measure's scope, or null when it has none.</summary>
    public LoweredScope? Scope { get; }

    public AnswerPaths Paths { get; }

    /// <summary>Every question, by position.</summary>
    public IReadOnlyList<Question> Questions { get; }

    public IReadOnlyList<LoweredSafeguard> Safeguards { get; }

    public int Position(QuestionKey key) => positions[key];

    public bool Asks(QuestionKey key) => positions.ContainsKey(key);

    private LoweredSafeguard Lower(Safeguard safeguard)
    {
        // The questions read: its own, then those its conditions read, each once.
        var reads = safeguard.Questions.Select(q => q.Key).ToList();
        var conditions = new[] { safeguard.When, safeguard.Unless }.Concat(safeguard.Exceptions.Select(e => e.When)).Where(c => c is not null);
        foreach (var key in conditions.SelectMany(c => Reads(c!.Expression)))
        {
            if (!reads.Contains(key) && positions.ContainsKey(key))
            {
                reads.Add(key);
            }
        }

        return new LoweredSafeguard(
            safeguard,
            safeguard.When is null ? null : Lower(safeguard.When.Expression),
            safeguard.Unless is null ? null : Lower(safeguard.Unless.Expression),
            safeguard.Exceptions.Select(e => (e, Lower(e.When.Expression))).ToEquatableArray(),
            safeguard.Questions.Where(q => q.Criterion is not null).Select(q => (positions[q.Key], LowerTest(q))).ToEquatableArray(),
            reads.Select(k => positions[k]).ToEquatableArray());
    }

    private static IEnumerable<QuestionKey> Reads(Expression expression)
    {
        // Conditions nest at most 64 levels (SG0103) and chains are flat, so a stack of operands stays small.
        var pending = new Stack<Expression>();
        pending.Push(expression);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case QuestionReference q:
                    yield return q.Key;
                    break;
                case NotExpression n:
                    pending.Push(n.Operand);
                    break;
                case LogicalExpression l:
                    for (var i = l.Operands.Count - 1; i >= 0; i--)
                    {
                        pending.Push(l.Operands[i]);
                    }

                    break;
                case BinaryExpression b:
                    pending.Push(b.Right);
                    pending.Push(b.Left);
                    break;
                case InExpression i:
                    pending.Push(i.Operand);
                    break;
                case ContainsExpression c:
                    pending.Push(c.Operand);
                    break;
                case AnsweredExpression a:
                    pending.Push(a.Operand);
                    break;
            }
        }
    }

    private static LoweredRule Constant(string truth) => new(RuleOperation.Constant, Truth: truth);

    private static readonly LoweredRule Unknown = Constant("Unknown");

    /// <summary>A test (a question's <c>satisfied-by</c>) as a rule that holds when the answer meets it.</summary>
    private LoweredRule LowerTest(Question question)
    {
        var criterion = question.Criterion!;
        var position = positions[question.Key];
        return criterion.Kind switch
        {
            CriterionKind.Yes => new LoweredRule(RuleOperation.Answer, position),
            CriterionKind.No => Not(new LoweredRule(RuleOperation.Answer, position)),
            CriterionKind.Provided => new LoweredRule(RuleOperation.Provided, position),
            CriterionKind.Empty => new LoweredRule(RuleOperation.Empty, position),
            CriterionKind.AnyOf => new LoweredRule(RuleOperation.In, position, Values: criterion.Options.Select(o => OptionOf(question, o)).ToEquatableArray()),
            CriterionKind.NoneOf => Not(new LoweredRule(RuleOperation.In, position, Values: criterion.Options.Select(o => OptionOf(question, o)).ToEquatableArray())),
            _ => new LoweredRule(RuleOperation.Compare, position, OperatorOf(criterion.Operator!), Values: new[] { Value(question, criterion.Operand!) }.ToEquatableArray()),
        };
    }

    private static LoweredRule Not(LoweredRule operand) => new(RuleOperation.Not, Operands: new[] { operand }.ToEquatableArray());

    private static BinaryOperator OperatorOf(string op) => op switch
    {
        "==" => BinaryOperator.Equal,
        "!=" => BinaryOperator.NotEqual,
        "<" => BinaryOperator.Less,
        "<=" => BinaryOperator.LessOrEqual,
        ">" => BinaryOperator.Greater,
        _ => BinaryOperator.GreaterOrEqual,
    };

    /// <summary>An option of a choice question as a value: its name and its position among the options.</summary>
    public static LoweredValue OptionOf(Question question, string option)
    {
        var index = 0;
        foreach (var candidate in question.Options)
        {
            if (candidate.Name == option)
            {
                break;
            }

            index++;
        }

        return new LoweredValue(ValueType.Choice, option, index);
    }

    private static LoweredValue Value(Question question, Literal literal) =>
        literal.Type == ValueType.Choice ? OptionOf(question, literal.Value) : new LoweredValue(literal.Type, literal.Value, -1);

    /// <summary>A condition as a rule; a question outside the checklist (already an error) reads as unknown.</summary>
    private LoweredRule Lower(Expression expression)
    {
        switch (expression)
        {
            case Literal { Type: ValueType.YesNo } literal:
                return Constant(literal.Value == "yes" ? "True" : "False");
            case QuestionReference reference:
                return positions.TryGetValue(reference.Key, out var position) ? new LoweredRule(RuleOperation.Answer, position) : Unknown;
            case NotExpression not:
                return Not(Lower(not.Operand));
            case LogicalExpression logical:
                return new LoweredRule(logical.Operator == LogicalOperator.And ? RuleOperation.All : RuleOperation.Any, Operands: logical.Operands.Select(Lower).ToEquatableArray());
            case BinaryExpression comparison when comparison.Left is QuestionReference left && positions.ContainsKey(left.Key):
                var question = Questions[positions[left.Key]];
                return comparison.Right switch
                {
                    QuestionReference other when positions.ContainsKey(other.Key) => new LoweredRule(RuleOperation.CompareQuestions, positions[left.Key], comparison.Operator, positions[other.Key]),
                    Literal literal => new LoweredRule(RuleOperation.Compare, positions[left.Key], comparison.Operator, Values: new[] { Value(question, literal) }.ToEquatableArray()),
                    _ => Unknown,
                };
            case InExpression @in when @in.Operand is QuestionReference operand && positions.ContainsKey(operand.Key):
                var set = new LoweredRule(RuleOperation.In, positions[operand.Key], Values: @in.Values.Select(v => Value(Questions[positions[operand.Key]], v)).ToEquatableArray());
                return @in.Negated ? Not(set) : set;
            case ContainsExpression contains when contains.Operand is QuestionReference list && positions.ContainsKey(list.Key):
                return new LoweredRule(RuleOperation.Contains, positions[list.Key], Values: new[] { Value(Questions[positions[list.Key]], contains.Element) }.ToEquatableArray());
            case AnsweredExpression answered when positions.ContainsKey(answered.Operand.Key):
                var isAnswered = new LoweredRule(RuleOperation.IsAnswered, positions[answered.Operand.Key]);
                return answered.Answered ? isAnswered : Not(isAnswered);
            default:
                return Unknown;
        }
    }
}
