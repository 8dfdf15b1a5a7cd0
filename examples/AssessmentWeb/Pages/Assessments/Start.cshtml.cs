using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SafeguardGen.Examples.AssessmentWeb.Assessing;
using SafeguardGen.Examples.AssessmentWeb.Storage;

namespace SafeguardGen.Examples.AssessmentWeb.Pages.Assessments;

/// <summary>Starts an assessment: a checklist, a case reference and a short description.</summary>
[Authorize(Roles = WebApp.AssessorRole)]
public sealed class StartModel(IAssessmentStore store, Catalog catalog) : AppPage
{
    public Catalog Catalog => catalog;

    [BindProperty]
    public string? ChecklistId { get; set; }

    [BindProperty]
    public string? CaseReference { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public void OnGet() => ChooseLanguage(null);

    public async Task<IActionResult> OnPostAsync()
    {
        ChooseLanguage(null);
        var checklist = catalog.Find(ChecklistId);
        if (checklist is null)
        {
            Errors.Add(new AnswerError("checklist-input", "Select the checklist that applies to the request."));
        }

        CheckCase(CaseReference, Description, Errors);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var id = await store.CreateAsync(new NewAssessment(checklist!.Id, CaseReference!.Trim(), Description?.Trim() ?? string.Empty, new Dictionary<string, string>()), Actor, HttpContext.RequestAborted);
        return Redirect("/Assessments/" + id + "/Questions");
    }

    /// <summary>The case reference is required and short; neither text may hold a direction control.</summary>
    internal static void CheckCase(string? caseReference, string? description, List<AnswerError> errors)
    {
        if (string.IsNullOrWhiteSpace(caseReference))
        {
            errors.Add(new AnswerError("case-reference", "Enter the case reference."));
        }
        else if (Answers.TextProblem(caseReference.Trim(), 100) is { } problem)
        {
            errors.Add(new AnswerError("case-reference", "Case reference: " + problem));
        }

        if (description is not null && Answers.TextProblem(description.Trim(), 2000) is { } descriptionProblem)
        {
            errors.Add(new AnswerError("description", "Description: " + descriptionProblem));
        }
    }
}
