using System.Linq;
using SafeguardGen.Fuzz;

namespace SafeguardGen.Fuzz.Tests;

/// <summary>
/// The fuzz harness in CI: a fixed seed and a fixed number of inputs (about a minute on a 2-core machine), so a
/// run is the same every time and a finding fails the build with its description. Longer runs:
/// <c>dotnet run -c Release --project tests/SafeguardGen.Fuzz -- --seconds 3600 --seed 7</c>.
/// </summary>
public sealed class FuzzSmokeTests
{
    [Fact]
    public void Two_thousand_fuzzed_inputs_crash_no_stage_hang_none_and_the_sampled_outputs_compile_without_a_warning()
    {
        var report = Harness.Run(new FuzzOptions(Seed: 1, MaxInputs: 2_000, Seconds: null), SafeguardGen.Testing.TestProcess.RepositoryRoot);

        Assert.Equal(2_000, report.Inputs);
        Assert.True(report.Compiled > 0, "No error-free input was compiled: the harness no longer reaches emission.");
        Assert.True(report.Findings.Count == 0, string.Join("\n\n", report.Findings.Select(f => f.Kind + " input of " + f.Input.Length + " bytes: " + f.Detail + "\n" + System.Text.Encoding.UTF8.GetString(f.Input))));
    }
}
