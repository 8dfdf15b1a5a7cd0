using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SafeguardGen.Examples.AssessmentWeb.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows no inline script or style and nothing from
/// elsewhere, no framing, no MIME sniffing, no referrer, and no caching of pages that hold case data.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!context.Request.Path.StartsWithSegments("/css", StringComparison.Ordinal) && !context.Request.Path.StartsWithSegments("/js", StringComparison.Ordinal))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>
/// Refuses a request body larger than the limit with 413, whatever the server: Kestrel has its own limit, but
/// a body of unknown length is counted here as it is read, so no host lets a larger one through.
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > WebApp.MaxRequestBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = WebApp.MaxRequestBytes;
        }

        return next(context);
    }
}

/// <summary>
/// The language a page is read in: <c>?lang=fr</c> chooses it (and is remembered in a cookie), else the cookie,
/// else English. Pages narrow it to the languages their checklist offers.
/// </summary>
public sealed class LanguageChoice(RequestDelegate next)
{
    public const string CookieName = "SafeguardGen.Language";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asked = context.Request.Query["lang"].ToString();
        if (Wording.Languages.Contains(asked, StringComparer.Ordinal))
        {
            context.Response.Cookies.Append(CookieName, asked, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
            context.Items[CookieName] = asked;
        }
        else if (context.Request.Cookies.TryGetValue(CookieName, out var remembered) && Wording.Languages.Contains(remembered, StringComparer.Ordinal))
        {
            context.Items[CookieName] = remembered;
        }

        return next(context);
    }

    /// <summary>The language asked for, or null.</summary>
    public static string? Asked(HttpContext context) => context?.Items[CookieName] as string;
}
