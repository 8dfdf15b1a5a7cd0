using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SafeguardGen;

/// <summary>A place in a .treaty file (or in the answers file a scenario reads): 1-based line and column.</summary>
/// <param name="Path">The file, with <c>/</c> separators.</param>
/// <param name="Line">The line.</param>
/// <param name="Column">The column, counted in UTF-16 code units.</param>
public sealed record SourcePosition(string Path, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => Path + "(" + Line.ToString(CultureInfo.InvariantCulture) + "," + Column.ToString(CultureInfo.InvariantCulture) + ")";
}

/// <summary>One answer a scenario gives.</summary>
/// <param name="Question">The question's ID in the checklist, e.g. <c>persecution.grounds</c> or <c>facts.coercive</c>.</param>
/// <param name="Value">The answer.</param>
public sealed record GivenAnswer(string Question, AnswerValue Value);

/// <summary><c>expect outcome persecution not-satisfied</c>.</summary>
/// <param name="Safeguard">The safeguard's qualified name.</param>
/// <param name="Outcome">The outcome it must have.</param>
/// <param name="Location">Where the expectation is written.</param>
public sealed record OutcomeCheck(string Safeguard, SafeguardOutcome Outcome, SourcePosition Location);

/// <summary>How a scenario compares the questions still needed.</summary>
public enum StillNeededComparison
{
    /// <summary>Exactly these questions, in any order.</summary>
    Exactly,

    /// <summary>At least these questions.</summary>
    Includes,

    /// <summary>None of these questions.</summary>
    Excludes,
}

/// <summary><c>expect still-needed exactly (a.b, c)</c>.</summary>
/// <param name="Comparison">How the questions are compared.</param>
/// <param name="Questions">The questions' IDs.</param>
/// <param name="Location">Where the expectation is written.</param>
public sealed record StillNeededCheck(StillNeededComparison Comparison, IReadOnlyList<string> Questions, SourcePosition Location);

/// <summary>
/// A case a lawyer writes in a .treaty file: a checklist, answers, and what must follow. The generator emits a
/// project's scenarios as data (<c>SafeguardScenarios.All</c>), and <c>safeguard test</c> runs them from the files.
/// </summary>
/// <param name="Id">The scenario's qualified name.</param>
/// <param name="Checklist">The checklist's qualified name.</param>
/// <param name="Description">What the case is, in plain words.</param>
/// <param name="Answers">The answers given.</param>
/// <param name="Decision">The decision that must follow, or null.</param>
/// <param name="DecisionLocation">Where the expected decision is written, or null.</param>
/// <param name="Outcomes">The outcomes named safeguards must have.</param>
/// <param name="StillNeeded">What must hold of the questions still needed.</param>
/// <param name="Location">Where the scenario is declared.</param>
public sealed record Scenario(
    string Id,
    string Checklist,
    string Description,
    IReadOnlyList<GivenAnswer> Answers,
    Decision? Decision,
    SourcePosition? DecisionLocation,
    IReadOnlyList<OutcomeCheck> Outcomes,
    IReadOnlyList<StillNeededCheck> StillNeeded,
    SourcePosition Location);

/// <summary>One expectation of a scenario that did not hold.</summary>
/// <param name="Location">Where the expectation is written.</param>
/// <param name="Message">What was expected and what happened.</param>
public sealed record ScenarioFailure(SourcePosition Location, string Message);

/// <summary>How one scenario went.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Assessment">The checklist's result for its answers, or null when it could not be run.</param>
/// <param name="Failures">The expectations that did not hold; empty when it passed.</param>
public sealed record ScenarioResult(Scenario Scenario, AssessmentResult? Assessment, IReadOnlyList<ScenarioFailure> Failures)
{
    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>
    /// Each failure at its place, in the compiler's form (<c>path(line,column): error: …</c>, which editors and CI
    /// systems link to), then the case, the decision with its explanation, the outcomes and the questions still needed.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var failure in Failures)
        {
            text.Append(failure.Location).Append(": error: scenario '").Append(Scenario.Id).Append("' failed: ").Append(failure.Message).Append('\n');
        }

        if (Assessment is { } assessment)
        {
            text.Append("  Case: ").Append(Scenario.Description).Append('\n');
            text.Append("  Decision: ").Append(assessment.Decision).Append('\n');
            foreach (var line in assessment.Explanation)
            {
                text.Append("    ").Append(line).Append('\n');
            }

            text.Append("  Outcomes:\n");
            foreach (var safeguard in assessment.Safeguards)
            {
                text.Append("    ").Append(safeguard.Safeguard.Id).Append(": ").Append(safeguard.Outcome).Append('\n');
            }

            text.Append("  Still needed: ").Append(assessment.StillNeeded.Count == 0 ? "none" : string.Join(", ", assessment.StillNeeded.Select(q => q.Id))).Append('\n');
        }

        return text.ToString();
    }
}

/// <summary>The results of running scenarios, and the rules they exercised.</summary>
/// <param name="Results">Each scenario's result, in the order run.</param>
/// <param name="Coverage">What the scenarios exercised.</param>
public sealed record ScenarioReport(IReadOnlyList<ScenarioResult> Results, RuleCoverage Coverage)
{
    /// <summary>How many scenarios passed.</summary>
    public int PassedCount => Results.Count(r => r.Passed);

    /// <summary>How many failed.</summary>
    public int FailedCount => Results.Count - PassedCount;

    /// <summary>The summary line: <c>N passed, N failed</c>.</summary>
    public string Summary => PassedCount.ToString(CultureInfo.InvariantCulture) + " passed, " + FailedCount.ToString(CultureInfo.InvariantCulture) + " failed";

    /// <summary>Throws when a scenario failed, with every failure in the message: one line for a test.</summary>
    /// <exception cref="ScenarioFailedException">A scenario failed.</exception>
    public void AssertPassed()
    {
        if (FailedCount > 0)
        {
            throw new ScenarioFailedException(this);
        }
    }

    /// <summary>Every failure written out, then the summary line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var result in Results.Where(r => !r.Passed))
        {
            text.Append(result);
        }

        return text.Append(Summary).ToString();
    }
}

/// <summary>A scenario failed; the message lists every failure.</summary>
public sealed class ScenarioFailedException : Exception
{
    /// <summary>Creates the exception for a report.</summary>
    public ScenarioFailedException(ScenarioReport report)
        : base((report ?? throw new ArgumentNullException(nameof(report))).ToString()) => Report = report;

    /// <summary>Creates the exception with a message.</summary>
    public ScenarioFailedException()
        : this(new ScenarioReport([], new RuleCoverage()))
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ScenarioFailedException(string message)
        : base(message) => Report = new ScenarioReport([], new RuleCoverage());

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ScenarioFailedException(string message, Exception innerException)
        : base(message, innerException) => Report = new ScenarioReport([], new RuleCoverage());

    /// <summary>The report.</summary>
    public ScenarioReport Report { get; }
}

/// <summary>Runs scenarios against checklists with the same evaluator the generated validators call.</summary>
public static class ScenarioRunner
{
    /// <summary>Runs every scenario.</summary>
    /// <param name="scenarios">The scenarios.</param>
    /// <param name="findChecklist">The rules of a checklist by its qualified name, or null when there is none.</param>
    /// <param name="coverage">Where to record what they exercise; a new one when null.</param>
    public static ScenarioReport Run(IEnumerable<Scenario> scenarios, Func<string, ChecklistRules?> findChecklist, RuleCoverage? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(findChecklist);
        coverage ??= new RuleCoverage();
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            results.Add(Run(scenario, findChecklist(scenario.Checklist), coverage));
        }

        return new ScenarioReport(results, coverage);
    }

    /// <summary>Runs one scenario against its checklist's rules.</summary>
    public static ScenarioResult Run(Scenario scenario, ChecklistRules? rules, RuleCoverage? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (rules is null)
        {
            return new ScenarioResult(scenario, null, [new ScenarioFailure(scenario.Location, "No checklist '" + scenario.Checklist + "' is available to run this scenario against.")]);
        }

        var failures = new List<ScenarioFailure>();
        var answers = new AnswerValue[rules.Questions.Count];
        foreach (var answer in scenario.Answers)
        {
            if (rules.QuestionPositions.TryGetValue(answer.Question, out var position))
            {
                answers[position] = answer.Value;
            }
            else
            {
                failures.Add(new ScenarioFailure(scenario.Location, "Checklist '" + rules.Id + "' asks no question '" + answer.Question + "'."));
            }
        }

        var assessment = Evaluator.Validate(rules, answers, coverage);
        if (scenario.Decision is { } decision && decision != assessment.Decision)
        {
            failures.Add(new ScenarioFailure(scenario.DecisionLocation ?? scenario.Location, "Expected the decision " + decision + ", but it is " + assessment.Decision + "."));
        }

        foreach (var check in scenario.Outcomes)
        {
            var actual = assessment.Safeguards.FirstOrDefault(s => s.Safeguard.Id == check.Safeguard);
            if (actual is null)
            {
                failures.Add(new ScenarioFailure(check.Location, "Checklist '" + rules.Id + "' has no safeguard '" + check.Safeguard + "'."));
            }
            else if (actual.Outcome != check.Outcome)
            {
                failures.Add(new ScenarioFailure(check.Location, "Expected safeguard '" + check.Safeguard + "' to be " + check.Outcome + ", but it is " + actual.Outcome + ": " + actual.Reason));
            }
        }

        var needed = assessment.StillNeeded.Select(q => q.Id).ToList();
        foreach (var check in scenario.StillNeeded)
        {
            var message = CheckStillNeeded(check, needed);
            if (message is not null)
            {
                failures.Add(new ScenarioFailure(check.Location, message));
            }
        }

        return new ScenarioResult(scenario, assessment, failures);
    }

    private static string? CheckStillNeeded(StillNeededCheck check, List<string> needed)
    {
        var actual = needed.Count == 0 ? "none" : string.Join(", ", needed);
        var missing = check.Questions.Where(q => !needed.Contains(q, StringComparer.Ordinal)).ToList();
        switch (check.Comparison)
        {
            case StillNeededComparison.Exactly:
                var unexpected = needed.Where(q => !check.Questions.Contains(q, StringComparer.Ordinal)).ToList();
                return missing.Count == 0 && unexpected.Count == 0 ? null
                    : "Expected the questions still needed to be exactly " + (check.Questions.Count == 0 ? "none" : string.Join(", ", check.Questions)) + ", but they are " + actual
                        + (missing.Count > 0 ? "; not needed: " + string.Join(", ", missing) : string.Empty)
                        + (unexpected.Count > 0 ? "; needed but not expected: " + string.Join(", ", unexpected) : string.Empty) + ".";
            case StillNeededComparison.Includes:
                return missing.Count == 0 ? null : "Expected the questions still needed to include " + string.Join(", ", missing) + ", but they are " + actual + ".";
            default:
                var present = check.Questions.Where(q => needed.Contains(q, StringComparer.Ordinal)).ToList();
                return present.Count == 0 ? null : "Expected " + string.Join(", ", present) + " not to be still needed, but the questions still needed are " + actual + ".";
        }
    }
}
