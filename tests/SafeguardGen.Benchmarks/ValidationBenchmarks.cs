using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RulesEngine.Models;
using SafeguardGen.Examples.Budapest;

namespace SafeguardGen.Benchmarks;

/// <summary>
/// The generated validator of budapest.extradition-review against Microsoft's RulesEngine evaluating the same
/// checklist written as its JSON workflow, which is what a team without SafeguardGen would likely pick.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    /// <summary>The checklist as a RulesEngine workflow: one rule per safeguard, true when the safeguard is satisfied.</summary>
    public const string Workflow = """
        {
          "WorkflowName": "extradition-review",
          "Rules": [
            { "RuleName": "scope", "Expression": "input1.Facts.ConventionOffence == true && input1.DualCriminality.RequestingMaxYears >= 1 && input1.DualCriminality.RequestedMaxYears >= 1" },
            { "RuleName": "dual-criminality", "Expression": "input1.DualCriminality.RequestingMaxYears >= 1 && input1.DualCriminality.RequestedMaxYears >= 1" },
            { "RuleName": "political-offence", "Expression": "input1.PoliticalOffence.Political == false || input1.PoliticalOffence.AttackOnHeadOfState == true" },
            { "RuleName": "persecution", "Expression": "input1.Persecution.Grounds != null && input1.Persecution.Grounds.Count == 0" },
            { "RuleName": "nationals", "Expression": "input1.Nationals.National == false" },
            { "RuleName": "ne-bis-in-idem", "Expression": "input1.NeBisInIdem.FinalJudgment == false" },
            { "RuleName": "lapse-of-time", "Expression": "input1.LapseOfTime.TimeBarred == false" },
            { "RuleName": "death-penalty", "Expression": "input1.DeathPenalty.PunishableByDeath == false || input1.DeathPenalty.AssurancesGiven == true" },
            { "RuleName": "death-penalty-bar", "Expression": "input1.DeathPenaltyBar.Abolitionist == false || input1.DeathPenaltyBar.PunishableByDeath == false || input1.DeathPenaltyBar.BindingAssurances == true" },
            { "RuleName": "torture-risk", "Expression": "input1.TortureRisk.RealRisk == false" },
            { "RuleName": "reasons-for-rejection", "Expression": "input1.ReasonsForRejection.ReasonsRecorded == true" }
          ]
        }
        """;

    private static readonly string[] Mandatory = ["political-offence", "persecution", "ne-bis-in-idem", "lapse-of-time", "dual-criminality", "death-penalty-bar", "torture-risk"];
    private static readonly string[] Optional = ["nationals", "death-penalty"];

    private RulesEngine.RulesEngine engine = null!;
    private ExtraditionReviewAnswers answers = null!;
    private AnswerValue[] values = null!;

    public static ExtraditionReviewAnswers SampleAnswers() => JsonSerializer.Deserialize<ExtraditionReviewAnswers>("""
        {
          "dual-criminality": { "requesting-max-years": 5, "requested-max-years": 3 },
          "political-offence": { "political": false, "attack-on-head-of-state": false },
          "persecution": { "grounds": ["political-opinion"] },
          "nationals": { "national": false },
          "ne-bis-in-idem": { "final-judgment": false },
          "lapse-of-time": { "time-barred": false },
          "death-penalty": { "punishable-by-death": false },
          "death-penalty-bar": { "abolitionist": true, "punishable-by-death": false },
          "torture-risk": { "real-risk": false, "evidence": "Country reports reviewed." },
          "reasons-for-rejection": { "reasons-recorded": true },
          "facts": { "convention-offence": true }
        }
        """)!;

    [GlobalSetup]
    public void Setup()
    {
        engine = new RulesEngine.RulesEngine([JsonSerializer.Deserialize<Workflow>(Workflow)!], new ReSettings());
        answers = SampleAnswers();

        // The answers by position, as the result keeps them: the interpreter's input, converted once.
        values = (AnswerValue[])typeof(AssessmentResult).GetField("answers", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .GetValue(ExtraditionReviewChecklist.Validate(answers))!;
    }

    [Benchmark(Baseline = true, Description = "RulesEngine, JSON workflow")]
    public Decision RulesEngineWorkflow()
    {
        var results = engine.ExecuteAllRulesAsync("extradition-review", answers).AsTask().GetAwaiter().GetResult();
        var failed = results.Where(r => !r.IsSuccess).Select(r => r.Rule.RuleName).ToHashSet();
        return failed.Contains("scope") ? Decision.OutsideInstrument : failed.Overlaps(Mandatory) ? Decision.MustRefuse : failed.Overlaps(Optional) ? Decision.MayRefuse : Decision.Proceed;
    }

    /// <summary>The decision alone, in straight-line generated code: the path of a caller that only acts on it.</summary>
    [Benchmark(Description = "SafeguardGen generated Decide (verdict)")]
    public Decision GeneratedDecide() => ExtraditionReviewChecklist.Decide(answers).Decision;

    /// <summary>The decision through the full result, whose explanation is built only when read (here never).</summary>
    [Benchmark(Description = "SafeguardGen generated Validate, decision read")]
    public Decision GeneratedValidate() => ExtraditionReviewChecklist.Validate(answers).Decision;

    /// <summary>Everything a caseworker sees: the reasons, the explanation and the questions still needed.</summary>
    [Benchmark(Description = "SafeguardGen generated Validate, all explained")]
    public int GeneratedExplained()
    {
        var result = ExtraditionReviewChecklist.Validate(answers);
        return result.Explanation.Count + result.Safeguards[0].Reason.Length + result.StillNeeded.Count;
    }

    /// <summary>
    /// The path before this work: the interpreter building every reason, the explanation and the questions still
    /// needed eagerly (answers already converted, which flatters it slightly).
    /// </summary>
    [Benchmark(Description = "Interpreter, eager (the earlier Validate)")]
    public int EagerInterpreter()
    {
        var result = Evaluator.Validate(ExtraditionReviewChecklist.Rules, values);
        return result.Explanation.Count + result.Safeguards[0].Reason.Length + result.StillNeeded.Count;
    }

    public static IReadOnlyList<(string Name, Decision Decision)> Check()
    {
        var benchmark = new ValidationBenchmarks();
        benchmark.Setup();
        return
        [
            ("RulesEngine", benchmark.RulesEngineWorkflow()),
            ("SafeguardGen Decide", benchmark.GeneratedDecide()),
            ("SafeguardGen Validate", benchmark.GeneratedValidate()),
            ("Interpreter", Evaluator.Validate(ExtraditionReviewChecklist.Rules, benchmark.values).Decision),
        ];
    }
}
