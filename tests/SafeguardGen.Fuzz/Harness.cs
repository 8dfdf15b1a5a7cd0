using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Markdig;
using Markdig.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using SafeguardGen.Docs;
using SafeguardGen.Language.Checks;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Emit;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Fuzz;

/// <summary>How long and how a run goes.</summary>
/// <param name="Seed">The seed: the same seed gives the same inputs.</param>
/// <param name="MaxInputs">Stop after this many inputs (or null).</param>
/// <param name="Seconds">Stop after this long (or null).</param>
/// <param name="CompileEvery">Compile the C# of every n-th input that has no SG error and has a checklist.</param>
/// <param name="FindingsFolder">Where each finding's input is saved, or null.</param>
public sealed record FuzzOptions(int Seed, int? MaxInputs, double? Seconds, int CompileEvery = 4, string? FindingsFolder = null);

/// <summary>One distinct problem: what went wrong, the input's kind, and the input.</summary>
public sealed record Finding(string Signature, string Kind, string Detail, byte[] Input);

public sealed record FuzzReport(int Inputs, int Compiled, TimeSpan Elapsed, IReadOnlyList<Finding> Findings)
{
    public double InputsPerSecond => Inputs / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Runs inputs through every stage: parse, bind and checks, C# emission of every checklist, both documentation
/// formats; compiles a sample of the error-free outputs with Roslyn and requires zero errors and zero warnings.
/// Each input runs on a thread of its own with a large stack and a time limit that grows with its size, so a
/// hang or a stage whose time is out of proportion to its input is a finding, like an exception or a broken
/// invariant (output that differs between two runs, a bidi control or a <c>javascript:</c> link in a page).
/// </summary>
public static class Harness
{
    /// <summary>Time allowed for an input: a base for start-up costs, plus time per character far above what any linear stage needs.</summary>
    private static TimeSpan Budget(int length) => TimeSpan.FromSeconds(10 + (length / 1000.0 * 0.5));

    private static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Evaluator).Assembly.Location))
            .ToImmutableArray();

    public static FuzzReport Run(FuzzOptions options, string repositoryRoot, TextWriter? log = null)
    {
        var inputs = new Inputs(options.Seed, repositoryRoot);
        var findings = new Dictionary<string, Finding>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var count = 0;
        var compiled = 0;
        var errorFree = 0;
        while ((options.MaxInputs is null || count < options.MaxInputs) && (options.Seconds is null || clock.Elapsed.TotalSeconds < options.Seconds))
        {
            var (kind, bytes) = inputs.Next();
            count++;
            string? problem = null;
            var compileThis = false;
            var worker = new Thread(
                () =>
                {
                    try
                    {
                        var outcome = Check(bytes, () => Interlocked.Increment(ref errorFree) % options.CompileEvery == 1 % options.CompileEvery);
                        problem = outcome.Problem;
                        compileThis = outcome.Compiled;
                    }
                    catch (Exception exception)
                    {
                        problem = "exception: " + exception.GetType().Name + " at " + TopFrame(exception) + ": " + exception.Message + "\n" + exception.StackTrace;
                    }
                },
                256 * 1024 * 1024);
            worker.IsBackground = true;
            var started = Stopwatch.StartNew();
            worker.Start();
            if (!worker.Join(Budget(bytes.Length)))
            {
                problem = "time: more than " + Budget(bytes.Length).TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s for " + bytes.Length + " bytes";
            }

            if (compileThis)
            {
                compiled++;
            }

            if (problem is not null)
            {
                var signature = Signature(problem);
                if (!findings.ContainsKey(signature))
                {
                    var finding = new Finding(signature, kind, problem, bytes);
                    findings.Add(signature, finding);
                    log?.WriteLine("finding (" + kind + ", " + bytes.Length + " bytes, " + started.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s): " + problem);
                    Save(options.FindingsFolder, finding);
                }

                if (problem.StartsWith("time:", StringComparison.Ordinal))
                {
                    // The worker may still be running; nothing after it would be measured fairly.
                    break;
                }
            }
        }

        return new FuzzReport(count, compiled, clock.Elapsed, findings.Values.ToList());
    }

    private readonly record struct Outcome(string? Problem, bool Compiled);

    /// <summary>Every stage once, with the invariants; null when all holds.</summary>
    private static Outcome Check(byte[] bytes, Func<bool> compileWhenErrorFree)
    {
        var result = TreatyCompiler.Compile(new[] { new SourceText("fuzz.treaty", Utf8Text.Decode(bytes)) });
        var again = TreatyCompiler.Compile(new[] { new SourceText("fuzz.treaty", Utf8Text.Decode(bytes)) });
        if (!result.Diagnostics.Equals(again.Diagnostics) || !result.Model.Equals(again.Model))
        {
            return new Outcome("determinism: two compilations of the same input differ", false);
        }

        var slices = ChecklistSlice.From(result.Model).ToList();
        var names = GeneratedNames.Check(slices.Select(ChecklistTypes.From));
        var sources = new List<(string Name, string Text)>();
        foreach (var slice in slices.Where(s => !names.Excludes(s.Id)))
        {
            sources.Add((slice.HintName, CSharpEmitter.Emit(slice)));
        }

        if (sources.Count > 0)
        {
            sources.Add((RegistryEmitter.HintName, RegistryEmitter.Emit(slices.Where(s => !names.Excludes(s.Id)).Select(ChecklistSignature.From))));
        }

        foreach (var format in new[] { DocsFormat.Markdown, DocsFormat.Html })
        {
            var docs = DocsRenderer.Render(result.Model, format);
            foreach (var file in docs.Files)
            {
                if (file.Content.Any(c => BidirectionalControls.Name(c) is not null))
                {
                    return new Outcome("docs: a bidirectional control in " + format + " page " + file.Path, false);
                }

                if (Addresses(file.Content, format).FirstOrDefault(address => !IsSafeAddress(address)) is { } unsafeAddress)
                {
                    return new Outcome("docs: a live link to '" + unsafeAddress + "' in " + format + " page " + file.Path, false);
                }
            }
        }

        var hasErrors = result.HasErrors || names.Diagnostics.Any(d => d.IsError);
        if (hasErrors || sources.Count == 0 || !compileWhenErrorFree())
        {
            return new Outcome(null, false);
        }

        var compilation = CSharpCompilation.Create(
            "Fuzzed",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.CSharp12), s.Name)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        return problems.Count == 0
            ? new Outcome(null, true)
            : new Outcome("compile: " + problems[0].Id + " " + problems[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), true);
    }

    private static readonly Markdig.MarkdownPipeline Viewer = new Markdig.MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static readonly System.Text.RegularExpressions.Regex HtmlAddress = new("(?:href|src)\\s*=\\s*\"([^\"]*)\"", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Every address a reader's viewer would follow: Markdown parsed as a viewer parses it, HTML attributes decoded.</summary>
    private static IEnumerable<string> Addresses(string content, DocsFormat format)
    {
        if (format == DocsFormat.Html)
        {
            return HtmlAddress.Matches(content).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
        }

        var document = Markdig.Markdown.Parse(content, Viewer);
        return document.Descendants<Markdig.Syntax.Inlines.LinkInline>().Select(l => l.Url ?? string.Empty)
            .Concat(document.Descendants<Markdig.Syntax.Inlines.AutolinkInline>().Select(a => a.Url));
    }

    /// <summary>Relative, or http, https or mailto, read as a browser reads the scheme (white space and controls dropped).</summary>
    private static bool IsSafeAddress(string address)
    {
        var cleaned = new string(address.Where(c => c > ' ' && c != '\u007F').ToArray());
        var end = cleaned.IndexOfAny([':', '/', '?', '#']);
        if (end < 0 || cleaned[end] != ':')
        {
            return true;
        }

        var scheme = cleaned.Substring(0, end).ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static string TopFrame(Exception exception)
    {
        var frame = new StackTrace(exception, false).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("SafeguardGen", StringComparison.Ordinal) == true)
            ?? new StackTrace(exception, false).GetFrame(0);
        var method = frame?.GetMethod();
        return method is null ? "?" : method.DeclaringType?.Name + "." + method.Name;
    }

    /// <summary>What makes two findings the same: the problem without the numbers and names that vary with the input.</summary>
    private static string Signature(string problem)
    {
        var cut = problem.IndexOf(": ", problem.IndexOf(" at ", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        var head = problem.StartsWith("exception:", StringComparison.Ordinal) && cut > 0 ? problem.Substring(0, cut) : problem;
        return System.Text.RegularExpressions.Regex.Replace(head, "[0-9]+|'[^']*'|page \\S+", "#");
    }

    private static void Save(string? folder, Finding finding)
    {
        if (folder is null)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var name = Convert.ToHexString(SHA256.HashData(finding.Input)).Substring(0, 16).ToLowerInvariant();
        File.WriteAllBytes(Path.Combine(folder, name + ".treaty"), finding.Input);
        File.WriteAllText(Path.Combine(folder, name + ".txt"), finding.Kind + "\n" + finding.Detail + "\n", Encoding.UTF8);
    }
}
