using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using SafeguardGen.Language.Compilation;

namespace SafeguardGen.Cli;

/// <summary>The command tree. Exit codes: 0 no error, 1 errors in the input, 2 a usage error.</summary>
public static class SafeguardCommand
{
    public const int Success = 0;
    public const int InputErrors = 1;
    public const int UsageError = 2;

    public const string UsageHint = "Run 'safeguard --help' for usage.";

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

                error.WriteLine(UsageHint);
                return UsageError;
            }

            return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
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
        var root = new RootCommand("Checks, documents and exports .treaty files: safeguards for cybercrime cooperation, as code.");
        root.Subcommands.Add(CheckCommand.Create(output, error));
        return root;
    }
}

/// <summary><c>safeguard check &lt;files or folders&gt; [--format text|json|sarif]</c>.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "The .treaty files to check, or folders to search for them (recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "How to print the diagnostics: text (the compiler's form), json, or sarif (SARIF 2.1.0).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");

        var command = new Command("check", "Parses and checks .treaty files and reports every diagnostic.");
        command.Arguments.Add(inputs);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var files = InputFiles.Find(parse.GetValue(inputs) ?? Array.Empty<string>(), error);
            if (files is null)
            {
                error.WriteLine(SafeguardCommand.UsageHint);
                return SafeguardCommand.UsageError;
            }

            var result = TreatyCompiler.Bind(files.Select(f => TreatyCompiler.Parse(f.DisplayPath, f.Content)));
            var diagnostics = result.Diagnostics.ToList();
            switch (parse.GetValue(format))
            {
                case "json":
                    output.WriteLine(DiagnosticFormats.Json(diagnostics, files.Count));
                    break;
                case "sarif":
                    output.WriteLine(DiagnosticFormats.Sarif(diagnostics));
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
}
