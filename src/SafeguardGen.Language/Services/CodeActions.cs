using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Services;

/// <summary>A fix a diagnostic suggests, as edits.</summary>
public sealed record CodeAction(string Title, EquatableArray<TextEdit> Edits, Diagnostic Diagnostic);

/// <summary>
/// The fixes the diagnostics already spell out: "did you mean 'x'?" replaces the name; SG0206 adds the import;
/// SG0230 adds the missing safeguard to the measure's safeguards.
/// </summary>
public static class CodeActions
{
    private static readonly Regex DidYouMean = new("did you mean '(?<name>[^']+)'", RegexOptions.CultureInvariant);
    private static readonly Regex MissingRequirements = new("^Measure '(?<measure>[^']+)' does not cover (?<what>.*?), required by profile", RegexOptions.CultureInvariant);
    private static readonly Regex ImportToAdd = new("add 'import (?<treaty>[^']+)'$", RegexOptions.CultureInvariant);
    private static readonly Regex Requirement = new("(?<sort>kind|safeguard) '(?<name>[^']+)'", RegexOptions.CultureInvariant);

    public static IReadOnlyList<CodeAction> For(FileAnalysis file, TextSpan range)
    {
        var actions = new List<CodeAction>();
        foreach (var diagnostic in file.Diagnostics.Where(d => d.Location.Path == file.Path && Overlaps(d.Location.Span, range)))
        {
            var span = diagnostic.Location.Span;
            var suggestion = DidYouMean.Match(diagnostic.Message);
            if (suggestion.Success && Lexing.Lexer.IsIdentifier(suggestion.Groups["name"].Value.Replace(".", "x")))
            {
                var name = suggestion.Groups["name"].Value;
                actions.Add(new CodeAction("Change to '" + name + "'", new[] { new TextEdit(file.Path, span, name) }.ToEquatableArray(), diagnostic));
            }

            if (diagnostic.Id == DiagnosticDescriptors.TreatyNotImported.Id && AddImport(file, diagnostic) is { } import)
            {
                actions.Add(import);
            }

            if (diagnostic.Id == DiagnosticDescriptors.MissingProfileRequirement.Id)
            {
                actions.AddRange(AddToMeasure(file, diagnostic));
            }
        }

        return actions;
    }

    private static CodeAction? AddImport(FileAnalysis file, Diagnostic diagnostic)
    {
        var match = ImportToAdd.Match(diagnostic.Message);
        var syntax = file.Parsed.Syntax;
        if (!match.Success || syntax.Header is null)
        {
            return null;
        }

        var treaty = match.Groups["treaty"].Value;
        var edit = syntax.Imports.IsEmpty
            ? new TextEdit(file.Path, new TextSpan(syntax.Header.Span.End, 0), "\n\nimport " + treaty)
            : new TextEdit(file.Path, new TextSpan(syntax.Imports[syntax.Imports.Count - 1].Span.End, 0), "\nimport " + treaty);
        return new CodeAction("Add 'import " + treaty + "'", new[] { edit }.ToEquatableArray(), diagnostic);
    }

    /// <summary>For each safeguard the profile requires by name, and each safeguard of the file that has a kind it requires, an action that adds it to the measure.</summary>
    private static IEnumerable<CodeAction> AddToMeasure(FileAnalysis file, Diagnostic diagnostic)
    {
        var match = MissingRequirements.Match(diagnostic.Message);
        var measure = match.Success ? file.Parsed.Syntax.Declarations.OfType<MeasureSyntax>().FirstOrDefault(m => m.Name.Text == match.Groups["measure"].Value) : null;
        if (measure is null)
        {
            yield break;
        }

        var listed = new HashSet<string>(measure.Safeguards.Select(s => s.Text), StringComparer.Ordinal);
        foreach (Match requirement in Requirement.Matches(match.Groups["what"].Value))
        {
            var name = requirement.Groups["name"].Value;
            var candidates = requirement.Groups["sort"].Value == "safeguard"
                ? new[] { (Name: name, Why: string.Empty) }
                : (file.Bound?.Treaty?.Safeguards ?? default)
                    .Where(s => s.Kinds.Any(k => k.ToString() == name || k.Name == name || k.ToString().StartsWith(name + "(", StringComparison.Ordinal)))
                    .Select(s => (Name: s.Name.Name, Why: " (" + name + ")"))
                    .ToArray();
            foreach (var (safeguard, why) in candidates.Where(c => !listed.Contains(c.Name)))
            {
                var edit = measure.Safeguards.IsEmpty
                    ? new TextEdit(file.Path, new TextSpan(measure.Span.End - 1, 0), "  safeguards " + safeguard + "\n")
                    : new TextEdit(file.Path, new TextSpan(measure.Safeguards[measure.Safeguards.Count - 1].Span.End, 0), ", " + safeguard);
                yield return new CodeAction("Add '" + safeguard + "'" + why + " to the measure's safeguards", new[] { edit }.ToEquatableArray(), diagnostic);
            }
        }
    }

    private static bool Overlaps(TextSpan span, TextSpan range) => span.Start <= range.End && range.Start <= span.End;
}
