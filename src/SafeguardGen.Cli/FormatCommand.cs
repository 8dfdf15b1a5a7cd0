using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using SafeguardGen.Language.Formatting;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Cli;

/// <summary>
/// <c>safeguard format [--check] &lt;files or folders&gt;</c>: rewrites .treaty files in the canonical layout, or with
/// <c>--check</c> lists those that would change and exits 1, for CI.
/// </summary>
internal static class FormatCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = SafeguardCommand.Inputs("The .treaty files to format, or folders to search for them (recursively).");
        var check = new Option<bool>("--check")
        {
            Description = "Write nothing: list the files that are not in the canonical layout and exit with 1 if there are any.",
        };

        var command = new Command("format", "Lays .treaty files out in the one canonical layout, keeping comments and strings exactly as written.");
        command.Arguments.Add(inputs);
        command.Options.Add(check);
        command.SetAction(parse =>
        {
            var files = InputFiles.Find(parse.GetValue(inputs) ?? Array.Empty<string>(), error);
            if (files is null)
            {
                return SafeguardCommand.Usage(error);
            }

            var checking = parse.GetValue(check);
            int changed = 0, failed = 0;
            foreach (var file in files)
            {
                if (file.Content is null)
                {
                    output.WriteLine(file.ReadError().ToString());
                    failed++;
                    continue;
                }

                var result = TreatyFormatter.Format(new SourceText(file.DisplayPath, file.Content));
                if (!result.Formatted)
                {
                    // A file with syntax errors is not formatted: the errors say why, as 'check' would.
                    foreach (var diagnostic in result.Errors)
                    {
                        output.WriteLine(diagnostic.ToString());
                    }

                    output.WriteLine(file.DisplayPath + ": not formatted: fix the errors above.");
                    failed++;
                    continue;
                }

                if (result.Text == file.Content.Text)
                {
                    continue;
                }

                changed++;
                if (checking)
                {
                    output.WriteLine("Would reformat " + file.DisplayPath);
                }
                else if (CompareCommand.WriteReplacing(file.DisplayPath, result.Text!, error) is null)
                {
                    failed++;
                }
                else
                {
                    output.WriteLine("Formatted " + file.DisplayPath);
                }
            }

            var summary = string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                checking ? "{0} of {1} files would be reformatted{2}." : "{0} of {1} files reformatted{2}.",
                changed,
                files.Count,
                failed == 0 ? string.Empty : string.Format(System.Globalization.CultureInfo.InvariantCulture, "; {0} could not be formatted", failed));
            output.WriteLine(summary);
            return failed > 0 || (checking && changed > 0) ? SafeguardCommand.InputErrors : SafeguardCommand.Success;
        });
        return command;
    }
}
