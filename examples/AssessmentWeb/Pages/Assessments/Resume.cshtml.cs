using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SafeguardGen.Examples.AssessmentWeb.Assessing;
using SafeguardGen.Examples.AssessmentWeb.Storage;

namespace SafeguardGen.Examples.AssessmentWeb.Pages.Assessments;

/// <summary>Starts an assessment from an answers file; a file that does not fit its checklist is refused with the JSON path of each problem.</summary>
[Authorize(Roles = WebApp.AssessorRole)]
public sealed class ResumeModel(IAssessmentStore store, Catalog catalog) : AppPage
{
    [BindProperty]
    public IFormFile? AnswersFile { get; set; }

    [BindProperty]
    public string? CaseReference { get; set; }

    public void OnGet() => ChooseLanguage(null);

    public async Task<IActionResult> OnPostAsync()
    {
        ChooseLanguage(null);
        if (AnswersFile is null || AnswersFile.Length == 0)
        {
            Errors.Add(new AnswerError("answers-file", "Select an answers file."));
            return Page();
        }

        if (AnswersFile.Length > Assessing.AnswersFile.MaxBytes)
        {
            Errors.Add(new AnswerError("answers-file", "The file is larger than 256 KB; an answers file is a few KB."));
            return Page();
        }

        using var buffer = new MemoryStream();
        await AnswersFile.CopyToAsync(buffer, HttpContext.RequestAborted);
        var content = Assessing.AnswersFile.Read(buffer.ToArray(), catalog.Find);
        Errors.AddRange(content.Errors);
        var caseReference = string.IsNullOrWhiteSpace(CaseReference) ? content.CaseReference : CaseReference;
        if (Errors.Count == 0)
        {
            StartModel.CheckCase(caseReference, content.Description, Errors);
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var id = await store.CreateAsync(new NewAssessment(content.Checklist!.Id, caseReference!.Trim(), content.Description?.Trim() ?? string.Empty, content.Answers), Actor, HttpContext.RequestAborted);
        return Redirect("/Assessments/" + id + "/Questions");
    }
}
