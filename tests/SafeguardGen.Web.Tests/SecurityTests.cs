using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using SafeguardGen.Examples.AssessmentWeb;
using SafeguardGen.Examples.AssessmentWeb.Storage;

namespace SafeguardGen.Web.Tests;

/// <summary>Who may see and change what, and what hostile input and failures meet.</summary>
public sealed class SecurityTests : IClassFixture<FlowTests.Fixture>
{
    private readonly WebAppFactory app;

    public SecurityTests(FlowTests.Fixture fixture) => app = fixture.App;

    [Theory]
    [InlineData("/")]
    [InlineData("/Assessments/Start")]
    [InlineData("/Assessments/Resume")]
    [InlineData("/Assessments/1/Questions")]
    [InlineData("/Assessments/1/All")]
    [InlineData("/Assessments/1/Check")]
    [InlineData("/Assessments/1/Record")]
    [InlineData("/Assessments/1/Download")]
    [InlineData("/Assessments/1/Change?question=persecution.grounds")]
    [InlineData("/Admin/Users")]
    public async Task Every_page_but_sign_in_sends_a_visitor_who_is_not_signed_in_to_sign_in(string url)
    {
        using var browser = app.Browser();
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/Account/SignIn?ReturnUrl=", page.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/SignIn")).Status);
    }

    [Fact]
    public async Task Every_page_has_a_content_security_policy_without_inline_script_or_style_and_no_inline_script_or_handler()
    {
        using var browser = await app.SignedInAsync("csp@example.org", WebApp.AssessorRole, WebApp.AdministratorRole);
        var id = await FlowTests.StartAsync(browser, "budapest.extradition-review");
        foreach (var url in new[] { "/", "/Assessments/Start", "/Assessments/Resume", "/Assessments/" + id + "/Questions", "/Assessments/" + id + "/All", "/Assessments/" + id + "/Check", "/Assessments/" + id + "/Record", "/Assessments/" + id + "/Change?question=persecution.grounds", "/Admin/Users", "/Account/SignIn", "/no-such-page" })
        {
            var page = await browser.GetAsync(url);
            var policy = string.Join(";", page.Response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", page.Response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") && s.TextContent.Trim().Length == 0, url + ": inline script"));
            Assert.Empty(page.Document.QuerySelectorAll("style, [style]"));
            Assert.DoesNotContain(page.Document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var browser = await app.SignedInAsync("forgery@example.org", WebApp.AssessorRole);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["ChecklistId"] = "budapest.extradition-review", ["CaseReference"] = "X" });
        var response = await browser.Client.PostAsync("/Assessments/Start", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await browser.GetAsync("/")).Document.QuerySelectorAll("table tbody tr"));

        // Nor is a token taken from another user's session.
        using var other = await app.SignedInAsync("forgery-other@example.org", WebApp.AssessorRole);
        var otherForm = await other.GetAsync("/Assessments/Start");
        var token = otherForm.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var stolen = new FormUrlEncodedContent(new Dictionary<string, string> { ["ChecklistId"] = "budapest.extradition-review", ["CaseReference"] = "X", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.PostAsync("/Assessments/Start", stolen)).StatusCode);
    }

    [Fact]
    public async Task An_assessor_cannot_open_another_assessors_assessment_until_it_is_given_and_a_reviewer_reads_and_comments_but_cannot_change_answers()
    {
        using var owner = await app.SignedInAsync("owner@example.org", WebApp.AssessorRole);
        using var stranger = await app.SignedInAsync("stranger@example.org", WebApp.AssessorRole);
        using var reviewer = await app.SignedInAsync("reviewer@example.org", WebApp.ReviewerRole);
        var id = await FlowTests.StartAsync(owner, "budapest.extradition-review", "ACCESS/1");
        foreach (var url in new[] { "Questions", "All", "Check", "Record", "Download", "Change?question=persecution.grounds" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/Assessments/" + id + "/" + url)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync("/Assessments/" + id + "/" + url)).Status);
        }

        Assert.DoesNotContain("ACCESS/1", (await stranger.GetAsync("/")).Text, StringComparison.Ordinal);
        var shared = await owner.SubmitAsync("/Assessments/" + id + "/Record", "form[action$='handler=Share']", new() { ["Email"] = "reviewer@example.org" });
        Assert.Equal(HttpStatusCode.Redirect, shared.Status);

        Assert.Contains("ACCESS/1", (await reviewer.GetAsync("/")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/Assessments/" + id + "/Record")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/Assessments/" + id + "/Change?question=persecution.grounds")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/Assessments/Start")).Status);
        Assert.Empty((await reviewer.GetAsync("/Assessments/" + id + "/Check")).Document.QuerySelectorAll(".summary-row .actions a"));
        var questions = await reviewer.GetAsync("/Assessments/" + id + "/Questions");
        Assert.Empty(questions.Document.QuerySelectorAll("main button[type=submit]"));

        // Posting answers anyway is refused, and nothing is written.
        var token = questions.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["question"] = "persecution.grounds", ["version"] = "1", ["q:persecution.grounds"] = "race", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Client.PostAsync("/Assessments/" + id + "/Questions", forged)).StatusCode);

        var commented = await reviewer.SubmitAsync("/Assessments/" + id + "/Record", "form[action$='handler=Comment']", new() { ["Text"] = "Ask for the evidence behind the persecution finding." });
        Assert.Equal(HttpStatusCode.Redirect, commented.Status);
        var record = await owner.GetAsync("/Assessments/" + id + "/Record");
        Assert.Contains("Ask for the evidence behind the persecution finding.", record.Text, StringComparison.Ordinal);
        Assert.Contains("No answer has been given yet.", record.Words, StringComparison.Ordinal);

        // The stranger, now given the assessment as an assessor, can answer.
        await owner.SubmitAsync("/Assessments/" + id + "/Record", "form[action$='handler=Share']", new() { ["Email"] = "stranger@example.org" });
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/Assessments/" + id + "/Change?question=persecution.grounds")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/Admin/Users")).Status);
    }

    [Fact]
    public async Task Two_people_saving_the_same_assessment_at_once_get_a_conflict_message_instead_of_a_silent_overwrite()
    {
        using var owner = await app.SignedInAsync("first@example.org", WebApp.AssessorRole);
        using var colleague = await app.SignedInAsync("second@example.org", WebApp.AssessorRole);
        var id = await FlowTests.StartAsync(owner, "budapest.extradition-review");
        await owner.SubmitAsync("/Assessments/" + id + "/Record", "form[action$='handler=Share']", new() { ["Email"] = "second@example.org" });
        var url = "/Assessments/" + id + "/Change?question=persecution.grounds";
        var ownersPage = await owner.GetAsync(url);
        var colleaguesPage = await colleague.GetAsync(url);

        var first = await owner.SubmitAsync(ownersPage, "main form", new() { ["q:persecution.grounds"] = new[] { "race" } }, url);
        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        var second = await colleague.SubmitAsync(colleaguesPage, "main form", new() { ["q:persecution.grounds"] = new[] { "religion" } }, url);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Contains("Someone else changed this assessment", second.Text, StringComparison.Ordinal);
        Assert.Contains("first@example.org answered", second.Words, StringComparison.Ordinal);

        var record = await owner.GetAsync("/Assessments/" + id + "/Record");
        Assert.Single(record.Document.QuerySelectorAll("table.history tbody tr"));
        Assert.Contains("Race", record.Document.QuerySelector("table.history tbody tr")!.TextContent, StringComparison.Ordinal);

        // Given again on the fresh page, the colleague's answer is saved over the one they have now seen.
        var again = await colleague.SubmitAsync(second, "main form", new() { ["q:persecution.grounds"] = new[] { "religion" } }, url);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
    }

    [Fact]
    public async Task Text_from_a_user_is_encoded_on_every_page_and_a_direction_control_is_refused()
    {
        using var browser = await app.SignedInAsync("hostile@example.org", WebApp.AssessorRole);
        const string Hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        var id = await FlowTests.StartAsync(browser, "budapest.extradition-review", Hostile, Hostile);
        await browser.SubmitAsync("/Assessments/" + id + "/All", "main form", new() { ["q:torture-risk.evidence"] = Hostile });
        await browser.SubmitAsync("/Assessments/" + id + "/Record", "form[action$='handler=Comment']", new() { ["Text"] = Hostile });
        foreach (var url in new[] { "/", "/Assessments/" + id + "/Check", "/Assessments/" + id + "/Record", "/Assessments/" + id + "/Questions" })
        {
            var page = await browser.GetAsync(url);
            Assert.Empty(page.Document.QuerySelectorAll("img"));
            Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.Equal("/js/print.js", s.GetAttribute("src")));
            Assert.Contains(Hostile, page.Text, StringComparison.Ordinal);
        }

        var refused = await browser.SubmitAsync("/Assessments/Start", "main form", new() { ["ChecklistId"] = "budapest.extradition-review", ["CaseReference"] = "EXT\u202E1002" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("U+202E RIGHT-TO-LEFT OVERRIDE", refused.Text, StringComparison.Ordinal);
        Assert.Equal("case-reference", refused.Document.QuerySelector(".error-summary a")!.GetAttribute("href")!.TrimStart('#'));
    }

    [Fact]
    public async Task A_request_body_larger_than_the_limit_is_refused()
    {
        using var browser = await app.SignedInAsync("large@example.org", WebApp.AssessorRole);
        using var content = new ByteArrayContent(new byte[WebApp.MaxRequestBytes + 1]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var response = await browser.Client.PostAsync("/Assessments/Start", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_and_say_the_same_whether_the_account_exists()
    {
        await app.UserAsync("locked@example.org", WebApp.AssessorRole);
        using var browser = app.Browser();
        var unknown = await browser.SubmitAsync("/Account/SignIn", "main form", new() { ["Email"] = "nobody@example.org", ["Password"] = "wrong password 1" });
        var wrong = await browser.SubmitAsync("/Account/SignIn", "main form", new() { ["Email"] = "locked@example.org", ["Password"] = "wrong password 1" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(unknown.Document.QuerySelector(".error-summary")!.TextContent, wrong.Document.QuerySelector(".error-summary")!.TextContent);
        for (var i = 0; i < 4; i++)
        {
            wrong = await browser.SubmitAsync("/Account/SignIn", "main form", new() { ["Email"] = "locked@example.org", ["Password"] = "wrong password 1" });
        }

        Assert.Contains("locked for 15 minutes", wrong.Text, StringComparison.Ordinal);
        var right = await browser.SubmitAsync("/Account/SignIn", "main form", new() { ["Email"] = "locked@example.org", ["Password"] = WebAppFactory.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.Status);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_beyond_the_limit_are_refused_for_a_minute()
    {
        using var limited = new WebAppFactory(settings: new Dictionary<string, string> { ["SignIn:AttemptsPerMinute"] = "3" });
        try
        {
            using var browser = limited.Browser();
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 4; i++)
            {
                statuses.Add((await browser.SubmitAsync("/Account/SignIn", "main form", new() { ["Email"] = "guess@example.org", ["Password"] = "guess " + i })).Status);
            }

            Assert.Equal(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }, statuses);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/SignIn")).Status);
        }
        finally
        {
            limited.Dispose();
            File.Delete(limited.DatabasePath);
        }
    }

    [Fact]
    public async Task A_failure_inside_the_app_shows_a_reference_and_no_stack_trace()
    {
        using var failing = new WebAppFactory(services: s => s.AddScoped<IAssessmentStore, FailingStore>());
        try
        {
            using var browser = await failing.SignedInAsync("failure@example.org", WebApp.AssessorRole);
            var page = await browser.GetAsync("/");
            Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
            Assert.Contains("Something went wrong", page.Text, StringComparison.Ordinal);
            Assert.NotEmpty(page.Document.QuerySelector("main code")!.TextContent);
            Assert.DoesNotContain("InvalidOperationException", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("FailingStore", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", page.Text, StringComparison.Ordinal);
        }
        finally
        {
            failing.Dispose();
            File.Delete(failing.DatabasePath);
        }
    }

    private sealed class FailingStore : IAssessmentStore
    {
        public Task<int> CreateAsync(NewAssessment assessment, Actor actor, CancellationToken cancellationToken = default) => throw new InvalidOperationException("disk on fire");

        public Task<IReadOnlyList<AssessmentSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default) => throw new InvalidOperationException("disk on fire");

        public Task<AssessmentRecord?> FindAsync(int id, Actor actor, CancellationToken cancellationToken = default) => throw new InvalidOperationException("disk on fire");

        public Task<SaveResult> SaveAnswersAsync(int id, long expectedVersion, IReadOnlyList<AnswerEdit> edits, Actor actor, CancellationToken cancellationToken = default) => throw new InvalidOperationException("disk on fire");

        public Task<SaveStatus> CommentAsync(int id, string text, Actor actor, CancellationToken cancellationToken = default) => throw new InvalidOperationException("disk on fire");

        public Task<SaveStatus> GrantAsync(int id, string userId, string userName, Actor actor, CancellationToken cancellationToken = default) => throw new InvalidOperationException("disk on fire");
    }
}
