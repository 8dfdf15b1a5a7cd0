using System;
using System.Collections.Generic;
using System.Linq;

namespace SafeguardGen;

/// <summary>A text in the treaty's own language, with its translations by language tag.</summary>
public sealed class LocalizedText
{
    private readonly KeyValuePair<string, string>[] translations;

    /// <summary>Creates a text with translations given as pairs of language tag and text.</summary>
    public LocalizedText(string text, params string[] translationPairs)
    {
        ArgumentNullException.ThrowIfNull(translationPairs);
        Text = text;
        translations = new KeyValuePair<string, string>[translationPairs.Length / 2];
        for (var i = 0; i < translations.Length; i++)
        {
            translations[i] = new KeyValuePair<string, string>(translationPairs[2 * i], translationPairs[(2 * i) + 1]);
        }
    }

    /// <summary>The text in the treaty's own language.</summary>
    public string Text { get; }

    /// <summary>The languages this text is translated into.</summary>
    public IEnumerable<string> Languages => translations.Select(t => t.Key);

    /// <summary>The text in <paramref name="language"/>, or in the treaty's own language when there is no translation.</summary>
    public string Get(string? language)
    {
        foreach (var translation in translations)
        {
            if (string.Equals(translation.Key, language, StringComparison.OrdinalIgnoreCase))
            {
                return translation.Value;
            }
        }

        return Text;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>Where a safeguard comes from: an instrument's article, paragraph and letter.</summary>
/// <param name="Instrument">The instrument's reference, e.g. "ETS 185".</param>
/// <param name="Display">How a lawyer writes it, e.g. "ETS 185, Art. 15(2)".</param>
/// <param name="Verified">Whether the wording was checked against an authoritative text.</param>
/// <param name="Note">Why the citation is uncertain, or other remarks.</param>
/// <param name="Source">The text the wording was checked against, or null.</param>
/// <param name="Quotes">The cited wording, in the languages quoted; empty when none is quoted.</param>
public sealed record Citation(string Instrument, string Display, bool Verified, string? Note, string? Source = null, IReadOnlyList<Quote>? Quotes = null)
{
    /// <summary>The cited wording, in the languages quoted; empty when none is quoted.</summary>
    public IReadOnlyList<Quote> Quotes { get; init; } = Quotes ?? Array.Empty<Quote>();

    /// <inheritdoc/>
    public override string ToString() => Verified ? Display : Display + " (unverified)";
}

/// <summary>The wording of a provision in one language.</summary>
/// <param name="Language">The language of the wording, a BCP 47 tag such as "en" or "ar".</param>
/// <param name="Text">The wording.</param>
public sealed record Quote(string Language, string Text);

/// <summary>Where a safeguard's force comes from.</summary>
public enum SafeguardBasis
{
    /// <summary>The author did not say.</summary>
    Unstated,

    /// <summary>The wording of the instrument.</summary>
    Treaty,

    /// <summary>A standard of international human-rights law.</summary>
    HumanRightsLaw,

    /// <summary>A policy choice or advocacy position.</summary>
    Policy,
}

/// <summary>A way the provision's wording qualifies its own obligation.</summary>
/// <param name="Kind">"as-appropriate", "subject-to-domestic-law", "may" or "within-means".</param>
/// <param name="Description">The hedge in plain words, with the hedging wording where the author quoted it.</param>
public sealed record Hedge(string Kind, string Description);

/// <summary>One option of a choice question.</summary>
/// <param name="Id">The option's name in the .treaty file.</param>
/// <param name="Label">What the assessor reads.</param>
public sealed record OptionInfo(string Id, LocalizedText Label);

/// <summary>A question of a checklist: a safeguard's, or a fact about the request.</summary>
/// <param name="Id">The question's path in answers, e.g. "persecution.grounds" or "facts.coercive".</param>
/// <param name="Ask">The question put to the assessor.</param>
/// <param name="Type">The answer's type.</param>
/// <param name="IsList">Whether the answer is a list.</param>
/// <param name="Options">The options of a choice.</param>
/// <param name="SatisfiedBy">The answer that satisfies it, as written in the .treaty file, or null.</param>
/// <param name="Guidance">Guidance for the assessor, in Markdown.</param>
public sealed record QuestionInfo(string Id, LocalizedText Ask, AnswerType Type, bool IsList, IReadOnlyList<OptionInfo> Options, string? SatisfiedBy, LocalizedText? Guidance);

/// <summary>Everything a user interface needs to show a safeguard.</summary>
/// <param name="Id">The safeguard's name, qualified by its treaty: "ets24.persecution".</param>
/// <param name="Kinds">Its kinds, e.g. "refusal-ground(mandatory)".</param>
/// <param name="Title">Its title.</param>
/// <param name="Citations">Where it comes from.</param>
/// <param name="Questions">Its questions.</param>
/// <param name="Guidance">Guidance for the assessor, in Markdown.</param>
/// <param name="Severity">Whether it blocks the request.</param>
/// <param name="RefusalGround">Whether it is a ground for refusal.</param>
/// <param name="Basis">Whether it rests on the treaty's text, human-rights law or policy.</param>
/// <param name="Hedges">How the provision's wording qualifies the obligation; empty when it does not.</param>
public sealed record SafeguardInfo(
    string Id,
    IReadOnlyList<string> Kinds,
    LocalizedText Title,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<QuestionInfo> Questions,
    LocalizedText? Guidance,
    SafeguardSeverity Severity,
    RefusalGroundKind RefusalGround,
    SafeguardBasis Basis = SafeguardBasis.Unstated,
    IReadOnlyList<Hedge>? Hedges = null)
{
    /// <summary>How the provision's wording qualifies the obligation; empty when it does not.</summary>
    public IReadOnlyList<Hedge> Hedges { get; init; } = Hedges ?? Array.Empty<Hedge>();

    /// <summary>The basis in plain words: "treaty text", "human-rights law", "policy" or "basis not stated".</summary>
    public string BasisText => Basis switch
    {
        SafeguardBasis.Treaty => "treaty text",
        SafeguardBasis.HumanRightsLaw => "human-rights law",
        SafeguardBasis.Policy => "policy",
        _ => "basis not stated",
    };
}
