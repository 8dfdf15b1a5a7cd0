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

        if (args.Length > 1 || (args.Length == 1 && args[0].StartsWith('-')))
        {
            Console.Error.WriteLine("usage: AssessmentApp [request.json | --comparisons]");
            Console.Error.WriteLine("  With no request, assesses every sample in requests/ and exits 0.");
            Console.Error.WriteLine("  With --comparisons, prints the gaps of every comparison in examples/comparisons.");
            Console.Error.WriteLine("  With one, exits 0 Proceed, 10 MayRefuse, 11 MustRefuse, 12 Incomplete, 13 OutsideInstrument; 1 if the request cannot be read.");
            return 2;
        }

        if (args.Length == 1)
        {
            var result = Assess(args[0]);
            return result is null ? 1 : ExitCode(result.Decision);
        }

        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "requests"), "*.json").OrderBy(p => p, StringComparer.Ordinal).ToList();
        var failed = samples.Select(Assess).Count(r => r is null);
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

    private static AssessmentResult? Assess(string path)
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
            Print(checklist, request.RootElement.TryGetProperty("description", out var description) ? description.GetString() : null, result);
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

    private static void Print(IChecklist checklist, string? description, AssessmentResult result)
    {
        Console.WriteLine("Checklist: " + checklist.Id + " (" + checklist.Title.Text + ")");
        if (description is not null)
        {
            Console.WriteLine("Request:   " + description);
        }

        foreach (var safeguard in result.Safeguards)
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-14} {1} [{2}]", safeguard.Outcome, safeguard.Safeguard.Title.Text, string.Join("; ", safeguard.Safeguard.Citations)));
        }

        Console.WriteLine("Decision:  " + result.Decision);
        foreach (var line in result.Explanation)
        {
            Console.WriteLine("  " + line);
        }

        if (result.StillNeeded.Count > 0)
        {
            Console.WriteLine("Still needed:");
            foreach (var question in result.StillNeeded)
            {
                Console.WriteLine("  - " + question.Id + ": " + question.Ask.Text);
            }
        }
    }
}
