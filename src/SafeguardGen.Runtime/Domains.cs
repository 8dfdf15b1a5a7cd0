using System;
using System.Collections.Generic;
using System.Linq;

namespace SafeguardGen;

/// <summary>
/// For each question, a few answers that stand for all of them: every answer behaves, in every rule of the
/// checklist, exactly like one of its representatives. Options are grouped by the option sets the rules name;
/// numbers and dates by the constants they are compared with (each constant, and enough values inside each interval
/// between them for the questions compared with one another to take every order); texts by the texts they are
/// compared with and fresh ones; lists by the subsets of those groups.
/// </summary>
internal sealed class Domains
{
    /// <summary>The most groups of elements a list question is split into (its subsets are enumerated).</summary>
    private const int MaxListGroups = 12;

    private readonly ChecklistRules rules;
    private readonly Atoms atoms;

    /// <summary>For each question, the questions compared with it directly or through others (itself included).</summary>
    private readonly List<int>[] groups;

    /// <summary>Each question's representatives when no question of its group is answered.</summary>
    private readonly AnswerValue[][] unlinked;

    internal Domains(ChecklistRules rules)
    {
        this.rules = rules;
        atoms = new Atoms(rules.Questions.Count);
        foreach (var safeguard in rules.Safeguards)
        {
            safeguard.Visit(atoms);
        }

        rules.Scope?.Condition.Rule.Visit(atoms);
        groups = atoms.Groups();
        unlinked = Enumerable.Range(0, rules.Questions.Count).Select(q => Compute(q, [])).ToArray();
    }

    /// <summary>
    /// A question's representatives for these answers. A question compared with another question that is answered
    /// must also take that answer's value and its neighbours, which no rule names, so those count as constants too.
    /// </summary>
    internal AnswerValue[] For(int question, ReadOnlySpan<AnswerValue> answers)
    {
        var group = groups[question];
        if (group.Count == 1)
        {
            return unlinked[question];
        }

        var answered = new List<AnswerValue>();
        foreach (var member in group)
        {
            if (answers[member].IsAnswered && answers[member].Kind != AnswerValueKind.List)
            {
                answered.Add(answers[member]);
            }
        }

        return answered.Count == 0 ? unlinked[question] : Compute(question, answered);
    }

    /// <summary>Questions compared with one another share their constants, and need as many values per interval as the group has questions.</summary>
    private AnswerValue[] Compute(int question, List<AnswerValue> answered)
    {
        var group = groups[question];
        var constants = group.SelectMany(member => atoms.Constants[member]).Concat(group.SelectMany(member => atoms.Sets[member].SelectMany(s => s))).Concat(answered).ToList();
        return Representatives(rules.Questions[question], constants, atoms.Sets[question], atoms.Constants[question], group.Count, linked: group.Count > 1);
    }

    private static AnswerValue[] Representatives(QuestionInfo question, List<AnswerValue> constants, List<AnswerValue[]> sets, List<AnswerValue> ownConstants, int width, bool linked)
    {
        var elements = question.Type switch
        {
            AnswerType.YesNo => [AnswerValue.YesNo(true), AnswerValue.YesNo(false)],
            AnswerType.Choice => Options(question, sets, ownConstants, linked),
            AnswerType.Text => Texts(constants, question.IsList ? 1 : width),
            AnswerType.Date => Ordered(constants, question.IsList ? 1 : width, isDate: true),
            _ => Ordered(constants, question.IsList ? 1 : width, isDate: false),
        };

        if (!question.IsList)
        {
            return elements;
        }

        // A list: every subset of the element groups (the empty list included).
        var groups = Math.Min(elements.Length, MaxListGroups);
        var subsets = new AnswerValue[1 << groups];
        for (var mask = 0; mask < subsets.Length; mask++)
        {
            var items = new List<AnswerValue>();
            for (var g = 0; g < groups; g++)
            {
                if ((mask & (1 << g)) != 0)
                {
                    items.Add(elements[g]);
                }
            }

            if (mask == subsets.Length - 1)
            {
                // The full list also holds the groups beyond the limit, so every element is reachable.
                items.AddRange(elements.Skip(groups));
            }

            subsets[mask] = AnswerValue.List(items.ToArray());
        }

        return subsets;
    }

    /// <summary>One option per group of options that every rule treats alike.</summary>
    private static AnswerValue[] Options(QuestionInfo question, List<AnswerValue[]> sets, List<AnswerValue> constants, bool linked)
    {
        var count = question.Options.Count;
        if (linked)
        {
            return Enumerable.Range(0, count).Select(AnswerValue.Choice).ToArray();
        }

        var atoms = sets.Concat(constants.Select(c => new[] { c })).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<AnswerValue>();
        for (var option = 0; option < count; option++)
        {
            var value = AnswerValue.Choice(option);
            var signature = new string(atoms.Select(a => Array.IndexOf(a, value) >= 0 ? '1' : '0').ToArray());
            if (seen.Add(signature))
            {
                result.Add(value);
            }
        }

        return result.ToArray();
    }

    /// <summary>Each text compared with, and as many fresh ones as questions compared with one another.</summary>
    private static AnswerValue[] Texts(List<AnswerValue> constants, int fresh)
    {
        var texts = constants.Where(c => c.Kind == AnswerValueKind.Text && c.IsAnswered).Select(c => c.AsText).Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal).ToList();
        var result = texts.Select(AnswerValue.Text).ToList();
        for (var i = 0; result.Count < texts.Count + fresh; i++)
        {
            var candidate = "answer " + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!texts.Contains(candidate, StringComparer.Ordinal))
            {
                result.Add(AnswerValue.Text(candidate));
            }
        }

        return result.ToArray();
    }

    /// <summary>Each constant, and <paramref name="width"/> values in each interval around and between them.</summary>
    private static AnswerValue[] Ordered(List<AnswerValue> constants, int width, bool isDate)
    {
        var points = constants.Where(c => c.Kind is AnswerValueKind.Number or AnswerValueKind.Date).Select(c => c.AsNumber).Distinct().OrderBy(n => n).ToList();
        var values = new List<decimal>();
        if (points.Count == 0)
        {
            var origin = isDate ? DateOnly.FromDateTime(new DateTime(2000, 1, 1)).DayNumber : 0;
            values.AddRange(Enumerable.Range(0, width).Select(i => (decimal)(origin + i)));
        }
        else
        {
            for (var i = 1; i <= width; i++)
            {
                values.Add(points[0] - i);
                values.Add(points[points.Count - 1] + i);
            }

            for (var p = 0; p < points.Count; p++)
            {
                values.Add(points[p]);
                if (p + 1 < points.Count)
                {
                    var low = points[p];
                    var high = points[p + 1];
                    for (var i = 1; i <= width; i++)
                    {
                        var value = isDate ? low + i : low + ((high - low) * i / (width + 1));
                        if (value < high)
                        {
                            values.Add(value);
                        }
                    }
                }
            }
        }

        var max = DateOnly.MaxValue.DayNumber;
        return values.Distinct().OrderBy(v => v)
            .Where(v => !isDate || (v >= 0 && v <= max))
            .Select(v => isDate ? AnswerValue.Date(DateOnly.FromDayNumber((int)v)) : AnswerValue.Number(v))
            .ToArray();
    }

    private sealed class Atoms(int count) : IRuleVisitor
    {
        public List<AnswerValue>[] Constants { get; } = Enumerable.Range(0, count).Select(_ => new List<AnswerValue>()).ToArray();

        public List<AnswerValue[]>[] Sets { get; } = Enumerable.Range(0, count).Select(_ => new List<AnswerValue[]>()).ToArray();

        private readonly List<(int, int)> links = [];

        public void Read(int question)
        {
        }

        public void Constant(int question, AnswerValue value) => Constants[question].Add(value);

        public void Set(int question, AnswerValue[] values) => Sets[question].Add(values);

        public void Linked(int question, int other) => links.Add((question, other));

        public void Presence(int question)
        {
        }

        /// <summary>For each question, the questions compared with it directly or through others (itself included).</summary>
        public List<int>[] Groups()
        {
            var groups = Enumerable.Range(0, Constants.Length).Select(q => new List<int> { q }).ToArray();
            foreach (var (a, b) in links)
            {
                if (ReferenceEquals(groups[a], groups[b]))
                {
                    continue;
                }

                var merged = groups[a];
                foreach (var member in groups[b])
                {
                    merged.Add(member);
                    groups[member] = merged;
                }
            }

            return groups;
        }
    }
}
