using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SafeguardGen.Examples.AssessmentWeb.Assessing;

namespace SafeguardGen.Examples.AssessmentWeb.Pages.Account;

/// <summary>Signs in with a local account; five failures lock the account for fifteen minutes.</summary>
public sealed class SignInModel(SignInManager<IdentityUser> signIn) : AppPage
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Errors.Add(new AnswerError(string.IsNullOrWhiteSpace(Email) ? "email" : "password", string.IsNullOrWhiteSpace(Email) ? "Enter your email address." : "Enter your password."));
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        // The same words whether the account exists or not, so the page does not tell which addresses have one.
        Errors.Add(new AnswerError("email", result.IsLockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes."
            : "The email address or the password is not right."));
        Response.StatusCode = 401;
        return Page();
    }
}
