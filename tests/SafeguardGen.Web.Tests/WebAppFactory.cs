using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SafeguardGen.Examples.AssessmentWeb;

namespace SafeguardGen.Web.Tests;

/// <summary>The app in memory over its own SQLite file, which a second factory can open again (a restart).</summary>
public sealed class WebAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";

    private readonly Dictionary<string, string> settings;
    private readonly Action<IServiceCollection>? services;

    public WebAppFactory(string? databasePath = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), "safeguardgen-web-" + Guid.NewGuid().ToString("N") + ".db");
        this.settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["ConnectionStrings:Assessments"] = "Data Source=" + DatabasePath + ";Pooling=False" };
        if (!this.settings.ContainsKey("SignIn:AttemptsPerMinute"))
        {
            this.settings["SignIn:AttemptsPerMinute"] = "1000";
        }

        this.services = services;
    }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Production");
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    /// <summary>Creates an account with the roles.</summary>
    public async Task<string> UserAsync(string email, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        }

        return email;
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed, so each response can be checked.</summary>
    public Browser Browser() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A client signed in as a new user with the roles.</summary>
    public async Task<Browser> SignedInAsync(string email, params string[] roles)
    {
        await UserAsync(email, roles);
        var browser = Browser();
        var response = await browser.SubmitAsync("/Account/SignIn", "form", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        return browser;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

/// <summary>A page as received: status, headers and the parsed document.</summary>
public sealed record Page(HttpStatusCode Status, HttpResponseMessage Response, IHtmlDocument Document, string Html)
{
    public string? Location => Response.Headers.Location?.OriginalString;

    public string Text => Document.Body?.TextContent ?? string.Empty;

    /// <summary>The text with runs of white space made one space, for phrases that wrap in the markup.</summary>
    public string Words => Collapse(Text);

    /// <summary>The text with every run of white space made one space.</summary>
    public static string Collapse(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Gets pages and submits their forms as a browser would: the form's own fields (the antiforgery token among them) plus the user's.</summary>
public sealed class Browser(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public async Task<Page> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        return await ParseAsync(response);
    }

    /// <summary>Follows redirects from a response, as a browser would after a POST.</summary>
    public async Task<Page> FollowAsync(Page page)
    {
        while (page.Status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
        {
            page = await GetAsync(page.Location!);
        }

        return page;
    }

    /// <summary>
    /// Gets <paramref name="url"/>, fills the form matched by <paramref name="formSelector"/> with its current values
    /// (hidden fields, checked boxes, text) overridden by <paramref name="fields"/>, and posts it.
    /// </summary>
    public async Task<Page> SubmitAsync(string url, string formSelector, Dictionary<string, object?> fields)
    {
        var page = await GetAsync(url);
        return await SubmitAsync(page, formSelector, fields, url);
    }

    public async Task<Page> SubmitAsync(Page page, string formSelector, Dictionary<string, object?> fields, string url)
    {
        var form = page.Document.QuerySelectorAll<IHtmlFormElement>(formSelector).FirstOrDefault()
            ?? throw new InvalidOperationException("No form '" + formSelector + "' on " + url + " (" + page.Status + "):\n" + page.Words);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input, textarea"))
        {
            var name = input.GetAttribute("name");
            if (name is null || fields.ContainsKey(name))
            {
                continue;
            }

            var type = input.GetAttribute("type") ?? "text";
            if (type is "radio" or "checkbox")
            {
                if (input.HasAttribute("checked"))
                {
                    values.Add(new(name, input.GetAttribute("value") ?? "on"));
                }
            }
            else if (type != "file")
            {
                values.Add(new(name, input is IHtmlTextAreaElement area ? area.Value : input.GetAttribute("value") ?? string.Empty));
            }
        }

        foreach (var (name, value) in fields)
        {
            foreach (var item in value switch { null => Array.Empty<string>(), string text => new[] { text }, IEnumerable<string> many => many, _ => new[] { value.ToString()! } })
            {
                values.Add(new(name, item));
            }
        }

        var action = form.GetAttribute("action") is { Length: > 0 } explicitAction ? explicitAction : url;
        using var content = new FormUrlEncodedContent(values);
        var response = await client.PostAsync(action, content);
        return await ParseAsync(response);
    }

    public static async Task<Page> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response.StatusCode, response, Parser.ParseDocument(html), html);
    }

    public void Dispose() => client.Dispose();
}
