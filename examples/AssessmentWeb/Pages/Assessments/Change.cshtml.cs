using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using SafeguardGen.Examples.AssessmentWeb.Assessing;
using SafeguardGen.Examples.AssessmentWeb.Storage;

namespace SafeguardGen.Examples.AssessmentWeb.Pages.Assessments;

/// <summary>Changes one answer, reached from a Change link on the check-answers page, and returns there.</summary>
public sealed class ChangeModel : AssessmentPage
{
    public QuestionInfo Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? question)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!Record.CanEdit)
        {
            return Forbid();
        }

        Current = Question(question)!;
        return Current is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? question, long version)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!Record.CanEdit)
        {
            return Forbid();
        }

        Current = Question(question)!;
        if (Current is null)
        {
            return NotFound();
        }

        var (value, error) = AnswerForm.Read(Current, Request.Form);
        if (error is not null)
        {
            Errors.Add(new AnswerError(AnswerForm.ElementId(Checklist, Current), error));
            Response.StatusCode = 400;
            return Page();
        }

        var status = await SaveAsync(version, new[] { new AnswerEdit(Current.Id, value) });
        return status switch
        {
            SaveStatus.Saved => Redirect("/Assessments/" + Id + "/Check"),
            SaveStatus.Conflict => Page(),
            _ => Refused(status),
        };
    }
}
