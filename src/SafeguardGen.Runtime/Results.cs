using System;
using System.Collections.Generic;
using System.Linq;

namespace SafeguardGen;

/// <summary>An answer as given, for explanations: the question and the answer written out, or null when unanswered.</summary>
/// <param name="Question">The question.</param>
/// <param name="Text">The answer as text, or null.</param>
public readonly record struct AnswerText(QuestionInfo Question, string? Text)
{
    /// <summary>Whether the question is answered.</summary>
    public bool IsAnswered => Text is not null;
}

/// <summary>How one safeguard stands, and why.</summary>
/// <param name="Safeguard">The safeguard.</param>
/// <param name="Outcome">Its outcome.</param>
/// <param name="Reason">Why, naming the answers, conditions or exception that decided it.</param>
/// <param name="UnansweredQuestions">The questions it reads that have no answer yet.</param>
public sealed record SafeguardResult(SafeguardInfo Safeguard, SafeguardOutcome Outcome, string Reason, IReadOnlyList<QuestionInfo> UnansweredQuestions)
{
    /// <summary>For a refusal ground: whether the ground holds.</summary>
    public bool RefusalGroundHolds => Safeguard.RefusalGround != RefusalGroundKind.None && Outcome == SafeguardOutcome.NotSatisfied;
}

/// <summary>
/// The result of validating answers against a checklist. The decision and the outcomes (<see cref="Verdict"/>) are
/// worked out when it is made; the reasons, the explanation and the questions still needed are built from the
/// answers kept with it when first read, so a caller that acts only on the decision pays for none of them.
/// </summary>
/// <remarks>
/// Reading it from several threads is safe: each lazy part is a pure function of the kept answers, so two threads
/// that build it at once build the same thing.
/// </remarks>
public sealed class AssessmentResult
{
    private readonly ChecklistRules? rules;
    private readonly AnswerValue[]? answers;
    private IReadOnlyList<SafeguardResult>? safeguards;
    private IReadOnlyList<string>? explanation;
    private IReadOnlyList<QuestionInfo>? stillNeeded;

    /// <summary>A result given in full, for code that assesses without the evaluator (a test double, a stored result).</summary>
    /// <param name="checklist">The checklist's qualified name, e.g. "budapest.extradition-review".</param>
    /// <param name="decision">The decision.</param>
    /// <param name="safeguards">Every safeguard's result, in checklist order.</param>
    /// <param name="explanation">Why the decision was reached, one line each.</param>
    /// <param name="stillNeeded">The unanswered questions that can still change the decision.</param>
    public AssessmentResult(string checklist, Decision decision, IReadOnlyList<SafeguardResult> safeguards, IReadOnlyList<string> explanation, IReadOnlyList<QuestionInfo> stillNeeded)
    {
        Checklist = checklist ?? throw new ArgumentNullException(nameof(checklist));
        this.safeguards = safeguards ?? throw new ArgumentNullException(nameof(safeguards));
        this.explanation = explanation ?? throw new ArgumentNullException(nameof(explanation));
        this.stillNeeded = stillNeeded ?? throw new ArgumentNullException(nameof(stillNeeded));
        var outcomes = new SafeguardOutcome[safeguards.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = safeguards[i].Outcome;
        }

        Verdict = Verdict.From(decision, outcomes);
    }

    /// <summary>A result of the evaluator: what is not given is built from the rules and the answers when first read.</summary>
    internal AssessmentResult(ChecklistRules rules, AnswerValue[] answers, Verdict verdict, string? language, IReadOnlyList<SafeguardResult>? safeguards, IReadOnlyList<string>? explanation)
    {
        this.rules = rules;
        this.answers = answers;
        Checklist = rules.Id;
        Verdict = verdict;
        Language = language;
        this.safeguards = safeguards;
        this.explanation = explanation;
    }

    /// <summary>The checklist's qualified name, e.g. "budapest.extradition-review".</summary>
    public string Checklist { get; }

    /// <summary>The decision and every safeguard's outcome, with nothing explained.</summary>
    public Verdict Verdict { get; }

    /// <summary>The decision.</summary>
    public Decision Decision => Verdict.Decision;

    /// <summary>Every safeguard's result with its reason, in checklist order.</summary>
    public IReadOnlyList<SafeguardResult> Safeguards => safeguards ?? Explain().Safeguards;

    /// <summary>Why the decision was reached, naming answers and citations, one line each.</summary>
    public IReadOnlyList<string> Explanation => explanation ?? Explain().Explanation;

    /// <summary>The unanswered questions that can still change the decision, the one that settles most first: ask only these.</summary>
    public IReadOnlyList<QuestionInfo> StillNeeded => stillNeeded ??= rules!.Analysis.StillNeeded(answers, Verdict);

    /// <summary>The language of the reasons and the explanation; null for English.</summary>
    public string? Language { get; }

    private (IReadOnlyList<SafeguardResult> Safeguards, IReadOnlyList<string> Explanation) Explain()
    {
        var (results, lines, _) = Evaluator.Explain(rules!, answers, null, Language);
        safeguards = results;
        explanation = lines;
        return (results, lines);
    }

    /// <summary>
    /// The same assessment with its reasons and explanation in <paramref name="language"/> (one of
    /// <see cref="Wording.Languages"/>; the checklist's titles where it has them): the decision, the outcomes and
    /// the questions still needed are the same.
    /// </summary>
    /// <exception cref="InvalidOperationException">The result was not made by the evaluator, so there is nothing to explain again.</exception>
    public AssessmentResult In(string language)
    {
        if (rules is null || answers is null)
        {
            throw new InvalidOperationException("This result for checklist '" + Checklist + "' was not made by Evaluator.Validate, so it cannot be explained in another language; validate the answers again with the language.");
        }

        return new AssessmentResult(rules, answers, Verdict, language, null, null) { stillNeeded = stillNeeded };
    }

    /// <summary>The result for one safeguard, by its qualified name.</summary>
    /// <exception cref="KeyNotFoundException">No safeguard has that name; the message names the key and the valid ones.</exception>
    public SafeguardResult this[string safeguardId]
    {
        get
        {
            foreach (var result in Safeguards)
            {
                if (string.Equals(result.Safeguard.Id, safeguardId, StringComparison.Ordinal))
                {
                    return result;
                }
            }

            throw new KeyNotFoundException(NotFoundMessage(safeguardId));
        }
    }

    // Names are qualified by their treaty ("ets24.persecution"), so the likeliest mistake is an unqualified name:
    // point at the qualified names that end with it before listing every valid one.
    private string NotFoundMessage(string? safeguardId)
    {
        var valid = Safeguards.Select(s => s.Safeguard.Id).ToList();
        var suffix = "." + safeguardId;
        var qualified = valid.Where(id => id.EndsWith(suffix, StringComparison.Ordinal)).ToList();
        var hint = qualified.Count > 0 ? " Safeguard names are qualified by their treaty: did you mean " + string.Join(" or ", qualified.Select(id => "'" + id + "'")) + "?" : string.Empty;
        var list = valid.Count == 0 ? "it has no safeguards." : "the valid names are " + string.Join(", ", valid.Select(id => "'" + id + "'")) + ".";
        return "Checklist '" + Checklist + "' has no safeguard '" + safeguardId + "'." + hint + " In this checklist " + list;
    }
}
