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
            ? "No coercive action: dual criminality was not required (Art. 25(5))."
            : "Dual criminality (Art. 25(5)): " + result.Outcome + ".");

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

    private void Note(string what, SafeguardResult result) => Lines.Add(what + ": " + result.Outcome + ".");
}
