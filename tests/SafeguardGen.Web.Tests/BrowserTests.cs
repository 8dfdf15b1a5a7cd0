using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using SafeguardGen.Testing;

namespace SafeguardGen.Web.Tests;

/// <summary>
/// The app as a user meets it: started with the README's commands, driven in Chromium through Selenium. CI
/// installs chromium and chromium-driver; pdftotext (poppler-utils) reads the printed record.
/// </summary>
public sealed class BrowserTests : IDisposable
{
    private const string Email = "caseworker@example.org";
    private const string Password = "a long passphrase for the test";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "safeguardgen-browser-" + Guid.NewGuid().ToString("N"));
    private readonly Process server;
    private readonly string address;

    public BrowserTests()
    {
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(Downloads);
        var project = Path.Combine(TestProcess.RepositoryRoot, "examples", "AssessmentWeb");
        var app = TestProcess.Built(project, "AssessmentWeb.dll");
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Assessments"] = "Data Source=" + Path.Combine(folder, "assessments.db") };

        // The README's first command: the administrator, whose password is read from standard input here.
        using (var admin = Start(project, app, environment, "create-admin", Email, "--password-stdin"))
        {
            admin.StandardInput.WriteLine(Password);
            admin.StandardInput.Close();
            Assert.True(admin.WaitForExit(60_000), "create-admin did not finish");
            Assert.True(admin.ExitCode == 0, admin.StandardError.ReadToEnd() + admin.StandardOutput.ReadToEnd());
        }

        // The second: the app, on a free port of the loopback address, which it prints when it is ready.
        address = "http://127.0.0.1:" + FreePort();
        server = Start(project, app, environment, "--urls", address);

        // Its log is drained as it comes, so a full pipe never stalls the app.
        var errors = server.StandardError.ReadToEndAsync();
        var started = Stopwatch.StartNew();
        string? line;
        while ((line = server.StandardOutput.ReadLine()) is not null && !line.Contains("is running at " + address, StringComparison.Ordinal))
        {
            Assert.True(started.Elapsed < TimeSpan.FromMinutes(1), "the app did not start");
        }

        if (line is null)
        {
            Assert.Fail("the app stopped before it was ready: " + errors.GetAwaiter().GetResult());
        }

        _ = server.StandardOutput.ReadToEndAsync();
    }

    private string Downloads => Path.Combine(folder, "downloads");

    [Fact]
    public void A_caseworker_refuses_an_extradition_on_persecution_grounds_changes_an_answer_resumes_from_the_download_and_prints_the_record()
    {
        using var driver = Chromium();
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(20));

        // Signing in with the keyboard alone.
        driver.Navigate().GoToUrl(address + "/");
        Assert.Contains("/Account/SignIn", driver.Url, StringComparison.Ordinal);
        driver.FindElement(By.Id("email")).SendKeys(Email + Keys.Tab + Password + Keys.Enter);
        wait.Until(d => d.FindElement(By.TagName("h1")).Text == "Your assessments");

        driver.FindElement(By.LinkText("Start an assessment")).Click();
        driver.FindElement(By.CssSelector("input[value='budapest.extradition-review']")).Click();
        driver.FindElement(By.Id("case-reference")).SendKeys("EXT/2026/0042");
        driver.FindElement(By.Id("description")).SendKeys("Extradition of a journalist for illegal access, where the request aims to punish her political opinions.");
        driver.FindElement(By.CssSelector("main button[type=submit]")).Click();

        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(Examples.Requests, "extradition-persecution.json")));
        var answers = sample.RootElement.GetProperty("answers");
        var asked = 0;
        while (!driver.Url.EndsWith("/Check", StringComparison.Ordinal))
        {
            var question = driver.FindElement(By.CssSelector("input[name=question]")).GetAttribute("value")!;
            var member = answers.GetProperty(question[..question.LastIndexOf('.')]);
            var value = member.GetProperty(question[(question.LastIndexOf('.') + 1)..]);
            if (asked == 1)
            {
                Screenshot(driver, "question-page.png");
            }

            Answer(driver, question, value);
            driver.FindElement(By.CssSelector("main button[type=submit]")).Click();
            asked++;
            Assert.True(asked < 40, "the questions did not end");
        }

        Assert.Equal("Decision: Must refuse", driver.FindElement(By.Id("decision-title")).Text);
        Assert.Contains("The ground applies", driver.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);

        // Changing an answer from the check-answers page returns there with the new answer.
        driver.FindElement(By.CssSelector("a[href$='question=persecution.grounds']")).Click();
        driver.FindElement(By.CssSelector("input[value='religion']")).Click();
        driver.FindElement(By.CssSelector("main button[type=submit]")).Click();
        wait.Until(d => d.Url.EndsWith("/Check", StringComparison.Ordinal));
        var groundsRow = driver.FindElements(By.CssSelector(".summary-row")).Single(r => r.FindElements(By.CssSelector("a[href$='question=persecution.grounds']")).Count == 1);
        Assert.Contains("Religion", groundsRow.Text, StringComparison.Ordinal);
        Assert.Contains("Political opinion", groundsRow.Text, StringComparison.Ordinal);

        // Downloading the answers, then resuming them in a new assessment.
        driver.FindElement(By.PartialLinkText("Download the answers")).Click();
        var file = wait.Until(_ => Directory.GetFiles(Downloads, "*.json").FirstOrDefault(f => new FileInfo(f).Length > 0));
        Thread.Sleep(200);
        using (var downloaded = JsonDocument.Parse(File.ReadAllText(file!)))
        {
            Assert.Equal("EXT/2026/0042", downloaded.RootElement.GetProperty("caseReference").GetString());
            Assert.Equal(new[] { "religion", "political-opinion" }, downloaded.RootElement.GetProperty("answers").GetProperty("persecution").GetProperty("grounds").EnumerateArray().Select(g => g.GetString()));
        }

        driver.Navigate().GoToUrl(address + "/Assessments/Resume");
        driver.FindElement(By.Id("answers-file")).SendKeys(file);
        driver.FindElement(By.CssSelector("main button[type=submit]")).Click();
        wait.Until(d => d.Url.EndsWith("/Check", StringComparison.Ordinal));
        Assert.Equal("Decision: Must refuse", driver.FindElement(By.Id("decision-title")).Text);
        Assert.Contains("EXT/2026/0042", driver.FindElement(By.CssSelector(".case-caption")).Text, StringComparison.Ordinal);

        // The record, printed to PDF on A4: pdftotext finds the decision, the case reference and every question.
        driver.FindElement(By.PartialLinkText("View and print the record")).Click();
        wait.Until(d => d.FindElement(By.TagName("h1")).Text == "Assessment record");
        Assert.True(driver.FindElement(By.Id("print-button")).Displayed, "the print button's script did not run");
        Screenshot(driver, "record-page.png");
        var pdf = Path.Combine(folder, "record.pdf");
        var printed = ((ISupportsPrint)driver).Print(new PrintOptions { PageDimensions = new PrintOptions.PageSize { Width = 21.0, Height = 29.7 }, OutputBackgroundImages = false });
        printed.SaveAsFile(pdf);
        var (exit, text) = TestProcess.Run(folder, "pdftotext", new[] { pdf, "-" });
        Assert.Equal(0, exit);
        // A printed line may wrap anywhere.
        var words = Page.Collapse(text);
        Assert.Contains("Decision: Must refuse", words, StringComparison.Ordinal);
        Assert.Contains("EXT/2026/0042", words, StringComparison.Ordinal);
        var checklist = Examples.Catalog.Find("budapest.extradition-review")!;
        foreach (var question in checklist.Rules.Questions)
        {
            Assert.True(words.Contains(Page.Collapse(question.Ask.Text), StringComparison.Ordinal), "the printed record lacks: " + question.Ask.Text);
        }
    }

    private static void Answer(IWebDriver driver, string question, JsonElement value)
    {
        var name = "q:" + question;
        switch (value.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                driver.FindElement(By.CssSelector("input[name='" + name + "'][value='" + (value.GetBoolean() ? "yes" : "no") + "']")).Click();
                break;
            case JsonValueKind.Array when value.GetArrayLength() == 0:
                driver.FindElement(By.CssSelector("input[name='" + name + ":none']")).Click();
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    driver.FindElement(By.CssSelector("input[name='" + name + "'][value='" + item.GetString() + "']")).Click();
                }

                break;
            case JsonValueKind.String when driver.FindElements(By.CssSelector("input[type=radio][name='" + name + "']")).Count > 0:
                driver.FindElement(By.CssSelector("input[name='" + name + "'][value='" + value.GetString() + "']")).Click();
                break;
            default:
                var control = driver.FindElement(By.CssSelector("[name='" + name + "']"));
                control.Clear();
                control.SendKeys(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
                break;
        }
    }

    /// <summary>With SAFEGUARDGEN_UPDATE_SCREENSHOTS=1, keeps the README's screenshots in docs/assessment-web up to date.</summary>
    private static void Screenshot(IWebDriver driver, string name)
    {
        if (Environment.GetEnvironmentVariable("SAFEGUARDGEN_UPDATE_SCREENSHOTS") == "1")
        {
            var target = Path.Combine(TestProcess.RepositoryRoot, "docs", "assessment-web");
            Directory.CreateDirectory(target);
            ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(target, name));
        }
    }

    private ChromeDriver Chromium()
    {
        var driverPath = new[] { "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("chromedriver is not installed: apt-get install chromium-driver (.ci/run does this).");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions();
        if (File.Exists("/usr/bin/chromium"))
        {
            options.BinaryLocation = "/usr/bin/chromium";
        }

        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1100,1400", "--lang=en");
        options.AddUserProfilePreference("download.default_directory", Downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        return new ChromeDriver(service, options, TimeSpan.FromMinutes(1));
    }

    private static Process Start(string workingDirectory, string app, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!server.HasExited)
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(10_000);
        }

        server.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by an exiting process; the temporary folder is left for the system to clear.
        }
    }
}
