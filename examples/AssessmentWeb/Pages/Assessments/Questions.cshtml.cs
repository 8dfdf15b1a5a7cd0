using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using SafeguardGen.Examples.AssessmentWeb.Assessing;
using SafeguardGen.Examples.AssessmentWeb.Storage;

namespace SafeguardGen.Examples.AssessmentWeb.Pages.Assessments;

/// <summary>
/// Asks the one question still needed that settles most; after each answer the checklist is evaluated again,
/// so questions the decision no longer depends on are never asked. With none left, goes to check answers.
/// </summary>
public sealed class QuestionsModel : AssessmentPage
{
    public QuestionInfo? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Current = Result.StillNeeded.Count > 0 ? Result.StillNeeded[0] : null;
        return Current is null ? Redirect("/Assessments/" + Id + "/Check") : Page();
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

        Current = Question(question);
        if (Current is null)
        {
            return BadRequest();
        }

        var (value, error) = AnswerForm.Read(Current, Request.Form);
        if (error is null && value is null)
        {
            error = Current.Type switch
            {
                AnswerType.YesNo => "Select yes or no.",
                AnswerType.Choice when Current.IsList => "Select the options that apply, or \"None of these\".",
                AnswerType.Choice => "Select one of the options.",
                AnswerType.Date => "Enter a date.",
                AnswerType.Number => "Enter a number.",
                _ => "Enter an answer.",
            };
        }

        if (error is not null)
        {
            Errors.Add(new AnswerError(AnswerForm.ElementId(Checklist, Current), error));
            Response.StatusCode = 400;
            return Page();
        }

        var status = await SaveAsync(version, new[] { new AnswerEdit(Current.Id, value) });
        if (status == SaveStatus.Conflict)
        {
            // Ask again what is still needed now, with the other person's answers in.
            Current = Result.StillNeeded.FirstOrDefault(q => q.Id == Current.Id) ?? (Result.StillNeeded.Count > 0 ? Result.StillNeeded[0] : null);
            return Page();
        }

        return status == SaveStatus.Saved ? Redirect("/Assessments/" + Id + "/Questions") : Refused(status);
    }
}
