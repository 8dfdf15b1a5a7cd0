using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace SafeguardGen.Examples.AssessmentWeb.Pages;

/// <summary>Shown for any failure: a reference to quote, never the exception, which goes to the log.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : AppPage
{
    public string Reference { get; private set; } = string.Empty;

    public void OnGet() => Record();

    public void OnPost() => Record();

    private void Record()
    {
        Reference = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is not null)
        {
            logger.LogError(failure.Error, "Request {Reference} to {Path} failed", Reference, failure.Path);
        }
    }
}
