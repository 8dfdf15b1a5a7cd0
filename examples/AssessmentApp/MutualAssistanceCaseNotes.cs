using System.Collections.Generic;

namespace SafeguardGen.Examples.AssessmentApp;

/// <summary>
/// The second half of "a missing safeguard is a compile-time error": this class declares that it handles
/// checklist budapest.mutual-assistance-review, so the build fails (SG1001) as soon as a safeguard is added
/// to that checklist without a handler here. The generator adds <c>Handle(AssessmentResult)</c>, which calls
/// each handler with its safeguard's result.
/// </summary>
[ChecklistHandler("budapest.mutual-assistance-review")]
internal sealed partial class MutualAssistanceCaseNotes
{
    public List<string> Lines { get; } = [];

    [HandlesSafeguard("dual-criminality-assistance")]
    private void DualCriminality(SafeguardResult result) =>
        Lines.Add(result.Outcome == SafeguardOutcome.NotApplicable
            ? "Dual criminality is not required for this assistance (Art. 25(5))."
            : Describe("Dual criminality (Art. 25(5))", result));

    [HandlesSafeguard("grounds-under-applicable-law")]
    private void ApplicableLaw(SafeguardResult result) => Note("Grounds of the applicable law or treaty (Art. 25(4))", result);

    [HandlesSafeguard("political-offence-assistance")]
    private void PoliticalOffence(SafeguardResult result) => Note("Political offence (Art. 27(4)(a))", result);

    [HandlesSafeguard("essential-interests")]
    private void EssentialInterests(SafeguardResult result) => Note("Essential interests (Art. 27(4)(b))", result);

    [HandlesSafeguard("partial-grant")]
    private void PartialGrant(SafeguardResult result) => Note("Partial or conditional grant considered (Art. 27(6))", result);

    [HandlesSafeguard("reasons-for-refusal")]
    private void Reasons(SafeguardResult result) => Note("Reasons to be given (Art. 27(7))", result);

    [HandlesSafeguard("use-limitation")]
    private void UseLimitation(SafeguardResult result) => Note("Conditions on use (Art. 28(2))", result);

    private void Note(string what, SafeguardResult result) => Lines.Add(Describe(what, result));

    // A ground for refusal is "satisfied" when it does not hold: the runtime's wording says it the way a lawyer reads it.
    private static string Describe(string what, SafeguardResult result) => what + ": " + Wording.Outcome(result.Safeguard, result.Outcome) + ".";
}
