using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using SafeguardGen.Testing;

namespace SafeguardGen.Benchmarks;

/// <summary>
/// examples/AssessmentWeb as an operator runs it, in a child process: built in Release, an administrator made with
/// <c>create-admin</c>, then served on a free loopback port over a fresh SQLite database in a temporary folder,
/// with the per-address sign-in limit lifted (every simulated user signs in from 127.0.0.1). Disposing stops the
/// app and deletes the folder, whatever happened before; so does this process's own exit.
/// </summary>
internal sealed class AssessmentWebApp : IDisposable
{
    /// <summary>The administrator made by <c>create-admin</c>.</summary>
    public const string AdminEmail = "admin@load.example";

    /// <summary>Every account's password (the app asks for at least 12 characters).</summary>
    public const string Password = "load-test-password";

    private const int OutputLinesKept = 200;

    /// <summary>Lines kept of the first error the app logs: the level and category, the request, the exception's message.</summary>
    private const int FirstErrorLines = 4;

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly EventHandler stopOnExit;
    private readonly PosixSignalRegistration[] stopOnSignal;
    private readonly List<string> firstError = [];
    private int errorsLogged;

    private AssessmentWebApp(Process process, string folder, int port, DatabaseFiles afterCreateAdmin)
    {
        this.process = process;
        Folder = folder;
        Address = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture));
        AfterCreateAdmin = afterCreateAdmin;

        // A benchmark stopped by Ctrl+C or SIGTERM must not leave the app running on its port, nor its database.
        // The signals are handled as well as the exit: the runtime does not raise ProcessExit for every signal.
        stopOnExit = (_, _) => Abandon();
        AppDomain.CurrentDomain.ProcessExit += stopOnExit;
        stopOnSignal = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP }.Select(signal => PosixSignalRegistration.Create(signal, _ => Abandon()))];
    }

    public Uri Address { get; }

    /// <summary>The temporary folder holding the database.</summary>
    public string Folder { get; }

    public string Database => Path.Combine(Folder, "assessments.db");

    /// <summary>The database's files once migrated and holding the administrator, before the app served anything.</summary>
    public DatabaseFiles AfterCreateAdmin { get; }

    /// <summary>Lines the app logged at the error level or above (<c>fail:</c>, <c>crit:</c>).</summary>
    public int ErrorsLogged => Volatile.Read(ref errorsLogged);

    /// <summary>The start of the first error the app logged, or empty.</summary>
    public IReadOnlyList<string> FirstError
    {
        get
        {
            lock (firstError)
            {
                return firstError.ToList();
            }
        }
    }

    /// <summary>The app's last lines of output (at most 200), for a failure's message.</summary>
    public string Tail(int lines) => string.Join(Environment.NewLine, output.TakeLast(lines));

    /// <summary>Builds the app (unless <paramref name="build"/> is false), creates the administrator and starts serving; returns once the sign-in page answers.</summary>
    public static async Task<AssessmentWebApp> StartAsync(bool build, TextWriter log)
    {
        var root = TestProcess.RepositoryRoot;
        var project = Path.Combine(root, "examples", "AssessmentWeb");
        var dll = Path.Combine(project, "bin", "Release", "net10.0", "AssessmentWeb.dll");
        if (build)
        {
            log.WriteLine("dotnet build -c Release examples/AssessmentWeb ...");
            var (exit, text) = TestProcess.Dotnet(root, "build", "-c", "Release", "examples/AssessmentWeb");
            if (exit != 0)
            {
                throw new InvalidOperationException("dotnet build -c Release examples/AssessmentWeb failed:" + Environment.NewLine + text);
            }
        }

        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Run dotnet build -c Release examples/AssessmentWeb first, or leave out --no-build.", dll);
        }

        var folder = Directory.CreateTempSubdirectory("safeguard-web-load-").FullName;
        AssessmentWebApp? app = null;
        try
        {
            var database = Path.Combine(folder, "assessments.db");
            CreateAdmin(project, dll, database);
            var afterCreateAdmin = DatabaseFiles.Of(database);
            var port = FreePort();
            var start = StartInfo(project, dll, database, "--urls", "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture));
            app = new AssessmentWebApp(Process.Start(start) ?? throw new InvalidOperationException("Could not start " + dll), folder, port, afterCreateAdmin);
            app.process.OutputDataReceived += (_, e) => app.Keep(e.Data);
            app.process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
            app.process.BeginOutputReadLine();
            app.process.BeginErrorReadLine();
            await app.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
            return app;
        }
        catch
        {
            if (app is null)
            {
                DeleteFolder(folder);
            }
            else
            {
                app.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Stops the app as Ctrl+C would (SIGTERM): the host shuts down, the database's connections close and SQLite
    /// folds its write-ahead log back into the database file. Killed if it has not exited after 30 seconds.
    /// </summary>
    public void Stop()
    {
        if (process.HasExited)
        {
            return;
        }

        if (!OperatingSystem.IsWindows())
        {
            var signal = new ProcessStartInfo("kill") { UseShellExecute = false };
            signal.ArgumentList.Add("-TERM");
            signal.ArgumentList.Add(process.Id.ToString(CultureInfo.InvariantCulture));
            using var kill = Process.Start(signal);
            kill?.WaitForExit();
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            Kill();
        }

        // Let the asynchronous readers take the last lines.
        process.WaitForExit();
    }

    public void Dispose()
    {
        try
        {
            Stop();
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= stopOnExit;
            foreach (var registration in stopOnSignal)
            {
                registration.Dispose();
            }

            process.Dispose();
            DeleteFolder(Folder);
        }
    }

    /// <summary>This process is ending before the mode did: the app is killed and its folder deleted.</summary>
    private void Abandon()
    {
        Kill();
        DeleteFolder(Folder);
    }

    private void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Exited, or never started, in the meantime.
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        var error = line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal);
        if (error)
        {
            Interlocked.Increment(ref errorsLogged);
        }

        lock (firstError)
        {
            if ((error && firstError.Count == 0) || firstError.Count is > 0 and < FirstErrorLines)
            {
                firstError.Add(line.Trim());
            }
        }

        output.Enqueue(line);
        while (output.Count > OutputLinesKept && output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilServingAsync(TimeSpan limit)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The app exited with " + process.ExitCode.ToString(CultureInfo.InvariantCulture) + " before serving:" + Environment.NewLine + Tail(OutputLinesKept));
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The app did not serve its sign-in page within " + limit.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s:" + Environment.NewLine + Tail(OutputLinesKept));
    }

    /// <summary><c>create-admin &lt;email&gt; --password-stdin</c>, the password written to its standard input.</summary>
    private static void CreateAdmin(string project, string dll, string database)
    {
        var start = StartInfo(project, dll, database, "create-admin", AdminEmail, "--password-stdin");
        start.RedirectStandardInput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + dll);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.WriteLine(Password);
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("create-admin failed (" + process.ExitCode.ToString(CultureInfo.InvariantCulture) + "):" + Environment.NewLine + stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
        }
    }

    /// <summary>
    /// The app from its project folder, as <c>dotnet run</c> starts it, so its appsettings.json (log levels) and
    /// wwwroot apply; the database, the sign-in limit and the home folder are given in the environment.
    /// </summary>
    private static ProcessStartInfo StartInfo(string project, string dll, string database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Assessments"] = "Data Source=" + database;
        start.Environment["SignIn__AttemptsPerMinute"] = "100000";

        // The data-protection keys that sign the cookies go to the user's profile (~/.aspnet); a run keeps its own
        // in the temporary folder, so it neither depends on nor adds to the keys of an app the user runs.
        start.Environment["HOME"] = Path.GetDirectoryName(database);
        return start;
    }

    /// <summary>A loopback port nothing listens on now (another program could take it before the app does; then the start fails and says so).</summary>
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException error)
        {
            Console.Error.WriteLine("Could not delete " + folder + ": " + error.Message);
        }
        catch (UnauthorizedAccessException error)
        {
            Console.Error.WriteLine("Could not delete " + folder + ": " + error.Message);
        }
    }
}

/// <summary>The sizes of a SQLite database's files: the database, its write-ahead log and the log's index (0 when absent).</summary>
internal sealed record DatabaseFiles(long Database, long Wal, long Shm)
{
    public long Total => Database + Wal + Shm;

    public static DatabaseFiles Of(string database) => new(Size(database), Size(database + "-wal"), Size(database + "-shm"));

    private static long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}

/// <summary>
/// One simulated user: its own cookies (the sign-in and antiforgery cookies) and its own connection. Redirects are
/// not followed automatically, so each step checks where the app sent it and times exactly what it follows.
/// </summary>
internal sealed class Browser : IDisposable
{
    private readonly HttpClient client;
    private int errors;

    public Browser(Uri address)
    {
        // The handler is disposed with the client.
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        client = new HttpClient(handler, disposeHandler: true) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>Requests that failed: a status of 400 or more, no answer, or a time-out.</summary>
    public int Errors => Volatile.Read(ref errors);

    /// <summary>A request that got no answer gives null (counted in <see cref="Errors"/>).</summary>
    public Task<Response?> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Response?> PostAsync(string path, HttpContent content) => SendAsync(HttpMethod.Post, path, content);

    /// <summary>Posts a form's fields with the antiforgery token the page gave.</summary>
    public Task<Response?> PostFormAsync(string path, string token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>(Html.TokenField, token)));
        return PostAsync(path, content);
    }

    /// <summary>Opens a page with a form and returns its antiforgery token, or null.</summary>
    public async Task<string?> FormTokenAsync(string path)
    {
        var page = await GetAsync(path);
        return page is { Status: HttpStatusCode.OK } ? Html.Token(page.Body) : null;
    }

    /// <summary>Signs in on the sign-in page; true when the app sent the user on to the home page.</summary>
    public async Task<bool> SignInAsync(string email, string password)
    {
        var token = await FormTokenAsync("/Account/SignIn");
        if (token is null)
        {
            return false;
        }

        var signedIn = await PostFormAsync("/Account/SignIn", token, [new("Email", email), new("Password", password)]);
        return signedIn is { Status: HttpStatusCode.Found, Location: "/" };
    }

    /// <summary>An administrator creates an assessor's account on the accounts page.</summary>
    public async Task<bool> CreateAssessorAsync(string email, string password)
    {
        var token = await FormTokenAsync("/Admin/Users");
        if (token is null)
        {
            return false;
        }

        var created = await PostFormAsync("/Admin/Users", token, [new("Email", email), new("Role", "Assessor"), new("Password", password)]);
        return created is { Status: HttpStatusCode.Found, Location: { } location } && location.StartsWith("/Admin/Users?created=", StringComparison.Ordinal);
    }

    public void Dispose() => client.Dispose();

    private async Task<Response?> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 400)
            {
                Interlocked.Increment(ref errors);
            }

            var location = response.Headers.Location is { } to ? (to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString) : null;
            return new Response(response.StatusCode, body, location);
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref errors);
            return null;
        }
        catch (TaskCanceledException)
        {
            // The client's time-out.
            Interlocked.Increment(ref errors);
            return null;
        }
    }
}

/// <summary>A response: its status, its body and, for a redirect, where to (a path).</summary>
internal sealed record Response(HttpStatusCode Status, string Body, string? Location);
