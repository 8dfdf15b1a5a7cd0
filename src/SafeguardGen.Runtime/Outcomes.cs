namespace SafeguardGen;

/// <summary>How one safeguard stands for one set of answers.</summary>
public enum SafeguardOutcome
{
    /// <summary>Every test of the safeguard is met (for a refusal ground: the ground does not hold).</summary>
    Satisfied,

    /// <summary>A test is answered and not met (for a refusal ground: the ground holds).</summary>
    NotSatisfied,

    /// <summary>The safeguard does not apply to this request; the reason names the condition.</summary>
    NotApplicable,

    /// <summary>The outcome depends on questions not yet answered.</summary>
    Unanswered,
}

/// <summary>What the checklist concludes about the request.</summary>
public enum Decision
{
    /// <summary>No safeguard stands in the way.</summary>
    Proceed,

    /// <summary>An optional ground for refusal holds.</summary>
    MayRefuse,

    /// <summary>A mandatory ground for refusal holds, or a blocking safeguard is not satisfied.</summary>
    MustRefuse,

    /// <summary>A blocking safeguard is still unanswered, or it is not yet known whether the instrument governs the case.</summary>
    Incomplete,

    /// <summary>
    /// The instrument does not govern the case (its measure's scope does not hold): it creates no obligation either
    /// way, and the request falls to be decided under another treaty or domestic law.
    /// </summary>
    OutsideInstrument,
}

/// <summary>Whether an unsatisfied or unanswered safeguard stops the request.</summary>
public enum SafeguardSeverity
{
    /// <summary>The request cannot proceed while it is unsatisfied or unanswered.</summary>
    Blocking,

    /// <summary>Reported as advice; never changes the decision unless it is a refusal ground.</summary>
    Advisory,
}

/// <summary>Whether a safeguard is a ground for refusal, and of which sort.</summary>
public enum RefusalGroundKind
{
    /// <summary>Not a ground for refusal.</summary>
    None,

    /// <summary>The request shall not be granted when the ground holds.</summary>
    Mandatory,

    /// <summary>The requested state may refuse when the ground holds.</summary>
    Optional,
}

/// <summary>The type of a question's answer.</summary>
public enum AnswerType
{
    /// <summary>Yes or no.</summary>
    YesNo,

    /// <summary>One of the question's options.</summary>
    Choice,

    /// <summary>Free-text evidence.</summary>
    Text,

    /// <summary>A date.</summary>
    Date,

    /// <summary>A decimal number.</summary>
    Number,
}
