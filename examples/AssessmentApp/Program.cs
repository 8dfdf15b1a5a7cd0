using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using SafeguardGen.Generated;

namespace SafeguardGen.Examples.AssessmentApp;

/// <summary>
/// Assesses sample requests with the checklists generated from examples/treaties. With no argument it assesses
/// every sample and exits 0; with one request file it exits with the code of the decision, for scripts.
/// </summary>
internal static class Program
{
    /// <summary>Exit codes for one request: one per decision, apart from 1 (bad input) and 2 (usage).</summary>
    internal static int ExitCode(Decision decision) => decision switch
    {
        Decision.Proceed => 0,
        Decision.MayRefuse => 10,
        Decision.MustRefuse => 11,
        Decision.OutsideInstrument => 13,
        _ => 12,
    };

    private static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--comparisons")
        {
            PrintComparisons();
            return 0;
        }

        // --language xx shows outcomes, decisions, explanations and the checklists' texts in that language.
        var language = "en";
        var rest = args.ToList();
        var at = rest.IndexOf("--language");
        if (at >= 0)
        {
            if (at + 1 >= rest.Count || !Wording.Has(rest[at + 1]))
            {
                Console.Error.WriteLine("AssessmentApp: --language takes one of " + string.Join(", ", Wording.Languages) + ".");
                return 2;
            }

            language = rest[at + 1];
            rest.RemoveRange(at, 2);
        }

        if (rest.Count > 1 || (rest.Count == 1 && rest[0].StartsWith('-')))
        {
            Console.Error.WriteLine("usage: AssessmentApp [request.json] [--language en|ar|es|fr|ru|zh] | --comparisons");
            Console.Error.WriteLine("  With no request, assesses every sample in requests/ and exits 0.");
            Console.Error.WriteLine("  With --comparisons, prints the gaps of every comparison in examples/comparisons.");
            Console.Error.WriteLine("  With one, exits 0 Proceed, 10 MayRefuse, 11 MustRefuse, 12 Incomplete, 13 OutsideInstrument; 1 if the request cannot be read.");
            return 2;
        }

        if (rest.Count == 1)
        {
            var result = Assess(rest[0], language);
            return result is null ? 1 : ExitCode(result.Decision);
        }

        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "requests"), "*.json").OrderBy(p => p, StringComparer.Ordinal).ToList();
        var failed = samples.Select(p => Assess(p, language)).Count(r => r is null);
        return failed == 0 ? 0 : 1;
    }

    /// <summary>The gaps of each comparison, read from the metadata the generator emits: what an app can show beside a checklist.</summary>
    private static void PrintComparisons()
    {
        foreach (var comparison in SafeguardComparisons.All)
        {
            Console.WriteLine("== " + comparison.Title + " (" + comparison.Instrument + " against " + comparison.BaselineTitle + ")");
            foreach (var judgement in comparison.Gaps)
            {
                Console.WriteLine("  " + judgement.Relationship.ToString().PadRight(8) + "  " + judgement.RequirementTitle + (judgement.Gap is null ? string.Empty : ": " + judgement.Gap));
            }

            var counts = Enum.GetValues<ComparisonRelationship>().Select(r => r + " " + comparison.Count(r).ToString(CultureInfo.InvariantCulture));
            Console.WriteLine("  " + string.Join(", ", counts) + "; " + comparison.ExcessPowers.Count.ToString(CultureInfo.InvariantCulture) + " powers beyond the baseline");
            Console.WriteLine();
        }
    }

    private static AssessmentResult? Assess(string path, string language)
    {
        Console.WriteLine("== " + Path.GetFileName(path));
        try
        {
            using var request = JsonDocument.Parse(File.ReadAllText(path));
            var id = request.RootElement.GetProperty("checklist").GetString() ?? string.Empty;
            var checklist = SafeguardChecklists.Find(id);
            if (checklist is null)
            {
                Console.Error.WriteLine(path + ": no checklist named '" + id + "'; known: " + string.Join(", ", SafeguardChecklists.All.Select(c => c.Id)));
                return null;
            }

            var result = checklist.ValidateJson(request.RootElement.GetProperty("answers").GetRawText());
            if (language != "en")
            {
                result = result.In(language);
            }

            Print(checklist, request.RootElement.TryGetProperty("description", out var description) ? description.GetString() : null, result, language);
            if (result.Checklist == Budapest.MutualAssistanceReviewChecklist.Id)
            {
                var notes = new MutualAssistanceCaseNotes();
                notes.Handle(result);
                Console.WriteLine("Case-file notes:");
                foreach (var note in notes.Lines)
                {
                    Console.WriteLine("  " + note);
                }
            }

            Console.WriteLine();
            return result;
        }
        catch (Exception exception) when (exception is IOException or JsonException or System.Collections.Generic.KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(path + ": cannot assess the request: " + exception.Message);
            return null;
        }
    }

    /// <summary>A text in the language, or in its own language followed by "[en]" when it has no translation: never passed off as translated.</summary>
    private static string Shown(LocalizedText text, string language) =>
        language == "en" || text.Languages.Contains(language, StringComparer.OrdinalIgnoreCase) ? text.Get(language) : text.Text + " [en]";

    private static void Print(IChecklist checklist, string? description, AssessmentResult result, string language)
    {
        Console.WriteLine("Checklist: " + checklist.Id + " (" + Shown(checklist.Title, language) + ")");
        if (description is not null)
        {
            Console.WriteLine("Request:   " + description);
        }

        foreach (var safeguard in result.Safeguards)
        {
            // A refusal ground reads "The ground applies" when it holds, never "not satisfied".
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-26} {1} [{2}]", Wording.Outcome(safeguard.Safeguard, safeguard.Outcome, language), Shown(safeguard.Safeguard.Title, language), string.Join("; ", safeguard.Safeguard.Citations)));
        }

        Console.WriteLine("Decision:  " + Wording.Decision(result.Decision, language));
        foreach (var line in result.Explanation)
        {
            Console.WriteLine("  " + line);
        }

        if (result.StillNeeded.Count > 0)
        {
            Console.WriteLine("Still needed:");
            foreach (var question in result.StillNeeded)
            {
                Console.WriteLine("  - " + question.Id + ": " + Shown(question.Ask, language));
            }
        }
    }
}
