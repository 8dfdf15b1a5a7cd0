using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using SafeguardGen.Exports.Oscal;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Compilation;

namespace SafeguardGen.Cli;

/// <summary>
/// <c>safeguard export oscal-catalog|oscal-profile|oscal-results|oscal-mapping &lt;inputs&gt; --out &lt;folder&gt;
/// [--checklist name] [--answers file] [--last-modified time]</c>: writes NIST OSCAL 1.2.1 documents. Exit 0 when
/// written, 1 for errors in the inputs or the answers, 2 for a usage error.
/// </summary>
internal static class ExportCommand
{
    public const string SourceDateEpoch = "SOURCE_DATE_EPOCH";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var model = new Argument<string>("model") { Description = "oscal-catalog (a catalog per treaty), oscal-profile (a profile per profile), oscal-results (the assessment of --answers), or oscal-mapping (a mapping collection per comparison)." };
        model.AcceptOnlyFromAmong("oscal-catalog", "oscal-profile", "oscal-results", "oscal-mapping");
        var inputs = SafeguardCommand.Inputs("The .treaty files to export and everything they import, or folders to search for them (recursively).");
        var outFolder = new Option<string>("--out", "-o") { Description = "The folder to write the documents to; documents whose content is unchanged are left untouched.", Required = true };
        var checklistOption = new Option<string?>("--checklist", "-c") { Description = "oscal-results: the checklist assessed, by name or qualified name; by default the one the answers file names." };
        var answersOption = new Option<string?>("--answers", "-a") { Description = "oscal-results: the answers, as a request file ({ \"checklist\": …, \"answers\": { … } }) or the answers object alone." };
        var lastModified = new Option<string?>("--last-modified")
        {
            Description = "The time the documents record as last modified (and the assessment's start), ISO 8601 with an offset, e.g. 2026-11-23T10:00:00Z; by default " + SourceDateEpoch + " when set, else 1970-01-01T00:00:00Z, so that exporting twice gives the same bytes.",
        };

        var command = new Command("export", "Exports treaties, profiles, assessments and comparisons as NIST OSCAL 1.2.1 JSON, for compliance tools.");
        command.Arguments.Add(model);
        command.Arguments.Add(inputs);
        command.Options.Add(outFolder);
        command.Options.Add(checklistOption);
        command.Options.Add(answersOption);
        command.Options.Add(lastModified);
        command.SetAction(parse =>
        {
            var kind = parse.GetValue(model)!;
            if (!TryTime(parse.GetValue(lastModified), out var time, out var timeError))
            {
                return SafeguardCommand.Usage(error, timeError);
            }

            var answersPath = parse.GetValue(answersOption);
            if (kind == "oscal-results" && answersPath is null)
            {
                return SafeguardCommand.Usage(error, "oscal-results needs --answers <file>: the answers to assess.");
            }

            if (kind != "oscal-results" && (answersPath is not null || parse.GetValue(checklistOption) is not null))
            {
                return SafeguardCommand.Usage(error, "--answers and --checklist belong to oscal-results.");
            }

            var folder = parse.GetValue(outFolder)!;
            if (File.Exists(folder))
            {
                return SafeguardCommand.Usage(error, "--out '" + folder.Replace('\\', '/') + "' is a file; give the folder to write the documents to.");
            }

            var files = InputFiles.Find(parse.GetValue(inputs) ?? Array.Empty<string>(), error);
            if (files is null)
            {
                return SafeguardCommand.Usage(error);
            }

            var compiled = InputFile.CompileOrReport(files, error, "Nothing exported");
            if (compiled is null)
            {
                return SafeguardCommand.InputErrors;
            }

            IReadOnlyList<ExportedFile> documents;
            switch (kind)
            {
                case "oscal-catalog":
                    documents = OscalCatalog.ExportAll(compiled.Model, time);
                    break;
                case "oscal-profile":
                    var (profiles, notExported) = OscalProfile.ExportAll(compiled.Model, time);
                    foreach (var (profile, problem) in notExported)
                    {
                        error.WriteLine(profile.Location.Path.Replace('\\', '/') + "(" + profile.Location.Start + "): warning: not exported: " + problem + ".");
                    }

                    documents = profiles;
                    break;
                case "oscal-mapping":
                    documents = OscalMapping.ExportAll(compiled.Model, time);
                    break;
                default:
                    var assessed = Results(compiled.Model, parse.GetValue(checklistOption), answersPath!, time, error);
                    if (assessed is null)
                    {
                        return SafeguardCommand.InputErrors;
                    }

                    documents = new[] { assessed };
                    break;
            }

            if (documents.Count == 0)
            {
                error.WriteLine("safeguard: nothing to export as " + kind + " in " + files.Count.ToString(CultureInfo.InvariantCulture) + " files.");
                return SafeguardCommand.InputErrors;
            }

            foreach (var document in documents)
            {
                var path = Path.Combine(folder, document.Name);
                var written = CompareCommand.WriteReplacing(path, document.Content, error);
                if (written is null)
                {
                    return SafeguardCommand.InputErrors;
                }

                output.WriteLine((written.Value ? "Wrote " : "Unchanged: ") + path.Replace('\\', '/'));
            }

            return SafeguardCommand.Success;
        });
        return command;
    }

    private static ExportedFile? Results(TreatyModel model, string? wanted, string answersPath, DateTimeOffset time, TextWriter error)
    {
        string text;
        try
        {
            text = File.ReadAllText(answersPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            error.WriteLine("safeguard: cannot read the answers '" + answersPath.Replace('\\', '/') + "': " + (exception is UnauthorizedAccessException ? "permission denied" : exception.Message) + ".");
            return null;
        }

        // Without --checklist, the request file says which checklist it answers.
        wanted ??= RequestFiles.NamedChecklist(text);

        var checklists = model.Treaties.SelectMany(t => t.Checklists).ToList();
        var matching = checklists.Where(c => c.Name.ToString() == wanted || c.Name.Name == wanted).ToList();
        if (matching.Count != 1)
        {
            error.WriteLine("safeguard: " + (wanted is null
                ? "the answers name no checklist; give --checklist <name>"
                : matching.Count == 0
                    ? "no checklist named '" + LanguageChoice.Printable(wanted) + "'; the inputs declare " + string.Join(", ", checklists.Select(c => c.Name.ToString()))
                    : "'" + LanguageChoice.Printable(wanted) + "' names " + matching.Count.ToString(CultureInfo.InvariantCulture) + " checklists; give its qualified name (" + string.Join(" or ", matching.Select(c => c.Name.ToString())) + ")") + ".");
            return null;
        }

        var (file, diagnostics) = OscalResults.Export(model, matching[0], answersPath.Replace('\\', '/'), text, time);
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        if (file is null)
        {
            error.WriteLine("Nothing exported: fix the answers above.");
        }

        return file;
    }

    /// <summary>The time to record: the option's, else SOURCE_DATE_EPOCH's (the reproducible-builds convention), else the Unix epoch.</summary>
    private static bool TryTime(string? option, out DateTimeOffset time, out string? problem)
    {
        problem = null;
        if (option is not null)
        {
            if (DateTimeOffset.TryParse(option, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time) && option.Contains('T', StringComparison.Ordinal))
            {
                return true;
            }

            problem = "--last-modified '" + LanguageChoice.Printable(option) + "' is not an ISO 8601 date and time, e.g. 2026-11-23T10:00:00Z.";
            return false;
        }

        var epoch = Environment.GetEnvironmentVariable(SourceDateEpoch);
        if (!string.IsNullOrEmpty(epoch))
        {
            if (long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253402300799)
            {
                time = DateTimeOffset.FromUnixTimeSeconds(seconds);
                return true;
            }

            time = default;
            problem = SourceDateEpoch + " '" + LanguageChoice.Printable(epoch) + "' is not a count of seconds since 1970-01-01.";
            return false;
        }

        time = DateTimeOffset.UnixEpoch;
        return true;
    }
}

/// <summary><c>safeguard schema &lt;checklist&gt; &lt;inputs&gt; [--out file]</c>: the JSON Schema of a checklist's answers, the same text as the generated constant.</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var checklistArgument = new Argument<string>("checklist") { Description = "The checklist, by name (extradition-review) or qualified name (budapest.extradition-review)." };
        var inputs = SafeguardCommand.Inputs("The .treaty files declaring the checklist and everything they import, or folders to search for them (recursively).");
        var outPath = new Option<string?>("--out", "-o") { Description = "The file to write the schema to; by default it is printed." };
        var command = new Command("schema", "Writes the JSON Schema (draft 2020-12) of a checklist's answers, as the generated checklist's AnswersSchema constant holds it.");
        command.Arguments.Add(checklistArgument);
        command.Arguments.Add(inputs);
        command.Options.Add(outPath);
        command.SetAction(parse =>
        {
            var files = InputFiles.Find(parse.GetValue(inputs) ?? Array.Empty<string>(), error);
            if (files is null)
            {
                return SafeguardCommand.Usage(error);
            }

            var compiled = InputFile.CompileOrReport(files, error, "No schema written");
            if (compiled is null)
            {
                return SafeguardCommand.InputErrors;
            }

            var wanted = parse.GetValue(checklistArgument)!;
            var slices = Language.Emit.ChecklistSlice.From(compiled.Model).ToList();
            var matching = slices.Where(s => s.Id == wanted || s.Checklist.Name.Name == wanted).ToList();
            if (matching.Count != 1)
            {
                return SafeguardCommand.Usage(error, matching.Count == 0
                    ? "no checklist named '" + LanguageChoice.Printable(wanted) + "'; the inputs declare " + (slices.Count == 0 ? "none" : string.Join(", ", slices.Select(s => s.Id))) + "."
                    : "'" + wanted + "' names " + matching.Count.ToString(CultureInfo.InvariantCulture) + " checklists; give its qualified name (" + string.Join(" or ", matching.Select(s => s.Id)) + ").");
            }

            var schema = Language.Emit.AnswersSchema.Emit(matching[0]);
            var path = parse.GetValue(outPath);
            if (path is null)
            {
                output.Write(schema);
                return SafeguardCommand.Success;
            }

            var written = CompareCommand.WriteReplacing(path, schema, error);
            if (written is null)
            {
                return SafeguardCommand.InputErrors;
            }

            output.WriteLine((written.Value ? "Wrote " : "Unchanged: ") + path.Replace('\\', '/'));
            return SafeguardCommand.Success;
        });
        return command;
    }
}
