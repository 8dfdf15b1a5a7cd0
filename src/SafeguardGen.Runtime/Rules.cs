using System;
using System.Collections.Generic;

namespace SafeguardGen;

/// <summary>A comparison operator of a condition or test.</summary>
public enum Comparison
{
    /// <summary><c>==</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
}

/// <summary>
/// A condition or test of a checklist as data: questions are named by their position in
/// <see cref="ChecklistRules.Questions"/>. Evaluated in Kleene's three-valued logic with the same operators as
/// <see cref="Logic"/>. Rules nest only as deep as the conditions they come from (at most 64 levels).
/// </summary>
public abstract class Rule
{
    private protected Rule()
    {
    }

    /// <summary>A constant: yes, no, or unknown (a condition on a question the checklist does not ask).</summary>
    public static Rule Constant(Truth value) => new ConstantRule(value);

    /// <summary>A yes-no question on its own.</summary>
    public static Rule Answer(int question) => new AnswerRule(question);

    /// <summary><c>not</c>.</summary>
    public static Rule Not(Rule operand) => new NotRule(operand ?? throw new ArgumentNullException(nameof(operand)));

    /// <summary>A chain of <c>and</c>.</summary>
    public static Rule All(params Rule[] operands) => new ChainRule(true, operands ?? throw new ArgumentNullException(nameof(operands)));

    /// <summary>A chain of <c>or</c>.</summary>
    public static Rule Any(params Rule[] operands) => new ChainRule(false, operands ?? throw new ArgumentNullException(nameof(operands)));

    /// <summary>A question compared with a value.</summary>
    public static Rule Compare(int question, Comparison comparison, AnswerValue value) => new CompareRule(question, comparison, value, -1);

    /// <summary>A question compared with another question of the same type.</summary>
    public static Rule CompareQuestions(int question, Comparison comparison, int other) => new CompareRule(question, comparison, default, other);

    /// <summary><c>q in (a, b)</c>; for a list of choices (a test's <c>any-of</c>), whether it holds one of them.</summary>
    public static Rule In(int question, params AnswerValue[] values) => new InRule(question, values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary><c>q contains x</c>.</summary>
    public static Rule Contains(int question, AnswerValue element) => new ContainsRule(question, element);

    /// <summary><c>q is answered</c>.</summary>
    public static Rule IsAnswered(int question) => new AnsweredRule(question);

    /// <summary>Test <c>satisfied-by provided</c>: a text that is not blank (unknown until then), or a list that is not empty.</summary>
    public static Rule Provided(int question) => new ProvidedRule(question, empty: false);

    /// <summary>Test <c>satisfied-by empty</c>: a list with no items.</summary>
    public static Rule Empty(int question) => new ProvidedRule(question, empty: true);

    /// <summary>Evaluates the rule over answers given by question position.</summary>
    public abstract Truth Evaluate(ReadOnlySpan<AnswerValue> answers);

    /// <summary>Every question the rule reads, with the values it compares them with, for the still-needed analysis.</summary>
    internal abstract void Visit(IRuleVisitor visitor);
}

/// <summary>Receives the atoms of a rule: what it asks of each question.</summary>
internal interface IRuleVisitor
{
    void Read(int question);

    void Constant(int question, AnswerValue value);

    void Set(int question, AnswerValue[] values);

    void Linked(int question, int other);

    /// <summary>The rule asks whether the question is answered at all, so answering it can turn the rule from true to false.</summary>
    void Presence(int question);
}

internal sealed class ConstantRule(Truth value) : Rule
{
    public override Truth Evaluate(ReadOnlySpan<AnswerValue> answers) => value;

    internal override void Visit(IRuleVisitor visitor)
    {
    }
}

internal sealed class AnswerRule(int question) : Rule
{
    public override Truth Evaluate(ReadOnlySpan<AnswerValue> answers) => Atoms.Yes(answers[question]);

    internal override void Visit(IRuleVisitor visitor) => visitor.Read(question);
}

internal sealed class NotRule(Rule operand) : Rule
{
    public Rule Operand => operand;

    public override Truth Evaluate(ReadOnlySpan<AnswerValue> answers) => Logic.Not(operand.Evaluate(answers));

    internal override void Visit(IRuleVisitor visitor) => operand.Visit(visitor);
}

internal sealed class ChainRule(bool all, Rule[] operands) : Rule
{
    /// <summary>Operands evaluated on the stack; a longer chain (tens of thousands of terms) uses the heap.</summary>
    private const int StackOperands = 64;

    public override Truth Evaluate(ReadOnlySpan<AnswerValue> answers)
    {
        var values = operands.Length <= StackOperands ? stackalloc Truth[operands.Length] : new Truth[operands.Length];
        for (var i = 0; i < operands.Length; i++)
        {
            values[i] = operands[i].Evaluate(answers);
        }

        return all ? Logic.And(values) : Logic.Or(values);
    }

    internal override void Visit(IRuleVisitor visitor)
    {
        foreach (var operand in operands)
        {
            operand.Visit(visitor);
        }
    }
}

internal sealed class CompareRule(int question, Comparison comparison, AnswerValue value, int other) : Rule
{
    public override Truth Evaluate(ReadOnlySpan<AnswerValue> answers) => Atoms.Compare(answers[question], comparison, other >= 0 ? answers[other] : value);

    internal override void Visit(IRuleVisitor visitor)
    {
        visitor.Read(question);
        if (other >= 0)
        {
            visitor.Read(other);
            visitor.Linked(question, other);
        }
        else
        {
            visitor.Constant(question, value);
        }
    }
}

internal sealed class InRule(int question, AnswerValue[] values) : Rule
{
    public override Truth Evaluate(ReadOnlySpan<AnswerValue> answers) => Atoms.In(answers[question], values);

    internal override void Visit(IRuleVisitor visitor)
    {
        visitor.Read(question);
        visitor.Set(question, values);
    }
}

internal sealed class ContainsRule(int question, AnswerValue element) : Rule
{
    public override Truth Evaluate(ReadOnlySpan<AnswerValue> answers) => Atoms.Contains(answers[question], element);

    internal override void Visit(IRuleVisitor visitor)
    {
        visitor.Read(question);
        visitor.Set(question, [element]);
    }
}

internal sealed class AnsweredRule(int question) : Rule
{
    public override Truth Evaluate(ReadOnlySpan<AnswerValue> answers) => Atoms.IsAnswered(answers[question]);

    internal override void Visit(IRuleVisitor visitor)
    {
        visitor.Read(question);
        visitor.Presence(question);
    }
}

internal sealed class ProvidedRule(int question, bool empty) : Rule
{
    public override Truth Evaluate(ReadOnlySpan<AnswerValue> answers) => empty ? Atoms.Empty(answers[question]) : Atoms.Provided(answers[question]);

    internal override void Visit(IRuleVisitor visitor) => visitor.Read(question);
}

/// <summary>A test of a safeguard: a question with <c>satisfied-by</c>, as a rule that holds when the answer meets it.</summary>
/// <param name="Question">The question's position.</param>
/// <param name="Met">Whether the answer meets the test.</param>
public sealed record TestRule(int Question, Rule Met);

/// <summary>A condition as written (for explanations) and as a rule.</summary>
/// <param name="Text">The condition as written in the .treaty file.</param>
/// <param name="Rule">The condition as a rule.</param>
public sealed record ConditionRule(string Text, Rule Rule);

/// <summary>An exception to a safeguard's general rule.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="When">Its condition.</param>
/// <param name="Outcome">The outcome it gives when it holds.</param>
/// <param name="Because">Its stated reason, or null.</param>
public sealed record ExceptionRule(string Name, int Priority, ConditionRule When, SafeguardOutcome Outcome, string? Because);

/// <summary>A safeguard of a checklist as data.</summary>
/// <param name="Info">Its metadata.</param>
/// <param name="When">Its <c>when</c> condition, or null.</param>
/// <param name="Unless">Its <c>unless</c> condition, or null.</param>
/// <param name="Exceptions">Its exceptions, in descending priority.</param>
/// <param name="Tests">Its tests.</param>
/// <param name="Reads">Every question it reads, its own and then its conditions', each once, by position.</param>
public sealed record SafeguardRules(
    SafeguardInfo Info,
    ConditionRule? When,
    ConditionRule? Unless,
    IReadOnlyList<ExceptionRule> Exceptions,
    IReadOnlyList<TestRule> Tests,
    IReadOnlyList<int> Reads)
{
    /// <summary>Visits every rule of the safeguard: its conditions, its exceptions' conditions and its tests.</summary>
    internal void Visit(IRuleVisitor visitor)
    {
        When?.Rule.Visit(visitor);
        Unless?.Rule.Visit(visitor);
        foreach (var exception in Exceptions)
        {
            exception.When.Rule.Visit(visitor);
        }

        foreach (var test in Tests)
        {
            test.Met.Visit(visitor);
        }
    }
}

/// <summary>
/// The scope of a checklist's measure: the cases the instrument governs. Where <see cref="Condition"/> does not
/// hold, the decision is <see cref="Decision.OutsideInstrument"/>.
/// </summary>
/// <param name="Instrument">The instrument, as a lawyer cites it (e.g. "ETS 185").</param>
/// <param name="Condition">The scope condition as written and as a rule.</param>
/// <param name="Reads">Every question it reads, by position.</param>
public sealed record ScopeRule(string Instrument, ConditionRule Condition, IReadOnlyList<int> Reads);

/// <summary>
/// A checklist as data: its questions (the safeguards' and the facts', by position) and its safeguards' rules.
/// The generated checklists expose theirs, and the scenario runner builds them from the .treaty files; both are
/// decided by <see cref="Evaluator.Validate(ChecklistRules, ReadOnlySpan{AnswerValue})"/>.
/// </summary>
public sealed class ChecklistRules
{
    private StillNeededAnalysis? analysis;

    /// <summary>Creates the rules of a checklist.</summary>
    public ChecklistRules(string id, IReadOnlyList<QuestionInfo> questions, IReadOnlyList<SafeguardRules> safeguards)
        : this(id, questions, safeguards, null)
    {
    }

    /// <summary>Creates the rules of a checklist whose measure has a scope.</summary>
    public ChecklistRules(string id, IReadOnlyList<QuestionInfo> questions, IReadOnlyList<SafeguardRules> safeguards, ScopeRule? scope)
    {
        Scope = scope;
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Questions = questions ?? throw new ArgumentNullException(nameof(questions));
        Safeguards = safeguards ?? throw new ArgumentNullException(nameof(safeguards));
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            positions[questions[i].Id] = i;
        }

        QuestionPositions = positions;
    }

    /// <summary>The checklist's qualified name.</summary>
    public string Id { get; }

    /// <summary>Every question of the checklist: its safeguards' in order, then its facts.</summary>
    public IReadOnlyList<QuestionInfo> Questions { get; }

    /// <summary>Its safeguards, in checklist order.</summary>
    public IReadOnlyList<SafeguardRules> Safeguards { get; }

    /// <summary>The scope of its measure, or null when the instrument governs every case the checklist assesses.</summary>
    public ScopeRule? Scope { get; }

    /// <summary>Each question's position, by its ID (<c>persecution.grounds</c>, <c>facts.coercive</c>).</summary>
    public IReadOnlyDictionary<string, int> QuestionPositions { get; }

    /// <summary>The analysis of which questions can still change the decision, built once per checklist.</summary>
    internal StillNeededAnalysis Analysis => analysis ??= new StillNeededAnalysis(this);
}
