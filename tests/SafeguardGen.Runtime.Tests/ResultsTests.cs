using System.Collections.Generic;

namespace SafeguardGen.Runtime.Tests;

public sealed class ResultsTests
{
    private static SafeguardResult Result(string id) =>
        new(new SafeguardInfo(id, [], new LocalizedText(id), [], [], null, SafeguardSeverity.Blocking, RefusalGroundKind.None), SafeguardOutcome.Satisfied, "Satisfied.", []);

    private static AssessmentResult Assessment() =>
        new("ets24.review", Decision.Proceed, [Result("ets24.persecution"), Result("ets24.dual-criminality")], [], []);

    [Fact]
    public void The_indexer_finds_a_safeguard_by_its_qualified_name()
    {
        Assert.Equal("ets24.persecution", Assessment()["ets24.persecution"].Safeguard.Id);
    }

    [Fact]
    public void An_unqualified_name_names_the_key_and_suggests_the_qualified_one()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Assessment()["persecution"]);

        Assert.Equal(
            "Checklist 'ets24.review' has no safeguard 'persecution'. Safeguard names are qualified by their treaty: did you mean 'ets24.persecution'? In this checklist the valid names are 'ets24.persecution', 'ets24.dual-criminality'.",
            error.Message);
    }

    [Fact]
    public void An_unknown_name_lists_the_valid_ones()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Assessment()["nope"]);

        Assert.Equal("Checklist 'ets24.review' has no safeguard 'nope'. In this checklist the valid names are 'ets24.persecution', 'ets24.dual-criminality'.", error.Message);
    }
}
