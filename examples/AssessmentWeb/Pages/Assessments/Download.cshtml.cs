using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using SafeguardGen.Examples.AssessmentWeb.Assessing;

namespace SafeguardGen.Examples.AssessmentWeb.Pages.Assessments;

/// <summary>The answers as a file, to keep or to resume on another machine.</summary>
public sealed class DownloadModel : AssessmentPage
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var bytes = AnswersFile.Write(Checklist, Record.CaseReference, Record.Description, Record.Answers);
        var name = new StringBuilder("assessment-").Append(Id).Append("-answers.json").ToString();
        return File(bytes, "application/json", name);
    }
}
