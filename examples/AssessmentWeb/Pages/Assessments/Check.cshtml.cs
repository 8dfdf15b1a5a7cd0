using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace SafeguardGen.Examples.AssessmentWeb.Pages.Assessments;

/// <summary>Every answer with a Change link, then the decision, its explanation and each safeguard's outcome and law.</summary>
public sealed class CheckModel : AssessmentPage
{
    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();
}
