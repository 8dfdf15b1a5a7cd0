using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using SafeguardGen.Examples.AssessmentWeb;

namespace SafeguardGen.Web.Tests;

/// <summary>Assessing through the pages: starting, the questions still needed, all questions, check answers, the decision.</summary>
public sealed class FlowTests : IClassFixture<FlowTests.Fixture>
{
    private readonly Fixture fixture;

    public FlowTests(Fixture fixture) => this.fixture = fixture;

    public sealed class Fixture : IDisposable
    {
        public WebAppFactory App { get; } = new();

        public void Dispose()
        {
            App.Dispose();
            File.Delete(App.DatabasePath);
        }
    }

    internal static async Task<int> StartAsync(Browser browser, string checklist, string caseReference = "EXT/2026/0001", string description = "A request")
    {
        var started = await browser.SubmitAsync("/Assessments/Start", "main form", new() { ["ChecklistId"] = checklist, ["CaseReference"] = caseReference, ["Description"] = description });
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var location = started.Location!;
        Assert.Matches("^/Assessments/[0-9]+/Questions$", location);
        return int.Parse(location.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Every_scenario_answered_on_the_all_questions_page_shows_the_decision_the_scenario_pins()
    {
        using var browser = await fixture.App.SignedInAsync("scenarios@example.org", WebApp.AssessorRole);
        var reached = new Dictionary<string, HashSet<Decision>>();
        Assert.True(Examples.Scenarios.Count >= 20, Examples.Scenarios.Count + " scenarios");
        Assert.True(Examples.Scenarios.Count(s => s.Answers.Count > 0) >= 20);
        foreach (var scenario in Examples.Scenarios)
        {
            var checklist = Examples.Catalog.Find(scenario.Checklist)!;
            var id = await StartAsync(browser, checklist.Id, scenario.Id);
            var fields = new Dictionary<string, object?>();
            foreach (var given in scenario.Answers)
            {
                var question = checklist.Rules.Questions[checklist.Rules.QuestionPositions[given.Question]];
                if (!given.Value.IsAnswered)
                {
                    // A scenario may say a question stays unanswered: on the page, "Not answered yet".
                    continue;
                }

                foreach (var (name, value) in Examples.FormFields(question, given.Value))
                {
                    fields[name] = value;
                }
            }

            var saved = await browser.SubmitAsync("/Assessments/" + id + "/All", "main form", fields);
            Assert.True(saved.Status == HttpStatusCode.Redirect, scenario.Id + ": " + saved.Words);
            Assert.Equal("/Assessments/" + id + "/Check", saved.Location);
            var check = await browser.GetAsync("/Assessments/" + id + "/Check");
            var answers = new AnswerValue[checklist.Rules.Questions.Count];
            foreach (var given in scenario.Answers)
            {
                answers[checklist.Rules.QuestionPositions[given.Question]] = given.Value;
            }

            var expected = scenario.Decision ?? Evaluator.Validate(checklist.Rules, answers).Decision;
            Assert.True("Decision: " + Wording.Decision(expected) == check.Document.QuerySelector("#decision-title")!.TextContent.Trim(), scenario.Id + ": " + check.Words);
            reached.TryAdd(checklist.Id, new HashSet<Decision>());
            reached[checklist.Id].Add(expected);
        }

        // Every checklist with scenarios reaches, through the pages, more than one decision.
        Assert.All(reached, r => Assert.True(r.Value.Count > 1, r.Key + " reached only " + string.Join(", ", r.Value)));
    }

    [Fact]
    public async Task Each_sample_request_answered_one_question_at_a_time_reaches_the_decision_of_its_full_answers_asking_fewer_questions()
    {
        using var browser = await fixture.App.SignedInAsync("samples@example.org", WebApp.AssessorRole);
        foreach (var path in Directory.GetFiles(Examples.Requests, "*.json").Order(StringComparer.Ordinal))
        {
            using var request = JsonDocument.Parse(File.ReadAllText(path));
            var checklist = Examples.Catalog.Find(request.RootElement.GetProperty("checklist").GetString())!;
            var answersJson = request.RootElement.GetProperty("answers").GetRawText();
            var full = checklist.ValidateJson(answersJson);
            var id = await StartAsync(browser, checklist.Id, Path.GetFileNameWithoutExtension(path));
            var asked = await AnswerWhatIsAskedAsync(browser, id, checklist, request.RootElement.GetProperty("answers"));
            var check = await browser.GetAsync("/Assessments/" + id + "/Check");
            Assert.Equal("Decision: " + Wording.Decision(full.Decision), check.Document.QuerySelector("#decision-title")!.TextContent.Trim());
            Assert.True(asked.Count < checklist.Rules.Questions.Count, Path.GetFileName(path) + " asked every question: " + string.Join(", ", asked));
        }
    }

    /// <summary>Answers each question the questions page asks from the sample, until it has none left or asks one the sample lacks.</summary>
    internal static async Task<List<string>> AnswerWhatIsAskedAsync(Browser browser, int id, IChecklist checklist, JsonElement answers)
    {
        var asked = new List<string>();
        var page = await browser.GetAsync("/Assessments/" + id + "/Questions");
        while (page.Status == HttpStatusCode.OK)
        {
            var questionId = page.Document.QuerySelector("input[name=question]")!.GetAttribute("value")!;
            var question = checklist.Rules.Questions[checklist.Rules.QuestionPositions[questionId]];
            var (member, name) = (questionId[..questionId.LastIndexOf('.')], questionId[(questionId.LastIndexOf('.') + 1)..]);
            if (!answers.TryGetProperty(member, out var group) || !group.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                break;
            }

            // The page asks what the evaluator says settles most, and nothing already answered.
            Assert.DoesNotContain(questionId, asked);
            asked.Add(questionId);
            var answerValue = AnswerOf(question, value);
            var posted = await browser.SubmitAsync(page, "main form", Examples.FormFields(question, answerValue), "/Assessments/" + id + "/Questions");
            Assert.True(posted.Status == HttpStatusCode.Redirect, questionId + ": " + posted.Words);
            page = await browser.GetAsync(posted.Location!);
        }

        return asked;
    }

    internal static AnswerValue AnswerOf(QuestionInfo question, JsonElement value)
    {
        AnswerValue One(JsonElement v) => question.Type switch
        {
            AnswerType.YesNo => AnswerValue.YesNo(v.GetBoolean()),
            AnswerType.Choice => AnswerValue.Choice(question.Options.Select(o => o.Id).ToList().IndexOf(v.GetString()!)),
            AnswerType.Number => AnswerValue.Number(v.GetDecimal()),
            AnswerType.Date => AnswerValue.Date(DateOnly.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
            _ => AnswerValue.Text(v.GetString()!),
        };

        return question.IsList ? AnswerValue.List(value.EnumerateArray().Select(One).ToArray()) : One(value);
    }

    [Fact]
    public async Task The_questions_page_asks_first_the_question_the_checklist_says_settles_most()
    {
        using var browser = await fixture.App.SignedInAsync("order@example.org", WebApp.AssessorRole);
        foreach (var checklist in Examples.Catalog.All)
        {
            var id = await StartAsync(browser, checklist.Id);
            var page = await browser.GetAsync("/Assessments/" + id + "/Questions");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var expected = checklist.ValidateJson("{}").StillNeeded[0];
            Assert.Equal(expected.Id, page.Document.QuerySelector("input[name=question]")!.GetAttribute("value"));
            Assert.Equal(expected.Ask.Text, page.Document.QuerySelector("h1")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task A_missing_answer_is_shown_in_an_error_summary_linked_to_its_field_and_nothing_is_saved()
    {
        using var browser = await fixture.App.SignedInAsync("errors@example.org", WebApp.AssessorRole);
        var id = await StartAsync(browser, "budapest.extradition-review");
        var page = await browser.SubmitAsync("/Assessments/" + id + "/Questions", "main form", new());
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var link = page.Document.QuerySelector(".error-summary a")!;
        var target = link.GetAttribute("href")!.TrimStart('#');
        Assert.NotNull(page.Document.GetElementById(target));
        Assert.StartsWith("Error: ", page.Document.Title, StringComparison.Ordinal);
        var record = await browser.GetAsync("/Assessments/" + id + "/Record");
        Assert.Contains("No answer has been given yet.", record.Words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_that_is_not_a_number_is_refused_and_what_was_typed_is_shown_again()
    {
        using var browser = await fixture.App.SignedInAsync("numbers@example.org", WebApp.AssessorRole);
        var id = await StartAsync(browser, "budapest.extradition-review");
        var page = await browser.SubmitAsync("/Assessments/" + id + "/All", "main form", new() { ["q:dual-criminality.requesting-max-years"] = "five" });
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Enter a number, like 5 or 2.5", page.Words, StringComparison.Ordinal);
        Assert.Equal("five", page.Document.QuerySelector("input[name='q:dual-criminality.requesting-max-years']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_check_answers_page_lists_every_question_with_a_change_link_and_a_change_returns_there_and_is_kept_in_the_history()
    {
        using var browser = await fixture.App.SignedInAsync("change@example.org", WebApp.AssessorRole);
        var checklist = Examples.Catalog.Find("budapest.extradition-review")!;
        var uploaded = await StorageTests.UploadAsync(browser, File.ReadAllText(Path.Combine(Examples.Requests, "extradition-persecution.json")), "CHANGE/1");
        var id = uploaded.Location!.Split('/')[2];
        var check = await browser.GetAsync("/Assessments/" + id + "/Check");
        Assert.Equal("Decision: " + Wording.Decision(Decision.MustRefuse), check.Document.QuerySelector("#decision-title")!.TextContent.Trim());
        Assert.Contains("The ground applies", check.Words, StringComparison.Ordinal);
        var links = check.Document.QuerySelectorAll(".summary-row .actions a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(checklist.Rules.Questions.Count, links.Count);
        var change = links.Single(l => l.EndsWith("question=persecution.grounds", StringComparison.Ordinal));

        var changed = await browser.SubmitAsync(change, "main form", new() { ["q:persecution.grounds"] = null, ["q:persecution.grounds:none"] = "none" });
        Assert.Equal("/Assessments/" + id + "/Check", changed.Location);
        check = await browser.GetAsync(changed.Location!);
        Assert.NotEqual("Decision: " + Wording.Decision(Decision.MustRefuse), check.Document.QuerySelector("#decision-title")!.TextContent.Trim());

        var record = await browser.GetAsync("/Assessments/" + id + "/Record");
        var rows = record.Document.QuerySelectorAll("table.history tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Skip(2).Select(c => Page.Collapse(c.TextContent)))).ToList();
        Assert.Contains(rows, r => r.EndsWith("Not answered | Political opinion", StringComparison.Ordinal));
        Assert.EndsWith("Political opinion | None of these", rows[^1], StringComparison.Ordinal);
        Assert.Equal(JsonDocument.Parse(File.ReadAllText(Path.Combine(Examples.Requests, "extradition-persecution.json"))).RootElement.GetProperty("answers").EnumerateObject().Sum(m => m.Value.EnumerateObject().Count()) + 1, rows.Count);
    }

    [Fact]
    public async Task The_record_holds_the_case_reference_the_decision_and_every_question_of_the_checklist()
    {
        using var browser = await fixture.App.SignedInAsync("record@example.org", WebApp.AssessorRole);
        foreach (var checklist in Examples.Catalog.All)
        {
            var id = await StartAsync(browser, checklist.Id, "REC/" + checklist.Id);
            var record = await browser.GetAsync("/Assessments/" + id + "/Record");
            Assert.Equal(HttpStatusCode.OK, record.Status);
            Assert.Equal("REC/" + checklist.Id, record.Document.QuerySelector(".case-reference")!.TextContent);
            Assert.Contains("Decision: " + Wording.Decision(checklist.ValidateJson("{}").Decision), record.Words, StringComparison.Ordinal);
            var shown = record.Document.QuerySelectorAll(".summary-row dt").Select(d => d.TextContent.Trim()).ToList();
            Assert.Equal(checklist.Rules.Questions.Select(q => q.Ask.Text), shown);
        }
    }

    [Fact]
    public async Task The_language_switch_shows_the_decision_in_French_and_marks_texts_without_a_French_translation()
    {
        using var browser = await fixture.App.SignedInAsync("langue@example.org", WebApp.AssessorRole);
        var id = await StartAsync(browser, "budapest.extradition-review");
        var check = await browser.GetAsync("/Assessments/" + id + "/Check?lang=fr");
        var title = check.Document.QuerySelector("#decision-title span")!;
        Assert.Equal("fr", title.GetAttribute("lang"));
        Assert.Equal(Wording.Decision(Decision.Incomplete, "fr"), title.TextContent);
        Assert.Contains("Peine de mort lorsque l'État requis l'a abolie", check.Text, StringComparison.Ordinal);
        Assert.Contains("(not translated into Français)", check.Text, StringComparison.Ordinal);

        // The choice is remembered on the next page, and Arabic is written right to left.
        var record = await browser.GetAsync("/Assessments/" + id + "/Record");
        Assert.Equal("fr", record.Document.QuerySelector("#decision-title span")!.GetAttribute("lang"));
        var arabic = await browser.GetAsync("/Assessments/" + id + "/Record?lang=ar");
        Assert.Equal("rtl", arabic.Document.QuerySelector("#decision-title span")!.GetAttribute("dir"));
    }
}
