using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardGen.Examples.AssessmentWeb.Assessing;

namespace SafeguardGen.Examples.AssessmentWeb.Pages.Admin;

/// <summary>Administrators create assessor and reviewer accounts; there is no self-registration.</summary>
public sealed class UsersModel(UserManager<IdentityUser> users) : AppPage
{
    public sealed record AccountRow(string Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil);

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Created { get; private set; }

    public async Task OnGetAsync(string? created)
    {
        Created = created;
        await ListAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal) || Answers.TextProblem(Email, 256) is not null)
        {
            Errors.Add(new AnswerError("email", "Enter an email address, like name@example.org."));
        }

        if (Role is not (WebApp.AssessorRole or WebApp.ReviewerRole))
        {
            Errors.Add(new AnswerError("role-input", "Select assessor or reviewer."));
        }

        if (Errors.Count == 0)
        {
            var user = new IdentityUser { UserName = Email!.Trim(), Email = Email.Trim(), EmailConfirmed = true };
            var result = await users.CreateAsync(user, Password ?? string.Empty);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, Role!);
            }

            if (result.Succeeded)
            {
                return Redirect("/Admin/Users?created=" + Uri.EscapeDataString(user.Email));
            }

            Errors.AddRange(result.Errors.Select(e => new AnswerError(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description)));
        }

        Response.StatusCode = 400;
        await ListAsync();
        return Page();
    }

    private async Task ListAsync()
    {
        var rows = new List<AccountRow>();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync(HttpContext.RequestAborted))
        {
            var locked = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : (DateTimeOffset?)null;
            rows.Add(new AccountRow(user.Email ?? user.UserName ?? user.Id, (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList(), locked));
        }

        Accounts = rows;
    }
}
