using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using SafeguardGen.Testing;

namespace SafeguardGen.Benchmarks;

/// <summary>
/// The web assessment app under load, over HTTP, against the app running as its own process
/// (<see cref="AssessmentWebApp"/>): <c>web-load</c> (many assessors answering at once, then a check that no
/// answer was lost) and <c>web-db-size</c> (the SQLite file after many assessments).
/// </summary>
internal static partial class WebLoad
{
    public const string Checklist = "budapest.extradition-review";

    /// <summary>An assessor gives up after this many failed steps in a row, and never answers more than this many questions.</summary>
    private const int FailuresInARow = 3;

    private const int MaxQuestions = 200;

    private static readonly string[] People = ["a systems administrator", "a former bank employee", "a software developer", "a journalist", "a university student", "the director of a hosting company", "a security researcher", "a telecoms engineer", "a call-centre manager"];

    private static readonly string[] States = ["Portugal", "Estonia", "Japan", "Chile", "Canada", "Ghana", "Norway", "Sri Lanka", "Morocco", "Australia", "Georgia"];

    private static readonly string[] Offences = ["illegal access (Art. 2)", "illegal interception (Art. 3)", "data interference (Art. 4)", "system interference (Art. 5)", "misuse of devices (Art. 6)", "computer-related forgery (Art. 7)", "computer-related fraud (Art. 8)"];

    /// <summary>examples/AssessmentApp/requests/extradition-persecution.json: the answers the assessors give.</summary>
    private static string SamplePath => Path.Combine(TestProcess.RepositoryRoot, "examples", "AssessmentApp", "requests", "extradition-persecution.json");

    /// <summary>
    /// <c>web-load [assessors]</c>: the administrator creates the assessors' accounts; then every assessor at once
    /// signs in and starts an assessment, and once all have, they answer at once, each the question the Questions
    /// page asks until it sends them to Check. Each answer is timed from its POST to the next page's arrival. Then
    /// every assessment is downloaded and its record read: each answer acknowledged must be there with the value
    /// posted, and the history must hold one row per answer. Exit code 1 when a write was lost, a history row is
    /// missing or extra, an assessor could not finish, or any request failed.
    /// </summary>
    public static Task<int> RunAsync(int assessors, bool build, TextWriter log) => WithAppAsync(build, log, app => LoadAsync(app, assessors, log));

    /// <summary>
    /// <c>web-db-size [count]</c>: one assessor resumes <paramref name="count"/> answers files (the extradition
    /// sample with its own case reference and description each), 8 at a time; the app is stopped and the
    /// database's files measured.
    /// </summary>
    public static Task<int> DbSizeAsync(int count, bool build, TextWriter log) => WithAppAsync(build, log, app => ResumeManyAsync(app, count, log));

    /// <summary>Starts the app, runs the mode against it and stops it; a step that fails is reported and gives exit code 1.</summary>
    private static async Task<int> WithAppAsync(bool build, TextWriter log, Func<AssessmentWebApp, Task<int>> mode)
    {
        using var app = await AssessmentWebApp.StartAsync(build, log);
        log.WriteLine("app at " + app.Address + ", database " + app.Database);
        try
        {
            return await mode(app);
        }
        catch (WebLoadFailure failure)
        {
            log.WriteLine("failed: " + failure.Message);
            WriteFirstError(app, log);
            log.WriteLine("the app's last output:");
            log.WriteLine(app.Tail(20));
            return 1;
        }
    }

    private static async Task<int> LoadAsync(AssessmentWebApp app, int assessors, TextWriter log)
    {
        using var sample = JsonDocument.Parse(File.ReadAllBytes(SamplePath));
        var answers = sample.RootElement.GetProperty("answers");
        var everything = Stopwatch.StartNew();
        var team = new List<Assessor>();
        Assessor? warmUp = null;
        try
        {
            using var admin = new Browser(app.Address);
            Require(await admin.SignInAsync(AssessmentWebApp.AdminEmail, AssessmentWebApp.Password), "the administrator signs in");
            var accounts = Stopwatch.StartNew();
            for (var i = 0; i < assessors; i++)
            {
                Require(await admin.CreateAssessorAsync(Assessor.EmailOf(i), AssessmentWebApp.Password), "the administrator creates " + Assessor.EmailOf(i));
            }

            accounts.Stop();

            // The administrator, an assessor too, goes through one assessment first, untimed: the app's first
            // requests compile its pages and warm its database connections, which is not what is measured.
            warmUp = new Assessor(AssessmentWebApp.AdminEmail, assessors, app.Address);
            await warmUp.SignInAndStartAsync();
            await warmUp.AnswerAsync(answers);
            team.AddRange(Enumerable.Range(0, assessors).Select(i => new Assessor(Assessor.EmailOf(i), i, app.Address)));

            // Every assessor signs in and starts at once; the answering starts when the last one is ready, so the
            // answers are all in flight together rather than spread over the sign-ins (each a deliberate PBKDF2 hash).
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var arrived = 0;
            var setup = Stopwatch.StartNew();
            var answering = new Stopwatch();
            await Task.WhenAll(team.Select(async assessor =>
            {
                try
                {
                    await assessor.SignInAndStartAsync();
                }
                finally
                {
                    if (Interlocked.Increment(ref arrived) == assessors)
                    {
                        setup.Stop();
                        answering.Start();
                        go.SetResult();
                    }
                }

                await go.Task;
                await assessor.AnswerAsync(answers);
            }));
            answering.Stop();

            // Every write acknowledged must be in the answers file and in the record's history.
            var lost = 0;
            var historyMismatches = 0;
            var unexpected = 0;
            var problems = new List<string>();
            foreach (var assessor in team.Append(warmUp).Where(a => a.AssessmentId is not null))
            {
                var (lostHere, unexpectedHere, historyRows) = await assessor.VerifyAsync(problems);
                lost += lostHere;
                unexpected += unexpectedHere;
                historyMismatches += historyRows == assessor.Acknowledged ? 0 : 1;
            }

            var times = team.SelectMany(a => a.Times).Order().ToArray();
            var unfinished = team.Count(a => !a.Finished);
            var acknowledged = team.Sum(a => a.Acknowledged);
            var perAssessor = team.Select(a => a.Acknowledged).ToArray();
            var errors = admin.Errors + warmUp.Browser.Errors + team.Sum(a => a.Browser.Errors);
            log.WriteLine();
            log.WriteLine(Invariant($"web-load: {assessors} assessors at once, checklist {Checklist}, answers from {Path.GetFileName(SamplePath)} ({Environment.ProcessorCount} cores, app and load on the same machine)"));
            log.WriteLine(Invariant($"  accounts created by the administrator: {assessors} in {accounts.Elapsed.TotalSeconds:F1} s"));
            log.WriteLine(Invariant($"  warm-up, untimed, the administrator alone: answers acknowledged {warmUp.Acknowledged} ({string.Join(", ", warmUp.Asked)}), reached Check: {(warmUp.Finished ? "yes" : "NO")}"));
            log.WriteLine(Invariant($"  all {assessors} signed in and started an assessment, at once, in {setup.Elapsed.TotalSeconds:F1} s"));
            log.WriteLine(Invariant($"  answers acknowledged (redirected): {acknowledged} ({perAssessor.Min()}–{perAssessor.Max()} per assessor), of which timed (the next page arrived): {times.Length}"));
            if (times.Length > 0)
            {
                log.WriteLine(Invariant($"  per answer (POST + the redirect's page): median {Percentile(times, 0.50):F1} ms, p95 {Percentile(times, 0.95):F1} ms, max {times[^1]:F1} ms"));
            }

            log.WriteLine(Invariant($"  wall time of the answering: {answering.Elapsed.TotalSeconds:F2} s, {times.Length / answering.Elapsed.TotalSeconds:F1} answers/s; the whole run after start-up {everything.Elapsed.TotalSeconds:F1} s"));
            log.WriteLine(Invariant($"  lost writes: {lost}; history rows wrong for {historyMismatches} assessments; answers nobody posted: {unexpected}; assessors who did not reach Check: {unfinished}; questions asked again: {team.Sum(a => a.AskedAgain)}"));
            log.WriteLine(Invariant($"  HTTP errors: {errors}; errors the app logged: {app.ErrorsLogged}"));
            foreach (var problem in problems.Take(20))
            {
                log.WriteLine("  " + problem);
            }

            WriteFirstError(app, log);

            return lost == 0 && historyMismatches == 0 && unexpected == 0 && unfinished == 0 && errors == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var assessor in team.Append(warmUp).OfType<Assessor>())
            {
                assessor.Dispose();
            }
        }
    }

    private static async Task<int> ResumeManyAsync(AssessmentWebApp app, int count, TextWriter log)
    {
        const int Concurrency = 8;
        var template = JsonNode.Parse(File.ReadAllText(SamplePath))!.AsObject();
        var answered = template["answers"]!.AsObject().Sum(member => member.Value!.AsObject().Count);
        using var admin = new Browser(app.Address);
        using var assessor = new Browser(app.Address);
        Require(await admin.SignInAsync(AssessmentWebApp.AdminEmail, AssessmentWebApp.Password), "the administrator signs in");
        Require(await admin.CreateAssessorAsync("assessor@load.example", AssessmentWebApp.Password), "the administrator creates an assessor");
        Require(await assessor.SignInAsync("assessor@load.example", AssessmentWebApp.Password), "the assessor signs in");

        // One token serves every post: it is bound to the user and the antiforgery cookie, not to one request.
        var token = await assessor.FormTokenAsync("/Assessments/Resume");
        Require(token is not null, "the Resume page gives a form");

        var ids = new ConcurrentDictionary<int, int>();
        var times = new ConcurrentBag<double>();
        var refused = 0;
        var resuming = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(token!), Html.TokenField);
            form.Add(new StringContent(string.Empty), "CaseReference");
            var file = new ByteArrayContent(AnswersFile(template, i));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(file, "AnswersFile", "assessment-" + i.ToString(CultureInfo.InvariantCulture) + "-answers.json");
            var timer = Stopwatch.StartNew();
            var response = await assessor.PostAsync("/Assessments/Resume", form);
            timer.Stop();
            if (response is { Status: HttpStatusCode.Found, Location: { } location } && QuestionsPath().Match(location) is { Success: true } match)
            {
                ids.TryAdd(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), i);
                times.Add(timer.Elapsed.TotalMilliseconds);
            }
            else
            {
                Interlocked.Increment(ref refused);
            }
        });
        resuming.Stop();

        // Twenty of the assessments, spread over the run, must give back the file they were made from.
        var spotChecked = ids.OrderBy(p => p.Key).Where((_, n) => n % Math.Max(1, ids.Count / 20) == 0).Take(20).ToList();
        var different = 0;
        foreach (var (id, index) in spotChecked)
        {
            var download = await assessor.GetAsync("/Assessments/" + id.ToString(CultureInfo.InvariantCulture) + "/Download");
            different += download is { Status: HttpStatusCode.OK } && JsonNode.DeepEquals(JsonNode.Parse(download.Body), JsonNode.Parse(AnswersFile(template, index))) ? 0 : 1;
        }

        var running = DatabaseFiles.Of(app.Database);
        app.Stop();
        var stopped = DatabaseFiles.Of(app.Database);
        var sorted = times.Order().ToArray();
        log.WriteLine();
        log.WriteLine(Invariant($"web-db-size: {count} answers files resumed, {Concurrency} at a time, checklist {Checklist}, {answered} answers each ({Environment.ProcessorCount} cores)"));
        log.WriteLine(Invariant($"  created: {ids.Count} assessments (distinct ids), refused or failed: {refused}, HTTP errors: {admin.Errors + assessor.Errors}, errors the app logged: {app.ErrorsLogged}"));
        log.WriteLine(Invariant($"  downloaded again and compared with the file sent: {spotChecked.Count}, different: {different}"));
        log.WriteLine(Invariant($"  in {resuming.Elapsed.TotalSeconds:F1} s: {ids.Count / resuming.Elapsed.TotalSeconds:F1} assessments/s; per upload median {Percentile(sorted, 0.50):F1} ms, p95 {Percentile(sorted, 0.95):F1} ms, max {(sorted.Length > 0 ? sorted[^1] : 0):F1} ms"));
        log.WriteLine(Invariant($"  database after migrations and the administrator: {Describe(app.AfterCreateAdmin)}"));
        log.WriteLine(Invariant($"  database while the app still ran: {Describe(running)}"));
        log.WriteLine(Invariant($"  database after the app exited: {Describe(stopped)}"));
        log.WriteLine(Invariant($"  bytes per assessment: {(double)stopped.Total / Math.Max(1, ids.Count):F0} (whole files), {(double)(stopped.Total - app.AfterCreateAdmin.Total) / Math.Max(1, ids.Count):F0} (growth over the empty database)"));
        WriteFirstError(app, log);
        return ids.Count == count && refused == 0 && different == 0 && admin.Errors + assessor.Errors == 0 ? 0 : 1;
    }

    private static void WriteFirstError(AssessmentWebApp app, TextWriter log)
    {
        if (app.FirstError.Count > 0)
        {
            log.WriteLine("  the app's first error:");
            foreach (var line in app.FirstError)
            {
                log.WriteLine("    " + line);
            }
        }
    }

    /// <summary>The sample with a case reference and a description of its own, as an exported answers file.</summary>
    private static byte[] AnswersFile(JsonObject template, int index)
    {
        var file = template.DeepClone().AsObject();
        var received = new DateOnly(2025, 1, 6).AddDays(index * 37 % 700);
        file["caseReference"] = Invariant($"EXT/{received.Year}/{index + 1:D5}");

        // About 100 characters, each different, like a caseworker's one-line summary.
        file["description"] = Invariant($"Extradition of {People[index % People.Length]} sought by {States[index / 3 % States.Length]} for {Offences[index / 7 % Offences.Length]}; warrant of {received:yyyy-MM-dd}.");
        return Encoding.UTF8.GetBytes(file.ToJsonString());
    }

    private static string Describe(DatabaseFiles files) =>
        Invariant($"{files.Total:N0} bytes ({files.Total / 1048576.0:F1} MiB): database {files.Database:N0}, -wal {files.Wal:N0}, -shm {files.Shm:N0}");

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new WebLoadFailure(what);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A step the mode cannot go on without failed; reported with the app's first error, and the mode exits with 1.</summary>
    private sealed class WebLoadFailure : Exception
    {
        public WebLoadFailure()
        {
        }

        public WebLoadFailure(string message)
            : base(message)
        {
        }

        public WebLoadFailure(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }

    [GeneratedRegex("^/Assessments/([0-9]+)/Questions$", RegexOptions.CultureInvariant)]
    internal static partial Regex QuestionsPath();

    /// <summary>One simulated caseworker with its own browser, its assessment, and every answer the app acknowledged.</summary>
    private sealed class Assessor(string email, int index, Uri address) : IDisposable
    {
        private string page = string.Empty;

        public Browser Browser { get; } = new(address);

        public int? AssessmentId { get; private set; }

        public bool Finished { get; private set; }

        /// <summary>The questions in the order asked.</summary>
        public List<string> Asked { get; } = [];

        /// <summary>Each answer the app acknowledged (a redirect after the POST): the question and the JSON it must keep.</summary>
        public Dictionary<string, string> Posted { get; } = new(StringComparer.Ordinal);

        public int Acknowledged { get; private set; }

        public int AskedAgain { get; private set; }

        /// <summary>Milliseconds per answer: the POST and the GET of the page it redirected to.</summary>
        public List<double> Times { get; } = [];

        private string QuestionsUrl => "/Assessments/" + AssessmentId!.Value.ToString(CultureInfo.InvariantCulture) + "/Questions";

        public string Email => email;

        public static string EmailOf(int index) => "assessor" + (index + 1).ToString(CultureInfo.InvariantCulture) + "@load.example";

        public async Task SignInAndStartAsync()
        {
            if (!await Browser.SignInAsync(email, AssessmentWebApp.Password))
            {
                return;
            }

            var token = await Browser.FormTokenAsync("/Assessments/Start");
            if (token is null)
            {
                return;
            }

            var started = await Browser.PostFormAsync("/Assessments/Start", token, [
                new("ChecklistId", Checklist),
                new("CaseReference", Invariant($"EXT/2026/{index + 1:D5}")),
                new("Description", Invariant($"Extradition of {People[index % People.Length]} sought by {States[index % States.Length]} for {Offences[index % Offences.Length]}.")),
            ]);
            if (started is { Status: HttpStatusCode.Found, Location: { } location } && QuestionsPath().Match(location) is { Success: true } match)
            {
                AssessmentId = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                await OpenQuestionsAsync();
            }
        }

        /// <summary>Answers the question the page asks until the app sends the assessor to Check.</summary>
        public async Task AnswerAsync(JsonElement sample)
        {
            var failures = 0;
            while (AssessmentId is not null && !Finished && failures < FailuresInARow && Asked.Count < MaxQuestions)
            {
                if (QuestionForm.Parse(page) is not { } form)
                {
                    failures++;
                    await OpenQuestionsAsync();
                    continue;
                }

                var (fields, expected) = form.Answer(Sample(sample, form.QuestionId));
                fields.Add(new("question", form.QuestionId));
                fields.Add(new("version", form.Version));
                Asked.Add(form.QuestionId);
                var timer = Stopwatch.StartNew();
                var posted = await Browser.PostFormAsync(QuestionsUrl, form.Token, fields);
                if (posted is not { Status: HttpStatusCode.Found, Location: { } next })
                {
                    failures++;
                    await OpenQuestionsAsync();
                    continue;
                }

                // Acknowledged: from here the app owes us this answer, whatever happens to the next page.
                Acknowledged++;
                if (!Posted.TryAdd(form.QuestionId, expected))
                {
                    AskedAgain++;
                    Posted[form.QuestionId] = expected;
                }

                // The app sends the assessor back to Questions, which sends on to Check once nothing is needed.
                var (arrived, at) = await FollowAsync(next);
                timer.Stop();
                if (arrived is not { Status: HttpStatusCode.OK })
                {
                    failures++;
                    await OpenQuestionsAsync();
                    continue;
                }

                failures = 0;
                Times.Add(timer.Elapsed.TotalMilliseconds);
                page = arrived.Body;
                Finished = at.EndsWith("/Check", StringComparison.Ordinal);
            }
        }

        /// <summary>Compares the downloaded answers and the record's history with what was acknowledged: the answers lost (missing or different), those nobody posted, and the history's rows (-1 when unreadable).</summary>
        public async Task<(int Lost, int Unexpected, int HistoryRows)> VerifyAsync(List<string> problems)
        {
            var prefix = "/Assessments/" + AssessmentId!.Value.ToString(CultureInfo.InvariantCulture);
            var download = await Browser.GetAsync(prefix + "/Download");
            var lost = Posted.Count;
            var unexpected = 0;
            if (download is { Status: HttpStatusCode.OK })
            {
                using var file = JsonDocument.Parse(download.Body);
                var kept = file.RootElement.GetProperty("answers");
                lost = 0;
                foreach (var (question, expected) in Posted)
                {
                    using var wanted = JsonDocument.Parse(expected);
                    if (Sample(kept, question) is not { } actual || !JsonElement.DeepEquals(actual, wanted.RootElement))
                    {
                        lost++;
                        problems.Add(Invariant($"{email}: {question} posted {expected}, kept {(Sample(kept, question) is { } value ? value.GetRawText() : "nothing")}"));
                    }
                }

                // Every answer kept that is not one of ours came from elsewhere (another assessor's write in the wrong assessment).
                unexpected = kept.EnumerateObject().Sum(member => member.Value.EnumerateObject().Count()) - (Posted.Count - Missing(kept));
            }
            else
            {
                problems.Add(email + ": the answers could not be downloaded");
            }

            var record = await Browser.GetAsync(prefix + "/Record");
            var rows = record is { Status: HttpStatusCode.OK } ? Html.HistoryRows(record.Body) : -1;
            if (rows != Acknowledged)
            {
                problems.Add(Invariant($"{email}: {Acknowledged} answers acknowledged, {rows} rows in the record's history"));
            }

            return (lost, unexpected, rows);
        }

        public void Dispose() => Browser.Dispose();

        /// <summary>The answer in an answers document for a question ID <c>member.name</c>, if there is one.</summary>
        private static JsonElement? Sample(JsonElement answers, string questionId)
        {
            var dot = questionId.LastIndexOf('.');
            return answers.TryGetProperty(questionId[..Math.Max(dot, 0)], out var member) && member.ValueKind == JsonValueKind.Object && member.TryGetProperty(questionId[(dot + 1)..], out var value) ? value : null;
        }

        /// <summary>How many acknowledged answers the document does not hold at all.</summary>
        private int Missing(JsonElement kept) => Posted.Keys.Count(question => Sample(kept, question) is null);

        /// <summary>Opens a page, following redirects (a few at most): the last response and its path.</summary>
        private async Task<(Response? Response, string Path)> FollowAsync(string path)
        {
            for (var hops = 0; hops < 5; hops++)
            {
                var response = await Browser.GetAsync(path);
                if (response is not { Status: HttpStatusCode.Found, Location: { } next })
                {
                    return (response, path);
                }

                path = next;
            }

            return (null, path);
        }

        private async Task OpenQuestionsAsync()
        {
            // A page that cannot be read again must not be answered again: its version is stale.
            page = string.Empty;
            var (opened, at) = await FollowAsync(QuestionsUrl);
            if (opened is { Status: HttpStatusCode.OK })
            {
                page = opened.Body;
                Finished = at.EndsWith("/Check", StringComparison.Ordinal);
            }
        }
    }
}
