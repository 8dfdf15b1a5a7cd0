using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using SafeguardGen.Language.Compilation;

namespace SafeguardGen.Cli;

/// <summary>The command tree. Exit codes: 0 no error, 1 errors in the input, 2 a usage error (and 3 from <c>compare --fail-on</c>).</summary>
public static class SafeguardCommand
{
    public const int Success = 0;
    public const int InputErrors = 1;
    public const int UsageError = 2;

    public const string UsageHint = "Run 'safeguard --help' for usage.";

    /// <summary>The files and folders a command reads.</summary>
    internal static Argument<string[]> Inputs(string description) => new("inputs") { Description = description, Arity = ArgumentArity.OneOrMore };

    /// <summary>Reports a usage error (the message, if any, then where to find usage) and gives its exit code.</summary>
    internal static int Usage(TextWriter error, string? message = null)
    {
        if (message is not null)
        {
            error.WriteLine("safeguard: " + message);
        }

        error.WriteLine(UsageHint);
        return UsageError;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var root = Build(output, error);
            var result = root.Parse(args);
            if (result.Errors.Count > 0)
            {
                foreach (var parseError in result.Errors)
                {
                    error.WriteLine("safeguard: " + parseError.Message);
                }

                foreach (var suggestion in Suggestions.For(result))
                {
                    error.WriteLine("safeguard: " + suggestion);
                }

                error.WriteLine(UsageHint);
                return UsageError;
            }

            return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            // The user's environment (a folder that cannot be listed or written, a full disk), not a bug: say what
            // failed, without asking for a bug report.
            error.WriteLine("safeguard: " + (exception is UnauthorizedAccessException ? "permission denied: " : string.Empty) + exception.Message);
            return InputErrors;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // No stack trace ever reaches the user: the failure is reported like any other diagnostic.
            error.WriteLine("safeguard: error SG0900: internal error: " + exception.GetType().Name + ": " + exception.Message + ". Please report this.");
            return InputErrors;
        }
    }

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Checks .treaty files, runs their scenarios, compares instruments, renders their documentation and exports them (OSCAL, JSON Schema): safeguards for cybercrime cooperation, as code.");
        root.Subcommands.Add(CheckCommand.Create(output, error));
        root.Subcommands.Add(DocsCommand.Create(output, error));
        root.Subcommands.Add(TestCommand.Create(output, error));
        root.Subcommands.Add(CompareCommand.Create(output, error));
        root.Subcommands.Add(ExportCommand.Create(output, error));
        root.Subcommands.Add(SchemaCommand.Create(output, error));
        root.Subcommands.Add(FormatCommand.Create(output, error));
        root.Subcommands.Add(LspCommand.Create());
        return root;
    }
}

/// <summary><c>safeguard check &lt;files or folders&gt; [--format text|json|sarif]</c>.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = SafeguardCommand.Inputs("The .treaty files to check, or folders to search for them (recursively).");
        var format = new Option<string>("--format", "-f")
        {
            Description = "How to print the diagnostics: text (the compiler's form), json, or sarif (SARIF 2.1.0).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var helpBase = new Option<string?>("--help-base")
        {
            Description = "An absolute URI under which the diagnostics' pages are served (e.g. https://example.org/safeguard/diagnostics/); by default the pages shipped with the command.",
        };

        var command = new Command("check", "Parses and checks .treaty files and reports every diagnostic.");
        command.Arguments.Add(inputs);
        command.Options.Add(format);
        command.Options.Add(helpBase);
        command.SetAction(parse =>
        {
            var helpBaseText = parse.GetValue(helpBase);
            Uri? helpBaseUri = null;
            if (helpBaseText is not null && !TryHelpBase(helpBaseText, out helpBaseUri))
            {
                return SafeguardCommand.Usage(error, "--help-base '" + helpBaseText + "' is not an absolute http, https or file URI.");
            }

            var files = InputFiles.Find(parse.GetValue(inputs) ?? Array.Empty<string>(), error);
            if (files is null)
            {
                return SafeguardCommand.Usage(error);
            }

            var result = InputFile.Compile(files);
            var diagnostics = result.Diagnostics.ToList();
            switch (parse.GetValue(format))
            {
                case "json":
                    output.WriteLine(DiagnosticFormats.Json(diagnostics, files.Count, helpBaseUri));
                    break;
                case "sarif":
                    output.WriteLine(DiagnosticFormats.Sarif(diagnostics, helpBaseUri));
                    break;
                default:
                    foreach (var diagnostic in diagnostics)
                    {
                        output.WriteLine(diagnostic.ToString());
                    }

                    output.WriteLine(DiagnosticFormats.Summary(diagnostics, files.Count));
                    break;
            }

            return result.HasErrors ? SafeguardCommand.InputErrors : SafeguardCommand.Success;
        });
        return command;
    }

    /// <summary>An absolute http, https or file URI, ending in '/' so that page names resolve under it.</summary>
    private static bool TryHelpBase(string text, out Uri? uri)
    {
        uri = null;
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeFile))
        {
            return false;
        }

        uri = parsed;
        return true;
    }
}

/// <summary><c>safeguard docs &lt;inputs&gt; --out &lt;dir&gt; [--format md|html] [--templates &lt;dir&gt;]</c>.</summary>
internal static class DocsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = SafeguardCommand.Inputs("The .treaty files to document, or folders to search for them (recursively).");
        var outFolder = new Option<string>("--out", "-o")
        {
            Description = "The folder to write the pages to; files whose content is unchanged are left untouched.",
            Required = true,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "md (Markdown pages) or html (a self-contained site).",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong("md", "html");
        var templates = new Option<string?>("--templates", "-t")
        {
            Description = "A folder of .scriban templates that override the defaults (index, treaty, checklist, languages, and partials such as _safeguard).",
        };

        var languages = new Option<string?>("--languages", "-l")
        {
            Description = "Comma-separated language tags to render (e.g. en,fr); by default every declared language and the six UN languages.",
        };
        var date = new Option<string?>("--date")
        {
            Description = "The date of generation printed on every page (yyyy-MM-dd); by default SOURCE_DATE_EPOCH's day, else today (UTC).",
        };
        var style = new Option<string>("--markdown-style")
        {
            Description = "folders (a folder per language) or wiki (flat unique page names, links without extensions, Home.md and _Sidebar.md, for a GitHub wiki).",
            DefaultValueFactory = _ => "folders",
        };
        style.AcceptOnlyFromAmong("folders", "wiki");

        var command = new Command("docs", "Renders documentation for the legal team from .treaty files, through Scriban templates.");
        command.Arguments.Add(inputs);
        command.Options.Add(outFolder);
        command.Options.Add(format);
        command.Options.Add(templates);
        command.Options.Add(languages);
        command.Options.Add(date);
        command.Options.Add(style);
        command.SetAction(parse =>
        {
            var files = InputFiles.Find(parse.GetValue(inputs) ?? Array.Empty<string>(), error);
            var templateFolder = parse.GetValue(templates);
            var generated = GenerationDate(parse.GetValue(date));
            if (generated is null)
            {
                return SafeguardCommand.Usage(error, "--date '" + LanguageChoice.Printable(parse.GetValue(date) ?? string.Empty) + "' is not a date; give it as yyyy-MM-dd, such as 2026-11-23.");
            }

            if (files is null || (templateFolder is not null && !Directory.Exists(templateFolder)))
            {
                if (templateFolder is not null && !Directory.Exists(templateFolder))
                {
                    error.WriteLine("safeguard: no templates folder named '" + templateFolder + "'.");
                }

                return SafeguardCommand.Usage(error);
            }

            var folder = parse.GetValue(outFolder)!;
            if (File.Exists(folder))
            {
                return SafeguardCommand.Usage(error, "--out '" + folder.Replace('\\', '/') + "' is a file; give the folder to write the pages to.");
            }

            if (Docs.DocsWriter.ContainsWorkingFolder(folder))
            {
                return SafeguardCommand.Usage(error, "--out '" + folder.Replace('\\', '/') + "' holds the working folder; the site is replaced as a whole, so give a folder that you are not in.");
            }

            var compiled = InputFile.Compile(files);
            var only = (parse.GetValue(languages) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var languageError = LanguageChoice.Check(only, compiled.Model);
            if (languageError is not null)
            {
                return SafeguardCommand.Usage(error, languageError);
            }

            var docsFormat = parse.GetValue(format) == "html" ? Docs.DocsFormat.Html : Docs.DocsFormat.Markdown;
            if (docsFormat == Docs.DocsFormat.Html && parse.GetValue(style) == "wiki")
            {
                return SafeguardCommand.Usage(error, "--markdown-style wiki names Markdown pages for a wiki; use it with --format md.");
            }

            var rendered = Docs.DocsRenderer.Render(compiled.Model, docsFormat, templateFolder, only, new Docs.DocsOptions(generated, parse.GetValue(style) == "wiki"));
            var diagnostics = compiled.Diagnostics.Concat(rendered.Diagnostics).ToList();
            foreach (var diagnostic in diagnostics)
            {
                output.WriteLine(diagnostic.ToString());
            }

            // A template error would leave a half-written site: write nothing. Treaty errors still get their pages,
            // whose coverage tables show the gaps.
            if (rendered.HasErrors)
            {
                output.WriteLine("No pages written: fix the template errors above.");
                return SafeguardCommand.InputErrors;
            }

            var (written, unchanged, writeError) = Docs.DocsWriter.Write(folder, rendered.Files);
            if (writeError is not null)
            {
                error.WriteLine("safeguard: " + writeError + ".");
                return SafeguardCommand.InputErrors;
            }

            output.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} pages written, {1} unchanged, in {2}.", written, unchanged, folder.Replace('\\', '/')));
            return compiled.HasErrors ? SafeguardCommand.InputErrors : SafeguardCommand.Success;
        });
        return command;
    }

    /// <summary>The date of generation: the one given, else SOURCE_DATE_EPOCH's day (reproducible builds), else today in UTC; null when the one given is not a date.</summary>
    internal static string? GenerationDate(string? given)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (given is not null)
        {
            return DateOnly.TryParseExact(given, "yyyy-MM-dd", invariant, System.Globalization.DateTimeStyles.None, out var day) ? day.ToString("yyyy-MM-dd", invariant) : null;
        }

        if (long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), System.Globalization.NumberStyles.None, invariant, out var seconds) && seconds <= 253402300799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd", invariant);
        }

        return DateTime.UtcNow.ToString("yyyy-MM-dd", invariant);
    }
}
