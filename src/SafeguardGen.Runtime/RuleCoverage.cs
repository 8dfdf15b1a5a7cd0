using System;
using System.Collections.Generic;

namespace SafeguardGen;

/// <summary>
/// What a set of validations exercised, per checklist: for each safeguard, the outcomes reached, whether its
/// <c>when</c> and <c>unless</c> were seen true and false, whether each exception held and did not, whether each
/// test was met and unmet; and the decisions reached. Pass one to
/// <see cref="Evaluator.Validate(ChecklistRules, ReadOnlySpan{AnswerValue}, RuleCoverage?)"/> for each validation.
/// </summary>
public sealed class RuleCoverage
{
    private readonly Dictionary<ChecklistRules, ChecklistCoverage> checklists = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every checklist validated so far.</summary>
    public IEnumerable<ChecklistCoverage> Checklists => checklists.Values;

    /// <summary>The coverage of one checklist (empty if it was never validated).</summary>
    public ChecklistCoverage this[ChecklistRules rules]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(rules);
            if (!checklists.TryGetValue(rules, out var coverage))
            {
                coverage = new ChecklistCoverage(rules);
                checklists.Add(rules, coverage);
            }

            return coverage;
        }
    }

    internal void RecordTest(ChecklistRules rules, int safeguard, int test, Truth met) => this[rules].Safeguards[safeguard].TestsSeen[test] |= Bit(met);

    internal void RecordException(ChecklistRules rules, int safeguard, int exception, Truth holds) => this[rules].Safeguards[safeguard].ExceptionsSeen[exception] |= Bit(holds);

    internal void RecordSafeguard(ChecklistRules rules, int safeguard, Truth? when, Truth? unless, SafeguardOutcome outcome)
    {
        var coverage = this[rules].Safeguards[safeguard];
        coverage.When |= when is null ? TruthSeen.None : Bit(when.Value);
        coverage.Unless |= unless is null ? TruthSeen.None : Bit(unless.Value);
        coverage.Outcomes |= (OutcomeSeen)(1 << (int)outcome);
    }

    internal void RecordScope(ChecklistRules rules, Truth holds) => this[rules].Scope |= Bit(holds);

    internal void RecordDecision(ChecklistRules rules, Decision decision) => this[rules].Decisions |= (DecisionSeen)(1 << (int)decision);

    private static TruthSeen Bit(Truth truth) => truth switch
    {
        Truth.True => TruthSeen.True,
        Truth.False => TruthSeen.False,
        _ => TruthSeen.Unknown,
    };
}

/// <summary>The truth values a rule was seen to take.</summary>
[Flags]
public enum TruthSeen
{
    /// <summary>Never evaluated.</summary>
    None = 0,

    /// <summary>Seen holding.</summary>
    True = 1,

    /// <summary>Seen not holding.</summary>
    False = 2,

    /// <summary>Seen unknown (a question it reads was unanswered).</summary>
    Unknown = 4,
}

/// <summary>The outcomes a safeguard was seen to reach.</summary>
[Flags]
public enum OutcomeSeen
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary><see cref="SafeguardOutcome.Satisfied"/>.</summary>
    Satisfied = 1,

    /// <summary><see cref="SafeguardOutcome.NotSatisfied"/>.</summary>
    NotSatisfied = 2,

    /// <summary><see cref="SafeguardOutcome.NotApplicable"/>.</summary>
    NotApplicable = 4,

    /// <summary><see cref="SafeguardOutcome.Unanswered"/>.</summary>
    Unanswered = 8,
}

/// <summary>The decisions a checklist was seen to reach.</summary>
[Flags]
public enum DecisionSeen
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary><see cref="Decision.Proceed"/>.</summary>
    Proceed = 1,

    /// <summary><see cref="Decision.MayRefuse"/>.</summary>
    MayRefuse = 2,

    /// <summary><see cref="Decision.MustRefuse"/>.</summary>
    MustRefuse = 4,

    /// <summary><see cref="Decision.Incomplete"/>.</summary>
    Incomplete = 8,

    /// <summary><see cref="Decision.OutsideInstrument"/>.</summary>
    OutsideInstrument = 16,
}

/// <summary>What validations of one checklist exercised.</summary>
public sealed class ChecklistCoverage
{
    internal ChecklistCoverage(ChecklistRules rules)
    {
        Rules = rules;
        var safeguards = new SafeguardCoverage[rules.Safeguards.Count];
        for (var i = 0; i < safeguards.Length; i++)
        {
            safeguards[i] = new SafeguardCoverage(rules.Safeguards[i]);
        }

        Safeguards = safeguards;
    }

    /// <summary>The checklist.</summary>
    public ChecklistRules Rules { get; }

    /// <summary>Its safeguards' coverage, in checklist order.</summary>
    public IReadOnlyList<SafeguardCoverage> Safeguards { get; }

    /// <summary>The decisions reached.</summary>
    public DecisionSeen Decisions { get; internal set; }

    /// <summary>What the measure's scope was seen to be (<see cref="TruthSeen.None"/> if it has none).</summary>
    public TruthSeen Scope { get; internal set; }
}

/// <summary>What validations exercised of one safeguard.</summary>
public sealed class SafeguardCoverage
{
    internal SafeguardCoverage(SafeguardRules safeguard)
    {
        Safeguard = safeguard;
        TestsSeen = new TruthSeen[safeguard.Tests.Count];
        ExceptionsSeen = new TruthSeen[safeguard.Exceptions.Count];
    }

    /// <summary>The safeguard.</summary>
    public SafeguardRules Safeguard { get; }

    /// <summary>The outcomes reached.</summary>
    public OutcomeSeen Outcomes { get; internal set; }

    /// <summary>What its <c>when</c> was seen to be (<see cref="TruthSeen.None"/> if it has none or was never evaluated).</summary>
    public TruthSeen When { get; internal set; }

    /// <summary>What its <c>unless</c> was seen to be.</summary>
    public TruthSeen Unless { get; internal set; }

    /// <summary>Per test, in order: whether it was seen met (true) and unmet (false).</summary>
    public IReadOnlyList<TruthSeen> Tests => TestsSeen;

    /// <summary>Per exception, in descending priority: whether it was seen holding and not.</summary>
    public IReadOnlyList<TruthSeen> Exceptions => ExceptionsSeen;

    internal TruthSeen[] TestsSeen { get; }

    internal TruthSeen[] ExceptionsSeen { get; }
}
