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

/// <summary>The result of validating answers against a checklist.</summary>
/// <param name="Checklist">The checklist's qualified name, e.g. "budapest.extradition-review".</param>
/// <param name="Decision">The decision.</param>
/// <param name="Safeguards">Every safeguard's result, in checklist order.</param>
/// <param name="Explanation">Why the decision was reached, naming answers and citations, one line each.</param>
/// <param name="StillNeeded">The unanswered questions that can still change the decision: ask only these.</param>
public sealed record AssessmentResult(
    string Checklist,
    Decision Decision,
    IReadOnlyList<SafeguardResult> Safeguards,
    IReadOnlyList<string> Explanation,
    IReadOnlyList<QuestionInfo> StillNeeded)
{
    /// <summary>The language of the reasons and the explanation; null for English.</summary>
    public string? Language { get; init; }

    // What the result was reached from, so that it can be explained again in another language.
    internal ChecklistRules? Rules { get; init; }

    internal AnswerValue[]? Answers { get; init; }

    /// <summary>
    /// The same assessment with its reasons and explanation in <paramref name="language"/> (one of
    /// <see cref="Wording.Languages"/>; the checklist's titles where it has them): the decision, the outcomes and
    /// the questions still needed are the same.
    /// </summary>
    /// <exception cref="InvalidOperationException">The result was not made by the evaluator, so there is nothing to explain again.</exception>
    public AssessmentResult In(string language)
    {
        if (Rules is null || Answers is null)
        {
            throw new InvalidOperationException("This result for checklist '" + Checklist + "' was not made by Evaluator.Validate, so it cannot be explained in another language; validate the answers again with the language.");
        }

        return Evaluator.Validate(Rules, Answers, null, language);
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
