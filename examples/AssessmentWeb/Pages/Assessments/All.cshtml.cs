using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using SafeguardGen.Examples.AssessmentWeb.Assessing;
using SafeguardGen.Examples.AssessmentWeb.Storage;

namespace SafeguardGen.Examples.AssessmentWeb.Pages.Assessments;

/// <summary>Every question of the checklist on one page, by safeguard, then the facts: answers out of order.</summary>
public sealed class AllModel : AssessmentPage
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long version)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!Record.CanEdit)
        {
            return Forbid();
        }

        var edits = new List<AnswerEdit>();
        foreach (var question in Checklist.Rules.Questions)
        {
            var (value, error) = AnswerForm.Read(question, Request.Form);
            if (error is not null)
            {
                Errors.Add(new AnswerError(AnswerForm.ElementId(Checklist, question), question.Ask.Get(Language) + ": " + error));
            }
            else
            {
                edits.Add(new AnswerEdit(question.Id, value));
            }
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = 400;
            return Page();
        }

        var status = await SaveAsync(version, edits);
        return status switch
        {
            SaveStatus.Saved => Redirect("/Assessments/" + Id + "/Check"),
            SaveStatus.Conflict => Page(),
            _ => Refused(status),
        };
    }
}
