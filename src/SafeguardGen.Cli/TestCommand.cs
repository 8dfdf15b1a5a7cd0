using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using SafeguardGen.Scenarios;

namespace SafeguardGen.Cli;

/// <summary>
/// <c>safeguard test &lt;files or folders&gt; [--format text|json|junit] [--coverage] [--min-coverage &lt;percent&gt;]</c>:
/// runs every scenario with the evaluator the generated validators call. Exit 0 when all pass, 1 on a failure, an
/// error in the input, no scenario at all, or coverage below the minimum, 2 on a usage error.
/// </summary>
internal static class TestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = SafeguardCommand.Inputs("The .treaty files whose scenarios to run, or folders to search for them (recursively); the checklists they test must be among them.");
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (failures at their file, line and column, then 'N passed, N failed'), json, or junit (JUnit XML for CI systems).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "junit");
        var coverage = new Option<bool>("--coverage")
        {
            Description = "Also report rule coverage: decisions reached, outcomes of each safeguard, conditions, exceptions and tests seen both ways.",
        };
        var minCoverage = new Option<decimal?>("--min-coverage")
        {
            Description = "Fail when rule coverage is below this percentage (0 to 100), naming the rules not covered at their lines.",
        };

        var command = new Command("test", "Runs the scenarios of .treaty files: checks each checklist decides the cases a lawyer wrote as the law says.");
        command.Arguments.Add(inputs);
        command.Options.Add(format);
        command.Options.Add(coverage);
        command.Options.Add(minCoverage);
        command.SetAction(parse =>
        {
            var minimum = parse.GetValue(minCoverage);
            if (minimum is < 0 or > 100)
            {
                return SafeguardCommand.Usage(error, "--min-coverage must be a percentage from 0 to 100, not " + minimum.Value.ToString(CultureInfo.InvariantCulture) + ".");
            }

            var files = InputFiles.Find(parse.GetValue(inputs) ?? Array.Empty<string>(), error);
            if (files is null)
            {
                return SafeguardCommand.Usage(error);
            }

            var selectedFormat = parse.GetValue(format);

            // Diagnostics go where they cannot break a JSON or JUnit document.
            var compiled = InputFile.CompileOrReport(files, selectedFormat == "text" ? output : error, "No scenarios run");
            if (compiled is null)
            {
                return SafeguardCommand.InputErrors;
            }

            var rules = ModelRules.Build(compiled.Model);
            var scenarios = ModelScenarios.From(compiled.Model);
            var report = ScenarioRunner.Run(scenarios, id => rules.TryGetValue(id, out var found) ? found : null);
            var coverageReport = parse.GetValue(coverage) || minimum is not null ? CoverageReport.Build(compiled.Model, rules, report.Coverage) : null;
            switch (selectedFormat)
            {
                case "json":
                    output.WriteLine(ReportWriter.Json(report, coverageReport));
                    break;
                case "junit":
                    output.WriteLine(ReportWriter.JUnit(report));
                    break;
                default:
                    output.Write(ReportWriter.Text(report, coverageReport));
                    break;
            }

            if (scenarios.Count == 0)
            {
                error.WriteLine("safeguard: no scenarios found in " + files.Count.ToString(CultureInfo.InvariantCulture) + " files; declare them with 'scenario name { checklist … expect decision … }'.");
                return SafeguardCommand.InputErrors;
            }

            if (coverageReport is not null && minimum is not null && coverageReport.Percent < minimum.Value)
            {
                error.WriteLine("safeguard: rule coverage " + coverageReport.Percent.ToString("0.0", CultureInfo.InvariantCulture) + "% is below the minimum of " + minimum.Value.ToString(CultureInfo.InvariantCulture) + "%; the rules not covered are listed" + (selectedFormat == "text" ? " above." : " in the report."));
                return SafeguardCommand.InputErrors;
            }

            return report.FailedCount > 0 ? SafeguardCommand.InputErrors : SafeguardCommand.Success;
        });
        return command;
    }
}
