using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using SafeguardGen.Examples.AssessmentWeb.Assessing;
using SafeguardGen.Examples.AssessmentWeb.Security;
using SafeguardGen.Examples.AssessmentWeb.Storage;

namespace SafeguardGen.Examples.AssessmentWeb.Pages;

/// <summary>What every page shares: who is acting, and the language the page is read in.</summary>
public abstract class AppPage : PageModel
{
    /// <summary>The language of the checklist's texts and of the decision's words on this page.</summary>
    public string Language { get; protected set; } = "en";

    /// <summary>The languages the page can switch to.</summary>
    public IReadOnlyList<(string Language, bool Complete)> Offered { get; protected set; } = Languages.Offered(null);

    /// <summary>The problems with what was posted, each linked to its field.</summary>
    public List<AnswerError> Errors { get; } = new();

    protected Actor Actor => new(
        User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
        User.Identity?.Name ?? string.Empty,
        User.IsInRole(WebApp.AssessorRole));

    protected void ChooseLanguage(IChecklist? checklist)
    {
        Language = Languages.Choose(LanguageChoice.Asked(HttpContext), checklist);
        Offered = Languages.Offered(checklist);
    }
}

/// <summary>A page about one assessment: loads it for the signed-in user, with its checklist and its assessment.</summary>
public abstract class AssessmentPage : AppPage
{
    [FromRoute]
    public int Id { get; set; }

    public AssessmentRecord Record { get; private set; } = null!;

    public IChecklist Checklist { get; private set; } = null!;

    public AssessmentResult Result { get; private set; } = null!;

    /// <summary>Someone else saved first: the changes this user had not seen, shown with the conflict message.</summary>
    public IReadOnlyList<AnswerChange> Conflict { get; protected set; } = Array.Empty<AnswerChange>();

    protected IAssessmentStore Store => HttpContext.RequestServices.GetRequiredService<IAssessmentStore>();

    /// <summary>Loads the assessment; false when it does not exist or the user may not see it (both answer 404).</summary>
    protected async Task<bool> LoadAsync()
    {
        var record = await Store.FindAsync(Id, Actor, HttpContext.RequestAborted).ConfigureAwait(false);
        var checklist = HttpContext.RequestServices.GetRequiredService<Catalog>().Find(record?.ChecklistId);
        if (record is null || checklist is null)
        {
            return false;
        }

        Record = record;
        Checklist = checklist;
        ChooseLanguage(checklist);
        Result = Answers.Assess(checklist, record.Answers, Language);
        return true;
    }

    /// <summary>The checklist's questions by safeguard, in order, then the facts about the request (a null safeguard).</summary>
    public IReadOnlyList<(SafeguardInfo? Safeguard, IReadOnlyList<QuestionInfo> Questions)> Sections()
    {
        var sections = Checklist.Safeguards.Where(s => s.Questions.Count > 0).Select(s => ((SafeguardInfo?)s, s.Questions)).ToList();
        if (Checklist.Facts.Count > 0)
        {
            sections.Add((null, Checklist.Facts));
        }

        return sections;
    }

    /// <summary>The safeguard a question belongs to, or null for a fact about the request.</summary>
    public SafeguardInfo? SafeguardOf(QuestionInfo question) =>
        Checklist.Safeguards.FirstOrDefault(s => s.Questions.Any(q => q.Id == question.Id));

    public QuestionInfo? Question(string? id) =>
        id is not null && Checklist.Rules.QuestionPositions.TryGetValue(id, out var position) ? Checklist.Rules.Questions[position] : null;

    public string? AnswerOf(QuestionInfo question) => Record.Answers.TryGetValue(question.Id, out var value) ? value : null;

    /// <summary>Saves edits at the version the page was read at; on a conflict, reloads and keeps the unseen changes to show.</summary>
    protected async Task<SaveStatus> SaveAsync(long version, IReadOnlyList<AnswerEdit> edits)
    {
        var saved = await Store.SaveAnswersAsync(Id, version, edits, Actor, HttpContext.RequestAborted).ConfigureAwait(false);
        if (saved.Status == SaveStatus.Conflict)
        {
            await LoadAsync().ConfigureAwait(false);
            Conflict = saved.UnseenChanges;
            Response.StatusCode = 409;
        }

        return saved.Status;
    }

    protected IActionResult Refused(SaveStatus status) => status == SaveStatus.Forbidden ? Forbid() : NotFound();
}
