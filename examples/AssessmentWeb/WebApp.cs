using System;
using System.IO;
using System.Linq;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SafeguardGen.Examples.AssessmentWeb.Assessing;
using SafeguardGen.Examples.AssessmentWeb.Data;
using SafeguardGen.Examples.AssessmentWeb.Security;
using SafeguardGen.Examples.AssessmentWeb.Storage;

namespace SafeguardGen.Examples.AssessmentWeb;

/// <summary>How the app is put together, for Program, the tests and the load benchmark.</summary>
public static class WebApp
{
    /// <summary>The address the app listens on unless told otherwise (<c>--urls</c>).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The roles: an administrator manages accounts, an assessor answers, a reviewer reads and comments.</summary>
    public const string AdministratorRole = "Administrator";

    public const string AssessorRole = "Assessor";

    public const string ReviewerRole = "Reviewer";

    /// <summary>The largest request body accepted, in bytes: an answers file and some form fields.</summary>
    public const long MaxRequestBytes = 512 * 1024;

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = MaxRequestBytes);
        Configure(builder.Services);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    /// <summary>The connection string: the configured one, else a file beside the app.</summary>
    public static string ConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return configuration.GetConnectionString("Assessments") is { Length: > 0 } configured
            ? configured
            : "Data Source=" + Path.Combine(environment.ContentRootPath, "assessments.db");
    }

    private static void Configure(IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);

        // Pages are UTF-8: write letters of every script as themselves; markup characters are still encoded.
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<Catalog>();
        services.AddDbContext<AppDbContext>((provider, options) =>
            options.UseSqlite(ConnectionString(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>())));
        services.AddScoped<IAssessmentStore, EfAssessmentStore>();
        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/SignIn";
            options.LogoutPath = "/Account/SignOut";
            // A page the user may not use answers 403 in place (the status page explains), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Cookie.Name = "SafeguardGen.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "SafeguardGen.Antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.HeaderName = null;
        });
        services.AddAuthorization(options =>
        {
            // Everything needs a signed-in user unless a page says otherwise (only sign-in and the error pages do).
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        services.Configure<FormOptions>(options =>
        {
            options.MultipartBodyLengthLimit = MaxRequestBytes;
            options.ValueLengthLimit = 64 * 1024;
            options.ValueCountLimit = 1024;
        });
        services.AddOptions<SignInLimitOptions>().BindConfiguration("SignIn");
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(SignInLimit.Partition);
            options.OnRejected = (context, _) => SignInLimit.RejectAsync(context.HttpContext);
        });
        services.AddRazorPages(options =>
        {
            options.Conventions.AllowAnonymousToPage("/Account/SignIn");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToPage("/Status");
            options.Conventions.AuthorizeFolder("/Admin", "Administrator");
        });
        services.AddAuthorizationBuilder().AddPolicy("Administrator", policy => policy.RequireRole(AdministratorRole));
    }

    private static void Configure(WebApplication app)
    {
        // No stack trace ever reaches a user, in any environment: the error page shows a reference to quote.
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Status", "?code={0}");
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<RequestSizeLimit>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<LanguageChoice>();
        app.MapRazorPages();
        app.Lifetime.ApplicationStarted.Register(() => Announce(app));
        Prepare(app.Services);
    }

    /// <summary>Creates or migrates the database and the roles; a restart keeps everything saved.</summary>
    public static void Prepare(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.Migrate();

        // Write-ahead logging lets readers go on while one assessor saves.
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { AdministratorRole, AssessorRole, ReviewerRole })
        {
            if (!roles.RoleExistsAsync(role).GetAwaiter().GetResult())
            {
                roles.CreateAsync(new IdentityRole(role)).GetAwaiter().GetResult();
            }
        }
    }

    private static void Announce(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is { Count: > 0 })
        {
            Console.WriteLine("SafeguardGen assessments is running at " + string.Join(", ", addresses) + " (press Ctrl+C to stop).");
        }
    }
}
