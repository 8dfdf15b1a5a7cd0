using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace SafeguardGen.Examples.AssessmentWeb.Pages.Account;

/// <summary>Signs out; a POST only, so a link elsewhere cannot sign a user out.</summary>
public sealed class SignOutModel(SignInManager<IdentityUser> signIn) : AppPage
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/Account/SignIn");
    }
}
