using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace SafeguardGen;

/// <summary>
/// The words of outcomes, decisions and explanations, in the six official languages of the United Nations: one
/// checked-in table per language (Wording/*.json). A refusal ground reads the right way round: a ground that
/// holds "applies", one that does not hold "does not apply", never "satisfied". An unknown language gets English.
/// </summary>
public static class Wording
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Tables = new(StringComparer.OrdinalIgnoreCase);
    private static readonly object Gate = new();

    /// <summary>The languages with a table: Arabic, Chinese, English, French, Russian and Spanish.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "ar", "es", "fr", "ru", "zh"];

    /// <summary>Whether <paramref name="language"/> has a table of its own (else its words are English).</summary>
    public static bool Has(string? language) => language is not null && Languages.Contains(language, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A safeguard's outcome in words: "Met", "Not met", "Not applicable", "Unanswered"; for a refusal ground, "The
    /// ground applies" when it holds and "The ground does not apply" when it does not.
    /// </summary>
    public static string Outcome(SafeguardInfo safeguard, SafeguardOutcome outcome, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(safeguard);
        return Get(language, OutcomeKey(safeguard.RefusalGround != RefusalGroundKind.None, outcome));
    }

    /// <summary>A decision in words: "Proceed", "May refuse", "Must refuse", "Incomplete", "Outside the instrument".</summary>
    public static string Decision(Decision decision, string? language = null) => Get(language, decision switch
    {
        SafeguardGen.Decision.Proceed => "decision_proceed",
        SafeguardGen.Decision.MayRefuse => "decision_may_refuse",
        SafeguardGen.Decision.MustRefuse => "decision_must_refuse",
        SafeguardGen.Decision.OutsideInstrument => "decision_outside",
        _ => "decision_incomplete",
    });

    internal static string OutcomeKey(bool ground, SafeguardOutcome outcome) => (ground, outcome) switch
    {
        (true, SafeguardOutcome.Satisfied) => "ground_does_not_apply",
        (true, SafeguardOutcome.NotSatisfied) => "ground_applies",
        (_, SafeguardOutcome.Satisfied) => "outcome_met",
        (_, SafeguardOutcome.NotSatisfied) => "outcome_not_met",
        (_, SafeguardOutcome.NotApplicable) => "outcome_not_applicable",
        _ => "outcome_unanswered",
    };

    /// <summary>The words of <paramref name="key"/> in <paramref name="language"/>, with {0}, {1}... replaced by the arguments.</summary>
    internal static string Get(string? language, string key, params string[] arguments)
    {
        var table = Table(Has(language) ? language! : "en");
        if (!table.TryGetValue(key, out var text))
        {
            text = Table("en")[key];
        }

        if (arguments.Length == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 32);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{' && i + 2 < text.Length && text[i + 1] is >= '0' and <= '9' && text[i + 2] == '}')
            {
                var index = text[i + 1] - '0';
                builder.Append(index < arguments.Length ? arguments[index] : string.Empty);
                i += 2;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>A table, read once from the assembly; internal for the test that every table has every key.</summary>
    internal static IReadOnlyDictionary<string, string> Table(string language)
    {
        lock (Gate)
        {
            if (Tables.TryGetValue(language, out var cached))
            {
                return cached;
            }

            using var stream = typeof(Wording).Assembly.GetManifestResourceStream("SafeguardGen.Wording." + language.ToLowerInvariant() + ".json")
                ?? throw new InvalidOperationException("The wording table '" + language + "' is not embedded in the runtime.");
            using var document = JsonDocument.Parse(stream);
            var table = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                table[property.Name] = property.Value.GetString() ?? string.Empty;
            }

            Tables[language] = table;
            return table;
        }
    }
}
