using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Emit;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Checks;

/// <summary>The C# types one checklist generates, and where it is declared: all the collision check needs.</summary>
public sealed record ChecklistTypes(string Id, string Namespace, string ChecklistClass, string AnswersClass, SourceLocation Location)
{
    public static ChecklistTypes From(ChecklistSlice slice) => new(slice.Id, slice.Namespace, slice.ChecklistClass, slice.AnswersClass, slice.Checklist.Location);

    public string FullChecklistClass => Namespace + "." + ChecklistClass;

    public string FullAnswersClass => Namespace + "." + AnswersClass;
}

/// <summary>The outcome of the check: its diagnostics, and the checklists whose code must not be emitted.</summary>
public sealed record GeneratedNamesResult(EquatableArray<Diagnostic> Diagnostics, EquatableArray<string> Excluded)
{
    public bool Excludes(string checklistId) => Excluded.Contains(checklistId);
}

/// <summary>
/// Checks, across every checklist of a project, that the C# types they generate cannot collide: no two
/// checklists generate the same type (<c>x</c> and <c>x-checklist</c>, <c>a-b</c> and <c>a_b</c>, or the same
/// name in two treaties that share a namespace), no type has the full name of another checklist's namespace, and
/// no checklist lands in a namespace SafeguardGen's runtime and registry use. A checklist reported here is
/// not emitted, so the C# compiler adds no errors of its own to the one diagnostic.
/// </summary>
public static class GeneratedNames
{
    /// <summary>SafeguardGen's own root namespace: the runtime's types and the generated registry live in it.</summary>
    public const string ReservedRoot = "SafeguardGen";

    /// <summary>
    /// The names directly under <see cref="ReservedRoot"/> that are taken: the registry's namespace and the
    /// runtime's public types, which generated code names as <c>global::SafeguardGen.Logic</c> and the like. A
    /// namespace of the same name would make every such reference ambiguous. A test keeps this list equal to the
    /// runtime's public types.
    /// </summary>
    public static readonly IReadOnlyCollection<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "Generated",
        "AnswersJson", "AnswerText", "AnswerType", "AssessmentResult", "ChecklistHandlerAttribute", "ChoiceJsonConverter",
        "Citation", "Decision", "Evaluator", "ExceptionResult", "HandlesSafeguardAttribute", "IChecklist", "LocalizedText", "TextListJsonConverter",
        "Logic", "OptionInfo", "QuestionInfo", "RefusalGroundKind", "SafeguardInfo", "SafeguardOutcome", "SafeguardResult",
        "SafeguardSeverity", "TestResult", "Truth",
        "AnswerValue", "AnswerValueKind", "ChecklistCoverage", "ChecklistRules", "Comparison", "ConditionRule", "DecisionSeen",
        "ExceptionRule", "GivenAnswer", "OutcomeCheck", "OutcomeSeen", "Rule", "RuleCoverage", "SafeguardCoverage", "SafeguardRules",
        "Scenario", "ScenarioFailedException", "ScenarioFailure", "ScenarioReport", "ScenarioResult", "ScenarioRunner", "SourcePosition",
        "StillNeededCheck", "StillNeededComparison", "TestRule", "TruthSeen", "Wording",
        "Hedge", "Quote", "SafeguardBasis", "ScopeRule",
        "ComparisonInfo", "ComparisonRelationship", "ExcessPowerInfo", "JudgementInfo", "RefusalGroundStrength",
        "Atoms", "SafeguardLogic", "Verdict",
    };

    public static GeneratedNamesResult Check(IEnumerable<ChecklistTypes> checklists)
    {
        var ordered = checklists.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var diagnostics = new List<Diagnostic>();
        var excluded = new SortedSet<string>(StringComparer.Ordinal);

        // Full type name -> the first checklist that claims it (in ID order, so the report does not depend on file order).
        var types = new Dictionary<string, (ChecklistTypes Owner, string What)>(StringComparer.Ordinal);
        var namespaces = new Dictionary<string, ChecklistTypes>(StringComparer.Ordinal);
        foreach (var checklist in ordered)
        {
            if (IsReserved(checklist.Namespace))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ReservedNamespace, checklist.Location, checklist.Id, checklist.Namespace));
                excluded.Add(checklist.Id);
                continue;
            }

            foreach (var prefix in Prefixes(checklist.Namespace))
            {
                if (!namespaces.ContainsKey(prefix))
                {
                    namespaces.Add(prefix, checklist);
                }
            }
        }

        foreach (var checklist in ordered.Where(c => !excluded.Contains(c.Id)))
        {
            foreach (var (type, what) in new[] { (checklist.FullChecklistClass, "class"), (checklist.FullAnswersClass, "answers class") })
            {
                if (types.TryGetValue(type, out var first))
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.GeneratedTypeCollision, checklist.Location, checklist.Id, what, type, "checklist '" + first.Owner.Id + "' (" + Where(first.Owner.Location) + ") also generates"));
                    excluded.Add(checklist.Id);
                    break;
                }

                if (namespaces.TryGetValue(type, out var spaceOwner))
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.GeneratedTypeCollision, checklist.Location, checklist.Id, what, type, "is also the name of the namespace of checklist '" + spaceOwner.Id + "' (" + Where(spaceOwner.Location) + ")"));
                    excluded.Add(checklist.Id);
                    break;
                }
            }

            if (!excluded.Contains(checklist.Id))
            {
                types[checklist.FullChecklistClass] = (checklist, "class");
                types[checklist.FullAnswersClass] = (checklist, "answers class");
            }
        }

        return new GeneratedNamesResult(diagnostics.ToEquatableArray(), excluded.ToEquatableArray());
    }

    /// <summary><c>SafeguardGen</c> itself, and any namespace whose second part is one of <see cref="ReservedNames"/>.</summary>
    public static bool IsReserved(string @namespace)
    {
        var parts = @namespace.Split('.');
        return parts[0] == ReservedRoot && (parts.Length == 1 || ReservedNames.Contains(parts[1]));
    }

    private static IEnumerable<string> Prefixes(string @namespace)
    {
        for (var i = @namespace.IndexOf('.'); i >= 0; i = @namespace.IndexOf('.', i + 1))
        {
            yield return @namespace.Substring(0, i);
        }

        yield return @namespace;
    }

    private static string Where(SourceLocation location) =>
        location.Path + " line " + location.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
