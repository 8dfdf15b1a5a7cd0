using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SafeguardGen;

/// <summary>A test of a safeguard: a question with <c>satisfied-by</c>, and whether the answer meets it.</summary>
/// <param name="Answer">The question and its answer.</param>
/// <param name="Met">Whether the answer meets the test.</param>
public readonly record struct TestResult(AnswerText Answer, Truth Met);

/// <summary>An exception to a safeguard's general rule, evaluated.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Priority">Its priority; the highest that holds decides.</param>
/// <param name="Condition">Its condition as written.</param>
/// <param name="Holds">Whether its condition holds.</param>
/// <param name="Outcome">The outcome it gives when it holds.</param>
/// <param name="Because">Its stated reason, or null.</param>
public readonly record struct ExceptionResult(string Name, int Priority, string Condition, Truth Holds, SafeguardOutcome Outcome, string? Because);

/// <summary>
/// Works out outcomes and decisions as dsl-spec/semantics.md describes; generated validators call it with
/// their conditions and tests already evaluated, so every checklist shares one tested implementation.
/// </summary>
public static class Evaluator
{
    /// <summary>Evaluates one safeguard.</summary>
    /// <param name="safeguard">The safeguard.</param>
    /// <param name="when">Its <c>when</c> condition's text and value, or null when it has none.</param>
    /// <param name="unless">Its <c>unless</c> condition's text and value, or null when it has none.</param>
    /// <param name="exceptions">Its exceptions, in descending priority.</param>
    /// <param name="tests">Its tests.</param>
    /// <param name="reads">Every answer the safeguard reads, its own and its conditions'.</param>
    /// <param name="language">The language of the reason (one of <see cref="Wording.Languages"/>); English when null or unknown.</param>
    public static SafeguardResult Evaluate(
        SafeguardInfo safeguard,
        (string Text, Truth Value)? when,
        (string Text, Truth Value)? unless,
        ReadOnlySpan<ExceptionResult> exceptions,
        ReadOnlySpan<TestResult> tests,
        ReadOnlySpan<AnswerText> reads,
        string? language = null)
    {
        ArgumentNullException.ThrowIfNull(safeguard);
        var unanswered = Unanswered(reads);
        var ground = safeguard.RefusalGround != RefusalGroundKind.None;
        string Word(SafeguardOutcome outcome) => Wording.Get(language, Wording.OutcomeKey(ground, outcome));
        if (when is { Value: Truth.False } w)
        {
            return new SafeguardResult(safeguard, SafeguardOutcome.NotApplicable, Wording.Get(language, "reason_when", Word(SafeguardOutcome.NotApplicable), w.Text), unanswered);
        }

        if (unless is { Value: Truth.True } u)
        {
            return new SafeguardResult(safeguard, SafeguardOutcome.NotApplicable, Wording.Get(language, "reason_unless", Word(SafeguardOutcome.NotApplicable), u.Text), unanswered);
        }

        if (when is { Value: Truth.Unknown } || unless is { Value: Truth.Unknown })
        {
            // The applicability hangs on what the conditions read, not on the safeguard's own tests.
            var testIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var test in tests)
            {
                testIds.Add(test.Answer.Question.Id);
            }

            return new SafeguardResult(safeguard, SafeguardOutcome.Unanswered, Wording.Get(language, "reason_applies_depends", Word(SafeguardOutcome.Unanswered), List(unanswered.Where(q => !testIds.Contains(q.Id)), language)), unanswered);
        }

        var (outcome, reason) = Decide(exceptions, tests, ground, Word, language);
        return new SafeguardResult(safeguard, outcome, reason, unanswered);
    }

    /// <summary>
    /// Default logic: the highest exception that holds decides; an unknown one decides only if the rest agrees with
    /// it. Worked from the lowest priority up in a loop, so any number of exceptions costs no stack.
    /// </summary>
    private static (SafeguardOutcome Outcome, string Reason) Decide(ReadOnlySpan<ExceptionResult> exceptions, ReadOnlySpan<TestResult> tests, bool ground, Func<SafeguardOutcome, string> word, string? language)
    {
        var rest = GeneralRule(tests, ground, word, language);
        for (var i = exceptions.Length - 1; i >= 0; i--)
        {
            var exception = exceptions[i];
            switch (exception.Holds)
            {
                case Truth.True:
                    rest = (exception.Outcome, Because(Wording.Get(language, "reason_exception", word(exception.Outcome), exception.Name, exception.Priority.ToString(CultureInfo.InvariantCulture), exception.Condition), exception.Because, language));
                    break;
                case Truth.False:
                    break;
                default:
                    rest = rest.Outcome == exception.Outcome
                        ? rest
                        : (SafeguardOutcome.Unanswered, Wording.Get(language, "reason_exception_unknown", word(SafeguardOutcome.Unanswered), exception.Name, exception.Condition));
                    break;
            }
        }

        return rest;
    }

    private static (SafeguardOutcome Outcome, string Reason) GeneralRule(ReadOnlySpan<TestResult> tests, bool ground, Func<SafeguardOutcome, string> word, string? language)
    {
        var failed = new List<string>();
        var missing = new List<string>();
        var met = new List<string>();
        foreach (var test in tests)
        {
            var question = test.Answer.Question;
            switch (test.Met)
            {
                case Truth.False:
                    // A ground applies because of the answer itself; a safeguard fails a test it names.
                    failed.Add(ground
                        ? Wording.Get(language, "reason_answer", question.Id, test.Answer.Text ?? string.Empty)
                        : Wording.Get(language, "reason_answer_failing", question.Id, test.Answer.Text ?? string.Empty, question.SatisfiedBy ?? string.Empty));
                    break;
                case Truth.Unknown:
                    missing.Add(question.Id);
                    break;
                default:
                    met.Add(Wording.Get(language, "reason_answer", question.Id, test.Answer.Text ?? string.Empty));
                    break;
            }
        }

        if (failed.Count > 0)
        {
            return (SafeguardOutcome.NotSatisfied, Wording.Get(language, "reason_list", word(SafeguardOutcome.NotSatisfied), string.Join("; ", failed)));
        }

        if (missing.Count > 0)
        {
            return (SafeguardOutcome.Unanswered, Wording.Get(language, "reason_list", word(SafeguardOutcome.Unanswered), string.Join(", ", missing)));
        }

        return (SafeguardOutcome.Satisfied, Wording.Get(language, "reason_list", word(SafeguardOutcome.Satisfied), string.Join("; ", met)));
    }

    /// <summary>An exception's reason with the author's "because", if any, after it.</summary>
    private static string Because(string reason, string? because, string? language) =>
        because is null ? Wording.Get(language, "reason_end", reason) : Wording.Get(language, "reason_because", reason, because);

    private static QuestionInfo[] Unanswered(ReadOnlySpan<AnswerText> reads)
    {
        var count = 0;
        foreach (var read in reads)
        {
            count += read.IsAnswered ? 0 : 1;
        }

        if (count == 0)
        {
            return Array.Empty<QuestionInfo>();
        }

        var result = new QuestionInfo[count];
        var i = 0;
        foreach (var read in reads)
        {
            if (!read.IsAnswered)
            {
                result[i++] = read.Question;
            }
        }

        return result;
    }

    private static string List(IEnumerable<QuestionInfo> questions, string? language)
    {
        var ids = questions.Select(q => q.Id).Distinct().ToList();
        return ids.Count == 0 ? Wording.Get(language, "an_unanswered_question") : string.Join(", ", ids);
    }

    /// <summary>
    /// Validates answers against a checklist's rules: each safeguard's outcome, the decision, its explanation with
    /// citations, and the questions still needed. Generated validators and the scenario runner both call this.
    /// </summary>
    /// <param name="rules">The checklist.</param>
    /// <param name="answers">An answer per question of <see cref="ChecklistRules.Questions"/>, by position.</param>
    public static AssessmentResult Validate(ChecklistRules rules, ReadOnlySpan<AnswerValue> answers) => Validate(rules, answers, null);

    /// <inheritdoc cref="Validate(ChecklistRules, ReadOnlySpan{AnswerValue})"/>
    /// <param name="rules">The checklist.</param>
    /// <param name="answers">An answer per question of <see cref="ChecklistRules.Questions"/>, by position.</param>
    /// <param name="coverage">Records which rules were seen holding and failing, or null.</param>
    public static AssessmentResult Validate(ChecklistRules rules, ReadOnlySpan<AnswerValue> answers, RuleCoverage? coverage) => Validate(rules, answers, coverage, null);

    /// <inheritdoc cref="Validate(ChecklistRules, ReadOnlySpan{AnswerValue})"/>
    /// <param name="rules">The checklist.</param>
    /// <param name="answers">An answer per question of <see cref="ChecklistRules.Questions"/>, by position.</param>
    /// <param name="coverage">Records which rules were seen holding and failing, or null.</param>
    /// <param name="language">The language of the reasons and the explanation (one of <see cref="Wording.Languages"/>, and of the checklist's texts where it has them); English when null or unknown.</param>
    public static AssessmentResult Validate(ChecklistRules rules, ReadOnlySpan<AnswerValue> answers, RuleCoverage? coverage, string? language)
    {
        ArgumentNullException.ThrowIfNull(rules);
        CheckCount(rules, answers);
        var (results, explanation, verdict) = Explain(rules, answers, coverage, language);
        coverage?.RecordDecision(rules, verdict.Decision);
        return new AssessmentResult(rules, answers.ToArray(), verdict, language, results, explanation);
    }

    /// <summary>
    /// The interpreter's verdict: the decision and every safeguard's outcome, with nothing explained. It allocates
    /// nothing for a checklist of up to <see cref="Verdict.InlineSafeguards"/> safeguards whose answers hold no list.
    /// </summary>
    /// <param name="rules">The checklist.</param>
    /// <param name="answers">An answer per question of <see cref="ChecklistRules.Questions"/>, by position.</param>
    public static Verdict Decide(ChecklistRules rules, ReadOnlySpan<AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(rules);
        CheckCount(rules, answers);
        var count = rules.Safeguards.Count;
        var outcomes = count <= 256 ? stackalloc SafeguardOutcome[count] : new SafeguardOutcome[count];
        var effects = 0;
        for (var i = 0; i < count; i++)
        {
            var safeguard = rules.Safeguards[i];
            outcomes[i] = Outcome(safeguard, answers);
            effects |= SafeguardLogic.Effects(outcomes[i], safeguard.Info.Severity, safeguard.Info.RefusalGround);
        }

        return Verdict.From(SafeguardLogic.Decide(rules.Scope?.Condition.Rule.Evaluate(answers) ?? Truth.True, effects), outcomes);
    }

    /// <summary>
    /// The result of a verdict already worked out (by a generated validator's straight-line code): it keeps a copy of
    /// the answers, and builds the reasons, the explanation and the questions still needed only when they are read.
    /// </summary>
    /// <param name="rules">The checklist.</param>
    /// <param name="answers">An answer per question of <see cref="ChecklistRules.Questions"/>, by position.</param>
    /// <param name="verdict">The verdict those answers give, as <see cref="Decide(ChecklistRules, ReadOnlySpan{AnswerValue})"/> would work it out.</param>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static AssessmentResult Explainable(ChecklistRules rules, ReadOnlySpan<AnswerValue> answers, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(rules);
        CheckCount(rules, answers);
        return new AssessmentResult(rules, answers.ToArray(), verdict, null, null, null);
    }

    private static void CheckCount(ChecklistRules rules, ReadOnlySpan<AnswerValue> answers)
    {
        if (answers.Length != rules.Questions.Count)
        {
            throw new ArgumentException("Checklist '" + rules.Id + "' has " + rules.Questions.Count.ToString(CultureInfo.InvariantCulture) + " questions, but " + answers.Length.ToString(CultureInfo.InvariantCulture) + " answers were given; give one per question, unanswered ones as AnswerValue.Unanswered.", nameof(answers));
        }
    }

    /// <summary>Every safeguard's result with its reason, the explanation and the verdict: the explained half of an assessment.</summary>
    internal static (SafeguardResult[] Results, List<string> Explanation, Verdict Verdict) Explain(ChecklistRules rules, ReadOnlySpan<AnswerValue> answers, RuleCoverage? coverage, string? language)
    {
        var results = new SafeguardResult[rules.Safeguards.Count];
        var outcomes = new SafeguardOutcome[results.Length];
        var effects = 0;
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Evaluate(rules, i, answers, coverage, language);
            outcomes[i] = results[i].Outcome;
            effects |= SafeguardLogic.Effects(outcomes[i], results[i].Safeguard.Severity, results[i].Safeguard.RefusalGround);
        }

        var scope = rules.Scope?.Condition.Rule.Evaluate(answers);
        if (scope is { } seen)
        {
            coverage?.RecordScope(rules, seen);
        }

        var decision = SafeguardLogic.Decide(scope ?? Truth.True, effects);
        return (results, Explanation(rules, answers, scope, results, decision, language), Verdict.From(decision, outcomes));
    }

    private static SafeguardResult Evaluate(ChecklistRules rules, int index, ReadOnlySpan<AnswerValue> answers, RuleCoverage? coverage, string? language)
    {
        var safeguard = rules.Safeguards[index];
        var reads = new AnswerText[safeguard.Reads.Count];
        for (var i = 0; i < reads.Length; i++)
        {
            var question = safeguard.Reads[i];
            reads[i] = new AnswerText(rules.Questions[question], answers[question].Format(rules.Questions[question]));
        }

        var tests = new TestResult[safeguard.Tests.Count];
        for (var i = 0; i < tests.Length; i++)
        {
            var test = safeguard.Tests[i];
            var met = test.Met.Evaluate(answers);
            tests[i] = new TestResult(new AnswerText(rules.Questions[test.Question], answers[test.Question].Format(rules.Questions[test.Question])), met);
            coverage?.RecordTest(rules, index, i, met);
        }

        var exceptions = new ExceptionResult[safeguard.Exceptions.Count];
        for (var i = 0; i < exceptions.Length; i++)
        {
            var exception = safeguard.Exceptions[i];
            var holds = exception.When.Rule.Evaluate(answers);
            exceptions[i] = new ExceptionResult(exception.Name, exception.Priority, exception.When.Text, holds, exception.Outcome, exception.Because);
            coverage?.RecordException(rules, index, i, holds);
        }

        (string, Truth)? when = safeguard.When is null ? null : (safeguard.When.Text, safeguard.When.Rule.Evaluate(answers));
        (string, Truth)? unless = safeguard.Unless is null ? null : (safeguard.Unless.Text, safeguard.Unless.Rule.Evaluate(answers));
        var result = Evaluate(safeguard.Info, when, unless, exceptions, tests, reads, language);
        coverage?.RecordSafeguard(rules, index, when?.Item2, unless?.Item2, result.Outcome);
        return result;
    }

    /// <summary>
    /// A safeguard's outcome alone, as <see cref="Evaluate(SafeguardInfo, ValueTuple{string, Truth}?, ValueTuple{string, Truth}?, ReadOnlySpan{ExceptionResult}, ReadOnlySpan{TestResult}, ReadOnlySpan{AnswerText}, string)"/>
    /// works it out, without building its reason: what the still-needed analysis evaluates for every hypothetical answer.
    /// </summary>
    internal static SafeguardOutcome Outcome(SafeguardRules safeguard, ReadOnlySpan<AnswerValue> answers)
    {
        var when = safeguard.When?.Rule.Evaluate(answers) ?? Truth.True;
        var unless = safeguard.Unless?.Rule.Evaluate(answers) ?? Truth.False;
        if (when != Truth.True || unless != Truth.False)
        {
            return SafeguardLogic.Applicable(when, unless, SafeguardOutcome.Satisfied);
        }

        var tests = safeguard.Tests.Count <= 64 ? stackalloc Truth[safeguard.Tests.Count] : new Truth[safeguard.Tests.Count];
        for (var i = 0; i < tests.Length; i++)
        {
            tests[i] = safeguard.Tests[i].Met.Evaluate(answers);
        }

        var rest = SafeguardLogic.Tests(tests);
        for (var i = safeguard.Exceptions.Count - 1; i >= 0; i--)
        {
            var exception = safeguard.Exceptions[i];
            rest = SafeguardLogic.Except(rest, exception.When.Rule.Evaluate(answers), exception.Outcome);
        }

        return rest;
    }

    /// <summary>The decision alone, from every safeguard's outcome: what the definition of "still needed" compares.</summary>
    internal static Decision DecisionOnly(ChecklistRules rules, ReadOnlySpan<AnswerValue> answers)
    {
        var scope = rules.Scope?.Condition.Rule.Evaluate(answers) ?? Truth.True;
        if (scope != Truth.True)
        {
            return SafeguardLogic.Decide(scope, 0);
        }

        var effects = 0;
        foreach (var safeguard in rules.Safeguards)
        {
            effects |= SafeguardLogic.Effects(Outcome(safeguard, answers), safeguard.Info.Severity, safeguard.Info.RefusalGround);
        }

        return SafeguardLogic.Decide(Truth.True, effects);
    }

    /// <summary>
    /// The decisions a checklist's safeguards can lead to at all: Proceed always, and each other decision when one of
    /// its safeguards can cause it (by being not satisfied, or unanswered).
    /// </summary>
    public static IReadOnlyList<Decision> PossibleDecisions(ChecklistRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        bool Can(Func<SafeguardInfo, SafeguardOutcome, bool> causes) =>
            rules.Safeguards.Any(s => causes(s.Info, SafeguardOutcome.NotSatisfied) || causes(s.Info, SafeguardOutcome.Unanswered));

        var result = new List<Decision> { Decision.Proceed };
        if (Can(MayRefuse))
        {
            result.Add(Decision.MayRefuse);
        }

        if (Can(MustRefuse))
        {
            result.Add(Decision.MustRefuse);
        }

        if (Can(LeavesIncomplete) || rules.Scope is not null)
        {
            result.Add(Decision.Incomplete);
        }

        if (rules.Scope is not null)
        {
            result.Add(Decision.OutsideInstrument);
        }

        return result;
    }

    /// <summary>Whether a safeguard's result makes the request one that must be refused.</summary>
    internal static bool MustRefuse(SafeguardInfo safeguard, SafeguardOutcome outcome) =>
        (SafeguardLogic.Effects(outcome, safeguard.Severity, safeguard.RefusalGround) & SafeguardLogic.MustRefuse) != 0;

    /// <summary>Whether a safeguard's result leaves the request incomplete.</summary>
    internal static bool LeavesIncomplete(SafeguardInfo safeguard, SafeguardOutcome outcome) =>
        (SafeguardLogic.Effects(outcome, safeguard.Severity, safeguard.RefusalGround) & SafeguardLogic.Incomplete) != 0;

    /// <summary>Whether a safeguard's result lets the requested state refuse.</summary>
    internal static bool MayRefuse(SafeguardInfo safeguard, SafeguardOutcome outcome) =>
        (SafeguardLogic.Effects(outcome, safeguard.Severity, safeguard.RefusalGround) & SafeguardLogic.MayRefuse) != 0;

    /// <summary>The explanation of a decision from the safeguards' results, one line each.</summary>
    private static List<string> Explanation(ChecklistRules rules, ReadOnlySpan<AnswerValue> answers, Truth? scope, IReadOnlyList<SafeguardResult> results, Decision decision, string? language)
    {
        var mustRefuse = results.Where(r => MustRefuse(r.Safeguard, r.Outcome)).ToList();
        var incomplete = results.Where(r => LeavesIncomplete(r.Safeguard, r.Outcome)).ToList();
        var mayRefuse = results.Where(r => MayRefuse(r.Safeguard, r.Outcome)).ToList();

        string W(string key, params string[] arguments) => Wording.Get(language, key, arguments);
        string Item(SafeguardResult result, string key) => W(key, result.Safeguard.Title.Get(language), Sources(result.Safeguard, language), result.Reason);
        string MustRefuseLine(SafeguardResult result) => Item(result, result.Safeguard.RefusalGround == RefusalGroundKind.Mandatory ? "item_mandatory" : "item_blocking");

        var explanation = new List<string>();
        if (decision == Decision.OutsideInstrument)
        {
            var rule = rules.Scope!;
            explanation.Add(W("line_outside", rule.Instrument, rule.Condition.Text, Answers(rules, rule.Reads, answers, language)));
            explanation.Add(W("line_outside_consequence"));
            var bars = mustRefuse.Where(r => r.Safeguard.Basis == SafeguardBasis.HumanRightsLaw).ToList();
            if (bars.Count > 0)
            {
                explanation.Add(W("line_bars"));
                explanation.AddRange(bars.Select(MustRefuseLine));
            }

            return explanation;
        }

        if (scope == Truth.Unknown)
        {
            var rule = rules.Scope!;
            explanation.Add(W("line_scope_unknown", rule.Instrument, rule.Condition.Text, Answers(rules, rule.Reads, answers, language)));
            if (mustRefuse.Count > 0)
            {
                explanation.Add(W("line_if_it_does"));
                explanation.AddRange(mustRefuse.Select(MustRefuseLine));
            }
            else
            {
                explanation.AddRange(incomplete.Select(r => Item(r, "item_unanswered")));
            }

            return explanation;
        }

        switch (decision)
        {
            case Decision.MustRefuse:
                explanation.Add(W("line_must_refuse"));
                explanation.AddRange(mustRefuse.Select(MustRefuseLine));
                break;
            case Decision.Incomplete:
                explanation.Add(W("line_incomplete"));
                explanation.AddRange(incomplete.Select(r => Item(r, "item_unanswered")));
                break;
            case Decision.MayRefuse:
                explanation.Add(W("line_may_refuse"));
                explanation.AddRange(mayRefuse.Select(r => Item(r, "item_optional")));
                break;
            default:
                explanation.Add(W("line_proceed"));
                break;
        }

        var advice = results.Where(r => r.Safeguard.Severity != SafeguardSeverity.Blocking && r.Outcome == SafeguardOutcome.NotSatisfied && r.Safeguard.RefusalGround == RefusalGroundKind.None).ToList();
        if (advice.Count > 0)
        {
            explanation.Add(W("line_advice"));
            explanation.AddRange(advice.Select(r => Item(r, "item_advisory")));
        }

        return explanation;
    }

    /// <summary>A safeguard's citations, basis and hedges, for an explanation line: "ETS 24, Art. 3(2); basis: treaty text".</summary>
    private static string Sources(SafeguardInfo safeguard, string? language)
    {
        var builder = new StringBuilder();
        builder.Append(string.Join("; ", safeguard.Citations));
        if (safeguard.Basis != SafeguardBasis.Unstated)
        {
            var basis = Wording.Get(language, safeguard.Basis switch
            {
                SafeguardBasis.Treaty => "basis_treaty",
                SafeguardBasis.HumanRightsLaw => "basis_human_rights_law",
                _ => "basis_policy",
            });
            builder.Append("; ").Append(Wording.Get(language, "basis", basis));
        }

        foreach (var hedge in safeguard.Hedges)
        {
            builder.Append("; ").Append(hedge.Description);
        }

        return builder.ToString();
    }

    /// <summary>The answers a rule reads, for explanations: <c>facts.convention-offence is no</c>.</summary>
    private static string Answers(ChecklistRules rules, IReadOnlyList<int> reads, ReadOnlySpan<AnswerValue> answers, string? language)
    {
        var parts = new List<string>();
        foreach (var position in reads)
        {
            var question = rules.Questions[position];
            parts.Add(Wording.Get(language, "reason_answer", question.Id, answers[position].Format(question) ?? Wording.Get(language, "unanswered_answer")));
        }

        return parts.Count == 0 ? Wording.Get(language, "reads_no_answer") : string.Join(", ", parts);
    }
}
