using Microsoft.AspNetCore.Mvc;

namespace SafeguardGen.Examples.AssessmentWeb.Pages;

/// <summary>The page for a status without a page of its own: not found, not allowed, too large.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : AppPage
{
    public string Title { get; private set; } = "Page not found";

    public string Text { get; private set; } = string.Empty;

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Text) = code switch
        {
            403 => ("You cannot do that", "Your account can see this assessment but not change it, or the page is for administrators."),
            400 => ("The form could not be read", "The page may have been open too long. Go back, reload the page and try again."),
            413 => ("Too large", "What you sent is larger than the app accepts (512 KB)."),
            _ => ("Page not found", "There is no such page, or no assessment you may open at this address."),
        };
    }
}
