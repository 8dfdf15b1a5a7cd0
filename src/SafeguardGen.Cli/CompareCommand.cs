using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Reports;

namespace SafeguardGen.Cli;

/// <summary>
/// <c>safeguard compare &lt;files or folders&gt; [--comparison name] [--format md|html|csv|json] [--out path]
/// [--fail-on absent,weaker] [--language tag]</c>: writes the gap report of each comparison. Exit 0 when the report is
/// written, 1 for errors in the input, 2 for a usage error, 3 when a finding named by <c>--fail-on</c> is present.
/// </summary>
internal static class CompareCommand
{
    public const int FindingsFailed = 3;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = SafeguardCommand.Inputs("The .treaty files holding the comparisons and everything they import, or folders to search for them (recursively).");
        var comparisonOption = new Option<string?>("--comparison", "-c")
        {
            Description = "The comparison to report, by name (uncc-against-article-15) or qualified name (uncc-vs-budapest.uncc-against-article-15); by default every comparison.",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "md (Markdown), html (a printable page in the docs site's style), csv (one row per judgement) or json.",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong("md", "html", "csv", "json");
        var outPath = new Option<string?>("--out", "-o")
        {
            Description = "The file to write the report to, or a folder for one file per comparison; by default the report of a single comparison is printed.",
        };
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Comma-separated relationships (absent, weaker, hedged, equivalent, stronger) that make the command exit with 3 when any judgement has them, for CI gating.",
        };
        var language = new Option<string?>("--language", "-l")
        {
            Description = "The language of the report's texts, one the comparison's treaty declares; by default its own language.",
        };

        var command = new Command("compare", "Writes gap reports: how an instrument under review relates to each requirement of a baseline, gaps first.");
        command.Arguments.Add(inputs);
        command.Options.Add(comparisonOption);
        command.Options.Add(format);
        command.Options.Add(outPath);
        command.Options.Add(failOn);
        command.Options.Add(language);
        command.SetAction(parse =>
        {
            var failing = new List<Relationship>();
            foreach (var word in (parse.GetValue(failOn) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (ComparisonWords.RelationshipFromKeyword(word) is not { } relationship)
                {
                    return SafeguardCommand.Usage(error, "--fail-on: '" + LanguageChoice.Printable(word) + "' is not a relationship; use absent, weaker, hedged, equivalent or stronger.");
                }

                failing.Add(relationship);
            }

            var files = InputFiles.Find(parse.GetValue(inputs) ?? Array.Empty<string>(), error);
            if (files is null)
            {
                return SafeguardCommand.Usage(error);
            }

            // The report may go to standard output: diagnostics go where they cannot break it.
            var compiled = InputFile.CompileOrReport(files, error, "No report written");
            if (compiled is null)
            {
                return SafeguardCommand.InputErrors;
            }

            var reports = ComparisonReport.BuildAll(compiled.Model);
            if (reports.Count == 0)
            {
                error.WriteLine("safeguard: no comparisons found in " + files.Count.ToString(CultureInfo.InvariantCulture) + " files; declare one with 'comparison name { reviews <instrument> baseline <name> judge … }'.");
                return SafeguardCommand.InputErrors;
            }

            var wanted = parse.GetValue(comparisonOption);
            if (wanted is not null)
            {
                var matching = reports.Where(r => r.Comparison.Name.ToString() == wanted || r.Comparison.Name.Name == wanted).ToList();
                if (matching.Count != 1)
                {
                    var names = string.Join(", ", reports.Select(r => r.Comparison.Name.ToString()));
                    return SafeguardCommand.Usage(error, matching.Count == 0
                        ? "--comparison: no comparison named '" + LanguageChoice.Printable(wanted) + "'; the inputs declare " + names + "."
                        : "--comparison: '" + wanted + "' names " + matching.Count.ToString(CultureInfo.InvariantCulture) + " comparisons; give its qualified name (" + string.Join(" or ", matching.Select(r => r.Comparison.Name.ToString())) + ").");
                }

                reports = matching;
            }

            var out_ = parse.GetValue(outPath);
            if (reports.Count > 1 && (out_ is null || File.Exists(out_)))
            {
                return SafeguardCommand.Usage(error, reports.Count.ToString(CultureInfo.InvariantCulture) + " comparisons found (" + string.Join(", ", reports.Select(r => r.Comparison.Name.ToString())) + "); name one with --comparison, or give --out a folder to write one file each.");
            }

            var selectedFormat = parse.GetValue(format)!;
            var requestedLanguage = parse.GetValue(language);
            var languages = new List<string>();
            foreach (var report in reports)
            {
                var treaty = compiled.Model.FindTreaty(report.Comparison.Name.Treaty)!;
                var reportLanguage = requestedLanguage ?? treaty.Language;
                if (!treaty.Languages.Contains(reportLanguage, StringComparer.OrdinalIgnoreCase))
                {
                    return SafeguardCommand.Usage(error, "--language: treaty '" + treaty.Name + "' of comparison '" + report.Comparison.Name.Name + "' does not declare language '" + LanguageChoice.Printable(reportLanguage) + "'; it declares " + string.Join(", ", treaty.Languages) + ".");
                }

                languages.Add(treaty.Languages.First(l => string.Equals(l, reportLanguage, StringComparison.OrdinalIgnoreCase)));
            }

            List<string> texts;
            switch (selectedFormat)
            {
                case "json":
                    texts = reports.Select((r, i) => CompareFormats.Json(r, languages[i])).ToList();
                    break;
                case "csv":
                    texts = reports.Select((r, i) => CompareFormats.Csv(r, languages[i])).ToList();
                    break;
                default:
                    var docs = Docs.DocsRenderer.RenderComparisons(compiled.Model, reports.Select((r, i) => (r.Comparison.Name, languages[i])).ToList(), selectedFormat == "html" ? Docs.DocsFormat.Html : Docs.DocsFormat.Markdown);
                    foreach (var diagnostic in docs.Diagnostics)
                    {
                        error.WriteLine(diagnostic.ToString());
                    }

                    if (docs.HasErrors || docs.Files.Count != reports.Count)
                    {
                        error.WriteLine("No report written: fix the template errors above.");
                        return SafeguardCommand.InputErrors;
                    }

                    texts = docs.Files.Select(f => f.Content).ToList();
                    break;
            }

            var rendered = reports.Select((r, i) => (Report: r, Name: r.Comparison.Name + "." + selectedFormat, Text: texts[i])).ToList();
            if (out_ is null)
            {
                output.Write(rendered[0].Text);
            }
            else
            {
                var folder = reports.Count > 1 || Directory.Exists(out_) || EndsWithSeparator(out_);
                foreach (var (_, name, text) in rendered)
                {
                    var path = folder ? Path.Combine(out_, name) : out_;
                    var written = WriteReplacing(path, text, error);
                    if (written is null)
                    {
                        return SafeguardCommand.InputErrors;
                    }

                    output.WriteLine((written.Value ? "Wrote " : "Unchanged: ") + path.Replace('\\', '/'));
                }
            }

            if (failing.Count > 0)
            {
                var findings = rendered.SelectMany(r => r.Report.Findings(failing).Select(row => (r.Report, row))).ToList();
                if (findings.Count > 0)
                {
                    foreach (var (report, row) in findings)
                    {
                        error.WriteLine(row.Judgement.Location.Path + "(" + row.Judgement.Location.Start + "): " + ComparisonWords.Keyword(row.Judgement.Relationship) + ": " + report.Comparison.Name.Name + " judges requirement '" + row.Requirement.Name + "' " + ComparisonWords.Keyword(row.Judgement.Relationship));
                    }

                    error.WriteLine("safeguard: " + findings.Count.ToString(CultureInfo.InvariantCulture) + (findings.Count == 1 ? " finding is " : " findings are ") + string.Join(" or ", failing.Distinct().Select(ComparisonWords.Keyword)) + " (--fail-on).");
                    return FindingsFailed;
                }
            }

            return SafeguardCommand.Success;
        });
        return command;
    }

    private static bool EndsWithSeparator(string path) => path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar);

    /// <summary>
    /// Writes through a temporary file in the same folder and a rename, so a failure leaves the old report whole; a
    /// report whose content is unchanged is not touched. True when written, false when unchanged, null on failure (reported).
    /// </summary>
    internal static bool? WriteReplacing(string path, string text, TextWriter error)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".safeguard-new-" + Guid.NewGuid().ToString("N");
        try
        {
            if (File.Exists(full) && File.ReadAllText(full, Utf8) == text)
            {
                return false;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(temporary, text, Utf8);
            File.Move(temporary, full, overwrite: true);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The temporary file could not be removed either; the report itself is untouched.
            }

            error.WriteLine("safeguard: cannot write '" + path.Replace('\\', '/') + "': " + (exception is UnauthorizedAccessException ? "permission denied" : exception.Message) + "; any previous file is left as it was.");
            return null;
        }
    }
}
