using System;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SafeguardGen.Examples.AssessmentWeb.Security;

/// <summary>How many sign-in attempts one address may make a minute (configuration section "SignIn").</summary>
public sealed class SignInLimitOptions
{
    public int AttemptsPerMinute { get; set; } = 10;
}

/// <summary>
/// Limits attempts to sign in, per client address, on top of Identity's lockout of an account after five
/// failures: guessing passwords across many accounts is slowed as well as guessing one.
/// </summary>
public static class SignInLimit
{
    public static RateLimitPartition<string> Partition(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals("/Account/SignIn", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limit = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value.AttemptsPerMinute;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter("sign-in:" + address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    public static async ValueTask RejectAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = "60";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many attempts to sign in</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head>"
            + "<body><main class=\"page\"><h1>Too many attempts to sign in</h1><p>Wait a minute, then <a href=\"/Account/SignIn\">try again</a>.</p></main></body></html>").ConfigureAwait(false);
    }
}
