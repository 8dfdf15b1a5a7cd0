using System;
using System.Globalization;
using System.IO;
using SafeguardGen.Fuzz;

// dotnet run -c Release --project tests/SafeguardGen.Fuzz -- [--seconds N] [--inputs N] [--seed S] [--out folder]
int? inputs = null;
double? seconds = null;
var seed = 1;
string? output = "fuzz-findings";
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--seconds":
            seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--inputs":
            inputs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--seed":
            seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--out":
            output = args[i + 1];
            break;
        default:
            Console.Error.WriteLine("usage: SafeguardGen.Fuzz [--seconds N] [--inputs N] [--seed S] [--out folder]");
            return 2;
    }
}

if (args.Length % 2 != 0)
{
    Console.Error.WriteLine("usage: SafeguardGen.Fuzz [--seconds N] [--inputs N] [--seed S] [--out folder]");
    return 2;
}

seconds ??= inputs is null ? 60 : null;
var report = Harness.Run(new FuzzOptions(seed, inputs, seconds, FindingsFolder: Path.GetFullPath(output)), SafeguardGen.Testing.TestProcess.RepositoryRoot, Console.Out);
Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} inputs in {1:0.0} s ({2:0.0} inputs/s), {3} compiled with Roslyn, {4} findings{5}", report.Inputs, report.Elapsed.TotalSeconds, report.InputsPerSecond, report.Compiled, report.Findings.Count, report.Findings.Count == 0 ? "." : ", saved in " + output + "."));
return report.Findings.Count == 0 ? 0 : 1;
