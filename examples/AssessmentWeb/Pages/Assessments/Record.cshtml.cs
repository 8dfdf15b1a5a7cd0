using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SafeguardGen.Examples.AssessmentWeb.Assessing;
using SafeguardGen.Examples.AssessmentWeb.Storage;

namespace SafeguardGen.Examples.AssessmentWeb.Pages.Assessments;

/// <summary>The printable record: the case, the decision and its law, every question and answer, the history and the comments.</summary>
public sealed class RecordModel(UserManager<IdentityUser> users, TimeProvider clock) : AssessmentPage
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done)
    {
        Message = done switch
        {
            "comment" => "Your comment was added.",
            "share" => "Access was given.",
            _ => null,
        };
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCommentAsync(string? text)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            Errors.Add(new AnswerError("comment", "Enter a comment."));
        }
        else if (Answers.TextProblem(text.Trim(), 4000) is { } problem)
        {
            Errors.Add(new AnswerError("comment", problem));
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = 400;
            return Page();
        }

        var status = await Store.CommentAsync(Id, text!.Trim().Replace("\r\n", "\n", StringComparison.Ordinal), Actor, HttpContext.RequestAborted);
        return status == SaveStatus.Saved ? Redirect("/Assessments/" + Id + "/Record?done=comment") : Refused(status);
    }

    public async Task<IActionResult> OnPostShareAsync(string? email)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            Errors.Add(new AnswerError("share-email", "No account has that email address; an administrator can create one."));
            Response.StatusCode = 400;
            return Page();
        }

        var status = await Store.GrantAsync(Id, user.Id, user.UserName ?? user.Email ?? user.Id, Actor, HttpContext.RequestAborted);
        return status == SaveStatus.Saved ? Redirect("/Assessments/" + Id + "/Record?done=share") : Refused(status);
    }
}
