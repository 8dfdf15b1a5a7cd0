using System;
using System.Collections.Generic;
using System.Linq;

namespace SafeguardGen.Language.Binding;

/// <summary>
/// Where each answer of a checklist lives in the answers JSON: the contract between the generated answers types,
/// the runtime's question IDs and the scenarios that read request files. A safeguard's member is its own name,
/// qualified by its treaty where two safeguards of the checklist share it, or where it is <c>facts</c>, the member
/// that holds the facts; a fact's member is its own name, qualified where two facts of the checklist share it and
/// it comes from another treaty than the checklist's.
/// </summary>
public sealed class AnswerPaths
{
    public const string FactsMember = "facts";

    private readonly string checklistTreaty;
    private readonly Dictionary<string, int> safeguardNameCounts;
    private readonly Dictionary<string, int> factNameCounts;

    public AnswerPaths(QualifiedName checklist, IEnumerable<QualifiedName> safeguards, IEnumerable<QualifiedName> facts)
    {
        checklistTreaty = checklist.Treaty;
        safeguardNameCounts = safeguards.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        factNameCounts = facts.GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>A safeguard's member in the answers object.</summary>
    public string SafeguardMember(QualifiedName safeguard) =>
        safeguard.Name == FactsMember || (safeguardNameCounts.TryGetValue(safeguard.Name, out var count) && count > 1) ? safeguard.ToString() : safeguard.Name;

    /// <summary>A question's member in its owner's object (a fact's in <c>facts</c>).</summary>
    public string QuestionMember(QuestionKey question) =>
        question.IsFact && question.Owner.Treaty != checklistTreaty && factNameCounts.TryGetValue(question.Owner.Name, out var count) && count > 1
            ? question.ToString()
            : question.Question ?? question.Owner.Name;

    /// <summary>The question's ID in the runtime (<c>QuestionInfo.Id</c>): <c>persecution.grounds</c>, <c>facts.coercive</c>.</summary>
    public string Id(QuestionKey question) =>
        question.IsFact ? FactsMember + "." + question.Owner.Name : SafeguardMember(question.Owner) + "." + question.Question;
}
