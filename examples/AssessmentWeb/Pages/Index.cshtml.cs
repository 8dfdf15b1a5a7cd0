using System.Collections.Generic;
using System.Threading.Tasks;
using SafeguardGen.Examples.AssessmentWeb.Assessing;
using SafeguardGen.Examples.AssessmentWeb.Storage;

namespace SafeguardGen.Examples.AssessmentWeb.Pages;

/// <summary>The assessments the user created or was given.</summary>
public sealed class IndexModel(IAssessmentStore store, Catalog catalog) : AppPage
{
    public Catalog Catalog => catalog;

    public IReadOnlyList<AssessmentSummary> Assessments { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ChooseLanguage(null);
        Assessments = await store.ListAsync(Actor, HttpContext.RequestAborted);
    }
}
