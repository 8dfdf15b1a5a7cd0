using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardGen.Examples.AssessmentWeb;
using SafeguardGen.Examples.AssessmentWeb.Data;

namespace SafeguardGen.Web.Tests;

/// <summary>Saving, downloading and resuming answers; restarts; the history; accounts; and the pages' accessibility.</summary>
public sealed class StorageTests : IClassFixture<FlowTests.Fixture>
{
    private readonly WebAppFactory app;

    public StorageTests(FlowTests.Fixture fixture) => app = fixture.App;

    internal static async Task<Page> UploadAsync(Browser browser, string json, string caseReference = "")
    {
        var form = await browser.GetAsync("/Assessments/Resume");
        var token = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(caseReference), "CaseReference" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Add(file, "AnswersFile", "answers.json");
        return await Browser.ParseAsync(await browser.Client.PostAsync("/Assessments/Resume", content));
    }

    [Fact]
    public async Task Downloaded_answers_resume_in_a_new_assessment_with_the_same_answers_and_decision()
    {
        using var browser = await app.SignedInAsync("resume@example.org", WebApp.AssessorRole);
        var sample = File.ReadAllText(Path.Combine(Examples.Requests, "extradition-persecution.json"));
        var first = await UploadAsync(browser, sample, "RESUME/1");
        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        var id = first.Location!.Split('/')[2];
        var download = await browser.Client.GetAsync("/Assessments/" + id + "/Download");
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("assessment-" + id + "-answers.json", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        var file = await download.Content.ReadAsStringAsync();

        var second = await UploadAsync(browser, file);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);
        var secondId = second.Location!.Split('/')[2];
        Assert.NotEqual(id, secondId);
        Assert.Equal(file, await browser.Client.GetStringAsync("/Assessments/" + secondId + "/Download"));
        var check = await browser.GetAsync("/Assessments/" + secondId + "/Check");
        Assert.Equal("Decision: " + Wording.Decision(Decision.MustRefuse), check.Document.QuerySelector("#decision-title")!.TextContent.Trim());
        Assert.Contains("RESUME/1", check.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"checklist\":\"budapest.extradition-review\",\"caseReference\":\"X\",\"answers\":{\"persecution\":{\"grounds\":[\"race\",\"martian\"]}}}", "$.answers.persecution.grounds[1]", "Expected one of the options")]
    [InlineData("{\"checklist\":\"budapest.extradition-review\",\"caseReference\":\"X\",\"answers\":{\"persecution\":{\"reasons\":true}}}", "$.answers.persecution.reasons", "has no question \"reasons\"")]
    [InlineData("{\"checklist\":\"budapest.extradition-review\",\"caseReference\":\"X\",\"answers\":{\"dual-criminality\":{\"requesting-max-years\":\"five\"}}}", "$.answers.dual-criminality.requesting-max-years", "Expected a number")]
    [InlineData("{\"checklist\":\"budapest.extradition-review\",\"caseReference\":\"X\",\"answers\":{\"persecutions\":{}}}", "$.answers.persecutions", "has no safeguard \"persecutions\"")]
    [InlineData("{\"checklist\":\"budapest.no-such-review\",\"answers\":{}}", "$.checklist", "No checklist \"budapest.no-such-review\"")]
    [InlineData("{\"answers\":{}}", "$.checklist", "Missing")]
    [InlineData("[1, 2]", "$", "Expected an object")]
    [InlineData("{\"checklist\": ", "$", "not valid JSON")]
    [InlineData("{\"checklist\":\"budapest.extradition-review\",\"caseReference\":\"X\",\"answers\":{},\"extra\":1}", "$.extra", "Unknown member")]
    public async Task An_answers_file_that_does_not_fit_its_checklist_is_refused_with_the_json_path_of_the_problem(string json, string path, string message)
    {
        using var browser = await app.SignedInAsync("upload-" + Guid.NewGuid().ToString("N")[..8] + "@example.org", WebApp.AssessorRole);
        var page = await UploadAsync(browser, json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        var problems = page.Document.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
        var problem = Assert.Single(problems, t => t.StartsWith(path + ": ", StringComparison.Ordinal));
        Assert.Contains(message, problem, StringComparison.Ordinal);
        Assert.Empty((await browser.GetAsync("/")).Document.QuerySelectorAll("table tbody tr"));
    }

    [Fact]
    public async Task A_restart_loses_nothing_that_was_saved()
    {
        var path = Path.Combine(Path.GetTempPath(), "safeguardgen-web-restart-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            string id;
            using (var before = new WebAppFactory(path))
            {
                using var browser = await before.SignedInAsync("restart@example.org", WebApp.AssessorRole);
                id = (await FlowTests.StartAsync(browser, "budapest.extradition-review", "RESTART/1")).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await browser.SubmitAsync("/Assessments/" + id + "/All", "main form", new() { ["q:persecution.grounds"] = new[] { "religion" } });
            }

            using var after = new WebAppFactory(path);
            using var again = after.Browser();
            Assert.Equal(HttpStatusCode.Redirect, (await again.SubmitAsync("/Account/SignIn", "main form", new() { ["Email"] = "restart@example.org", ["Password"] = WebAppFactory.Password })).Status);
            var record = await again.GetAsync("/Assessments/" + id + "/Record");
            Assert.Equal("RESTART/1", record.Document.QuerySelector(".case-reference")!.TextContent);
            Assert.Contains("Religion", record.Document.QuerySelector("table.history")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_a_row_of_the_history()
    {
        using var browser = await app.SignedInAsync("history@example.org", WebApp.AssessorRole);
        var id = await FlowTests.StartAsync(browser, "budapest.extradition-review");
        await browser.SubmitAsync("/Assessments/" + id + "/All", "main form", new() { ["q:persecution.grounds"] = new[] { "race" } });
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE AnswerChanges SET NewValue = '[\"religion\"]' WHERE AssessmentId = {0}", id));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AnswerChanges WHERE AssessmentId = {0}", id));
        var change = await db.AnswerChanges.FirstAsync(c => c.AssessmentId == id);
        change.NewValue = "[]";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Fact]
    public async Task An_administrator_creates_assessor_and_reviewer_accounts_that_can_sign_in()
    {
        using var admin = await app.SignedInAsync("admin@example.org", WebApp.AdministratorRole, WebApp.AssessorRole);
        var created = await admin.SubmitAsync("/Admin/Users", "main form", new() { ["Email"] = "new-reviewer@example.org", ["Role"] = WebApp.ReviewerRole, ["Password"] = "a long enough password" });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var list = await admin.GetAsync(created.Location!);
        Assert.Contains("new-reviewer@example.org", list.Text, StringComparison.Ordinal);
        var tooShort = await admin.SubmitAsync("/Admin/Users", "main form", new() { ["Email"] = "short@example.org", ["Role"] = WebApp.AssessorRole, ["Password"] = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.Status);
        Assert.Contains("at least 12 characters", tooShort.Text, StringComparison.Ordinal);
        using var reviewer = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync("/Account/SignIn", "main form", new() { ["Email"] = "new-reviewer@example.org", ["Password"] = "a long enough password" })).Status);
    }

    [Fact]
    public async Task Every_form_control_has_a_label_or_legend_and_every_error_link_points_at_a_field()
    {
        using var browser = await app.SignedInAsync("labels@example.org", WebApp.AssessorRole, WebApp.AdministratorRole);
        foreach (var checklist in Examples.Catalog.All)
        {
            var id = await FlowTests.StartAsync(browser, checklist.Id);
            foreach (var url in new[] { "/Assessments/" + id + "/All", "/Assessments/" + id + "/Questions", "/Assessments/" + id + "/Record", "/Assessments/Start", "/Assessments/Resume", "/Admin/Users" })
            {
                var page = await browser.GetAsync(url);
                foreach (var control in page.Document.QuerySelectorAll("input:not([type=hidden]), textarea, select"))
                {
                    var id2 = control.GetAttribute("id");
                    Assert.False(string.IsNullOrEmpty(id2), url + ": a control without an id");
                    Assert.True(page.Document.QuerySelector("label[for='" + id2 + "']") is not null, url + ": no label for " + id2);
                    if (control.GetAttribute("type") is "radio" or "checkbox")
                    {
                        Assert.NotNull(control.Closest("fieldset")?.QuerySelector("legend"));
                    }
                }

                Assert.Single(page.Document.QuerySelectorAll("h1"));
            }
        }

        var errors = await browser.SubmitAsync("/Assessments/Start", "main form", new());
        Assert.All(errors.Document.QuerySelectorAll(".error-summary a"), a => Assert.NotNull(errors.Document.GetElementById(a.GetAttribute("href")!.TrimStart('#'))));
    }
}
