using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace SafeguardGen;

/// <summary>
/// Which unanswered questions can still change a checklist's decision, and which to ask first.
/// <para>
/// Definition (dsl-spec/semantics.md): an unanswered question is needed if and only if, for some answers to the
/// other unanswered questions (each may also stay unanswered), answering it gives another decision than leaving it
/// unanswered. Needed questions come in the order that settles most: first the one whose answers leave, on average,
/// the fewest decisions still reachable; then the one more safeguards read; then checklist order.
/// </para>
/// <para>
/// How: every answer of a question behaves like one of a few representatives (the options, constants and intervals
/// its rules distinguish), so each group of safeguards linked by shared unanswered questions is enumerated over
/// those representatives, and the groups are combined through the only thing the decision depends on: whether
/// something makes the request one to refuse, leaves it incomplete, or lets the state refuse, and whether the
/// measure's scope does not hold or is unknown (the scope takes part as one more member of the groups). A group whose
/// enumeration would exceed <see cref="Budget"/> assignments is not enumerated: its safeguards whose outcome is
/// already settled keep it, and each question of the others counts as needed, which may ask too much but never
/// too little.
/// </para>
/// </summary>
internal sealed class StillNeededAnalysis
{
    /// <summary>The most assignments enumerated for one group of linked questions.</summary>
    internal const int Budget = 1 << 12;

    private const int Must = 1;
    private const int Incomplete = 2;
    private const int Optional = 4;
    private const int Outside = 8;
    private const int ScopeUnknown = 16;

    /// <summary>How many combinations of effects there are (five bits).</summary>
    private const int EffectCount = 32;

    /// <summary>How many 64-bit words hold a set of (before, after) pairs of effects.</summary>
    private const int PairWords = EffectCount * EffectCount / 64;

    private readonly ChecklistRules rules;
    private readonly Domains domains;
    private readonly int[][] readers;

    /// <summary>
    /// Per safeguard: whether its rules are monotone (none asks whether a question is answered), so that an outcome
    /// it already has cannot change with more answers.
    /// </summary>
    private readonly bool[] monotone;

    /// <summary>The members of the groups: every safeguard, then the measure's scope when it has one.</summary>
    private readonly int slots;

    internal StillNeededAnalysis(ChecklistRules rules)
    {
        this.rules = rules;
        domains = new Domains(rules);
        slots = rules.Safeguards.Count + (rules.Scope is null ? 0 : 1);
        var readerLists = new List<int>[rules.Questions.Count];
        for (var s = 0; s < slots; s++)
        {
            foreach (var question in ReadsOf(s))
            {
                (readerLists[question] ??= []).Add(s);
            }
        }

        readers = readerLists.Select(l => l?.ToArray() ?? []).ToArray();
        monotone = rules.Safeguards.Select(PresenceCheck.IsMonotone).ToArray();
        if (rules.Scope is not null)
        {
            monotone = [.. monotone, PresenceCheck.IsMonotone(rules.Scope.Condition.Rule)];
        }
    }

    internal static Decision DecisionOf(int effects) =>
        (effects & Outside) != 0 ? Decision.OutsideInstrument
        : (effects & ScopeUnknown) != 0 ? Decision.Incomplete
        : (effects & Must) != 0 ? Decision.MustRefuse
        : (effects & Incomplete) != 0 ? Decision.Incomplete
        : (effects & Optional) != 0 ? Decision.MayRefuse
        : Decision.Proceed;

    private bool IsScope(int slot) => slot == rules.Safeguards.Count;

    private IReadOnlyList<int> ReadsOf(int slot) => IsScope(slot) ? rules.Scope!.Reads : rules.Safeguards[slot].Reads;

    private int EffectsAt(int slot, ReadOnlySpan<AnswerValue> answers)
    {
        if (!IsScope(slot))
        {
            var safeguard = rules.Safeguards[slot];
            return Effects(safeguard.Info, Evaluator.Outcome(safeguard, answers));
        }

        return rules.Scope!.Condition.Rule.Evaluate(answers) switch
        {
            Truth.False => Outside,
            Truth.Unknown => ScopeUnknown,
            _ => 0,
        };
    }

    private static int Effects(SafeguardInfo safeguard, SafeguardOutcome outcome) =>
        (Evaluator.MustRefuse(safeguard, outcome) ? Must : 0) | (Evaluator.LeavesIncomplete(safeguard, outcome) ? Incomplete : 0) | (Evaluator.MayRefuse(safeguard, outcome) ? Optional : 0);

    /// <summary>The effects a member can have at all, whatever the answers.</summary>
    private int PossibleEffects(int slot)
    {
        if (IsScope(slot))
        {
            return Outside | ScopeUnknown;
        }

        var safeguard = rules.Safeguards[slot].Info;
        return Effects(safeguard, SafeguardOutcome.NotSatisfied) | Effects(safeguard, SafeguardOutcome.Unanswered);
    }

    internal IReadOnlyList<QuestionInfo> StillNeeded(ReadOnlySpan<AnswerValue> answers, Verdict verdict)
    {
        // The effects of safeguards whose questions are all answered are fixed.
        var groups = new UnionFind(rules.Questions.Count);
        var fixedEffects = 0;
        var open = new List<int>();
        for (var s = 0; s < slots; s++)
        {
            var first = -1;
            foreach (var question in ReadsOf(s))
            {
                if (!answers[question].IsAnswered)
                {
                    if (first < 0)
                    {
                        first = question;
                    }
                    else
                    {
                        groups.Union(first, question);
                    }
                }
            }

            if (first < 0)
            {
                fixedEffects |= IsScope(s) ? EffectsAt(s, answers) : Effects(rules.Safeguards[s].Info, verdict[s]);
            }
            else
            {
                open.Add(s);
            }
        }

        if (open.Count == 0 || (fixedEffects & Outside) != 0 || ((fixedEffects & Must) != 0 && !open.Any(IsScope)))
        {
            // Nothing brings a case back within the instrument, and nothing lifts a mandatory ground or an unmet
            // blocking safeguard (though whether the instrument governs at all may still be open).
            return [];
        }

        var components = BuildComponents(answers, open, groups);
        var scratch = answers.ToArray();
        foreach (var component in components)
        {
            Enumerate(component, scratch);
        }

        // What the other groups can reach together, for each group: prefix and suffix combinations.
        var prefix = new uint[components.Count + 1];
        var suffix = new uint[components.Count + 1];
        prefix[0] = 1u << fixedEffects;
        suffix[components.Count] = 1;
        for (var i = 0; i < components.Count; i++)
        {
            prefix[i + 1] = Combine(prefix[i], components[i].Reachable);
        }

        for (var i = components.Count - 1; i >= 0; i--)
        {
            suffix[i] = Combine(suffix[i + 1], components[i].Reachable);
        }

        var needed = new List<(int Question, long ScoreNumerator, int ScoreDenominator)>();
        for (var i = 0; i < components.Count; i++)
        {
            var rest = Combine(prefix[i], suffix[i + 1]);
            var component = components[i];
            for (var j = 0; j < component.Questions.Length; j++)
            {
                if (!ChangesDecision(component.Pairs[j], rest))
                {
                    continue;
                }

                long reachable = 0;
                var values = component.After[j];
                for (var v = 0; v < values.Length; v++)
                {
                    reachable += BitOperations.PopCount((uint)Decisions(Combine(values[v], rest)));
                }

                needed.Add((component.Questions[j], reachable, Math.Max(1, values.Length)));
            }
        }

        needed.Sort((a, b) =>
        {
            var byScore = (a.ScoreNumerator * b.ScoreDenominator).CompareTo(b.ScoreNumerator * a.ScoreDenominator);
            if (byScore != 0)
            {
                return byScore;
            }

            var byReaders = readers[b.Question].Length.CompareTo(readers[a.Question].Length);
            return byReaders != 0 ? byReaders : a.Question.CompareTo(b.Question);
        });
        return needed.Select(n => rules.Questions[n.Question]).ToArray();
    }

    /// <summary>The set of effects reachable by combining one of each set (sets of effects are 32-bit masks).</summary>
    private static uint Combine(uint left, uint right)
    {
        var result = 0u;
        for (var a = 0; a < EffectCount; a++)
        {
            if ((left & (1u << a)) == 0)
            {
                continue;
            }

            for (var b = 0; b < EffectCount; b++)
            {
                if ((right & (1u << b)) != 0)
                {
                    result |= 1u << (a | b);
                }
            }
        }

        return result;
    }

    private static int Decisions(uint effectsSet)
    {
        var result = 0;
        for (var e = 0; e < EffectCount; e++)
        {
            if ((effectsSet & (1u << e)) != 0)
            {
                result |= 1 << (int)DecisionOf(e);
            }
        }

        return result;
    }

    /// <summary>Adds the pair (effects before, effects after) to a set of pairs.</summary>
    private static void AddPair(ulong[] pairs, int before, int after)
    {
        var pair = (before * EffectCount) + after;
        pairs[pair >> 6] |= 1UL << (pair & 63);
    }

    /// <summary>Whether a pair (effects unanswered, effects answered) gives different decisions with some effects of the rest.</summary>
    private static bool ChangesDecision(ulong[] pairs, uint rest)
    {
        for (var pair = 0; pair < EffectCount * EffectCount; pair++)
        {
            if ((pairs[pair >> 6] & (1UL << (pair & 63))) == 0)
            {
                continue;
            }

            var before = pair / EffectCount;
            var after = pair % EffectCount;
            for (var w = 0; w < EffectCount; w++)
            {
                if ((rest & (1u << w)) != 0 && DecisionOf(before | w) != DecisionOf(after | w))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class Component(int[] questions, int[] safeguards)
    {
        public int[] Questions { get; } = questions;

        public int[] Safeguards { get; } = safeguards;

        /// <summary>The effects this group can reach.</summary>
        public uint Reachable { get; set; }

        /// <summary>Per question: pairs of effects (question unanswered, question answered) with the rest of the group the same, as bits x*32+y.</summary>
        public ulong[][] Pairs { get; set; } = [];

        /// <summary>Per question and per representative answer: the effects the group can still reach.</summary>
        public uint[][] After { get; set; } = [];
    }

    private List<Component> BuildComponents(ReadOnlySpan<AnswerValue> answers, List<int> open, UnionFind groups)
    {
        var byRoot = new Dictionary<int, (List<int> Questions, List<int> Safeguards)>();
        var order = new List<int>();
        foreach (var s in open)
        {
            var root = -1;
            foreach (var question in ReadsOf(s))
            {
                if (!answers[question].IsAnswered)
                {
                    root = groups.Find(question);
                    break;
                }
            }

            if (!byRoot.TryGetValue(root, out var entry))
            {
                entry = ([], []);
                byRoot[root] = entry;
                order.Add(root);
            }

            entry.Safeguards.Add(s);
        }

        for (var question = 0; question < rules.Questions.Count; question++)
        {
            if (!answers[question].IsAnswered && readers[question].Length > 0 && byRoot.TryGetValue(groups.Find(question), out var entry))
            {
                entry.Questions.Add(question);
            }
        }

        return order.Select(root => new Component(byRoot[root].Questions.ToArray(), byRoot[root].Safeguards.ToArray())).ToList();
    }

    private void Enumerate(Component component, AnswerValue[] scratch)
    {
        var questions = component.Questions;
        var representatives = questions.Select(q => domains.For(q, scratch)).ToArray();
        var radix = new int[questions.Length];
        long total = 1;
        for (var j = 0; j < questions.Length; j++)
        {
            radix[j] = representatives[j].Length + 1;
            total *= radix[j];
            if (total > Budget)
            {
                Overapproximate(component, scratch);
                return;
            }
        }

        var effects = new byte[total];
        var digits = new int[questions.Length];
        var reachable = 0u;
        for (var index = 0; index < total; index++)
        {
            for (var j = 0; j < questions.Length; j++)
            {
                scratch[questions[j]] = digits[j] == 0 ? AnswerValue.Unanswered : representatives[j][digits[j] - 1];
            }

            var e = 0;
            foreach (var s in component.Safeguards)
            {
                e |= EffectsAt(s, scratch);
            }

            effects[index] = (byte)e;
            reachable |= 1u << e;

            // The next assignment: a mixed-radix counter, the first question fastest.
            for (var j = 0; j < questions.Length; j++)
            {
                if (++digits[j] < radix[j])
                {
                    break;
                }

                digits[j] = 0;
            }
        }

        foreach (var question in questions)
        {
            scratch[question] = AnswerValue.Unanswered;
        }

        var pairs = new ulong[questions.Length][];
        var after = new uint[questions.Length][];
        var stride = 1;
        for (var j = 0; j < questions.Length; j++)
        {
            pairs[j] = new ulong[PairWords];
            after[j] = new uint[radix[j] - 1];
            for (var index = 0; index < total; index++)
            {
                var digit = index / stride % radix[j];
                if (digit == 0)
                {
                    continue;
                }

                var unanswered = effects[index - (digit * stride)];
                AddPair(pairs[j], unanswered, effects[index]);
                after[j][digit - 1] |= 1u << effects[index];
            }

            stride *= radix[j];
        }

        component.Reachable = reachable;
        component.Pairs = pairs;
        component.After = after;
    }

    /// <summary>
    /// Too many assignments to enumerate. A safeguard of the group whose outcome is already settled (its rules are
    /// monotone and its outcome is not Unanswered) keeps its effects; any combination of the others' possible effects
    /// counts as reachable, and a question read by one of them counts as able to change the decision.
    /// </summary>
    private void Overapproximate(Component component, AnswerValue[] scratch)
    {
        var settledEffects = 0;
        var possible = 0;
        var unsettled = new HashSet<int>();
        foreach (var s in component.Safeguards)
        {
            // A settled member: its rules are monotone and its current effects are final (a safeguard that is not
            // Unanswered; a scope that holds or does not).
            var settled = monotone[s] && (IsScope(s)
                ? rules.Scope!.Condition.Rule.Evaluate(scratch) != Truth.Unknown
                : Evaluator.Outcome(rules.Safeguards[s], scratch) != SafeguardOutcome.Unanswered);
            if (!settled)
            {
                possible |= PossibleEffects(s);
                unsettled.Add(s);
            }
            else
            {
                settledEffects |= EffectsAt(s, scratch);
            }
        }

        var reachable = 0u;
        for (var e = 0; e < EffectCount; e++)
        {
            if ((e & ~possible) == 0)
            {
                reachable |= 1u << (e | settledEffects);
            }
        }

        var any = new ulong[PairWords];
        var same = new ulong[PairWords];
        for (var x = 0; x < EffectCount; x++)
        {
            if ((reachable & (1u << x)) == 0)
            {
                continue;
            }

            AddPair(same, x, x);
            for (var y = 0; y < EffectCount; y++)
            {
                if ((reachable & (1u << y)) != 0)
                {
                    AddPair(any, x, y);
                }
            }
        }

        component.Reachable = reachable;
        component.Pairs = component.Questions.Select(q => readers[q].Any(unsettled.Contains) ? any : same).ToArray();
        component.After = component.Questions.Select(q => new[] { reachable }).ToArray();
    }

    /// <summary>Finds whether any rule of a safeguard asks whether a question is answered.</summary>
    private sealed class PresenceCheck : IRuleVisitor
    {
        private bool presence;

        public static bool IsMonotone(SafeguardRules safeguard)
        {
            var check = new PresenceCheck();
            safeguard.Visit(check);
            return !check.presence;
        }

        public static bool IsMonotone(Rule rule)
        {
            var check = new PresenceCheck();
            rule.Visit(check);
            return !check.presence;
        }

        public void Read(int question)
        {
        }

        public void Constant(int question, AnswerValue value)
        {
        }

        public void Set(int question, AnswerValue[] values)
        {
        }

        public void Linked(int question, int other)
        {
        }

        public void Presence(int question) => presence = true;
    }

    private sealed class UnionFind
    {
        private readonly int[] parent;

        public UnionFind(int count)
        {
            parent = new int[count];
            for (var i = 0; i < count; i++)
            {
                parent[i] = i;
            }
        }

        public int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        public void Union(int a, int b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }
    }
}
