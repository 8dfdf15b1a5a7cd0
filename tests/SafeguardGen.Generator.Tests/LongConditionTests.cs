using System.Linq;
using SafeguardGen;
using Xunit;

namespace SafeguardGen.Generator.Tests;

/// <summary>
/// Conditions far longer than any real treaty's. A chain of 20,000 terms once overflowed the generator's stack,
/// which killed the C# compiler process; a chain of 5,000 generated C# the compiler rejected (CS8078).
/// </summary>
public sealed class LongConditionTests
{
    private static string Treaty(int terms, string op) =>
        "treaty demo {\n  title \"Demo\"\n  reference \"ETS 185\"\n  namespace Demo.Checklists\n}\n\n"
        + "safeguard s : legality {\n  title \"S\"\n  cite demo article 15\n"
        + "  question q0 : yes-no { ask \"Q0?\" satisfied-by yes }\n"
        + "  question q1 : yes-no { ask \"Q1?\" satisfied-by yes }\n"
        + "  question q2 : yes-no { ask \"Q2?\" satisfied-by yes }\n"
        + "  when " + string.Join(" " + op + " ", Enumerable.Range(0, terms).Select(i => "s.q" + (i % 3))) + "\n}\n\n"
        + "measure m {\n  title \"M\"\n  safeguards s\n}\n\nchecklist c {\n  title \"C\"\n  measure m\n}\n";

    [Theory]
    [InlineData("and", 20_000)]
    [InlineData("or", 20_000)]
    [InlineData("and", 5_000)]
    public void A_long_chain_generates_code_that_compiles_without_a_warning_and_evaluates_it(string op, int terms)
    {
        var run = Harness.Generate([("demo.treaty", Treaty(terms, op))]);

        Assert.Empty(run.GeneratorDiagnostics.Select(Harness.Format));
        Assert.Empty(run.CompilationProblems.Select(Harness.Format));
        var checklist = (IChecklist)Harness.Load(run.Output).GetType("Demo.Checklists.CChecklist")!.GetProperty("Instance")!.GetValue(null)!;

        // q1 is no: an 'and' chain does not hold (the safeguard does not apply), an 'or' chain still holds through q0 and q2.
        var result = checklist.ValidateJson("""{"s":{"q0":true,"q1":false,"q2":true}}""");

        Assert.Equal(op == "and" ? SafeguardOutcome.NotApplicable : SafeguardOutcome.NotSatisfied, result.Safeguards.Single().Outcome);
    }
}
