using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace SafeguardGen.Testing;

/// <summary>Linked into every test project: the repository's root, and running a process to its end.</summary>
internal static class TestProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Runs a program to its end and returns its exit code with its output and error text together.</summary>
    public static (int Exit, string Output) Run(string workingDirectory, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + file);

        // Read both streams at once, so that neither can fill its pipe and stall the process.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult());
    }

    public static (int Exit, string Output) Dotnet(string workingDirectory, params string[] args) => Run(workingDirectory, "dotnet", args);

    /// <summary>The newest build of a project's output, whatever the configuration it was built in.</summary>
    public static string Built(string projectFolder, string fileName)
    {
        var files = Directory.GetFiles(Path.Combine(projectFolder, "bin"), fileName, SearchOption.AllDirectories);
        Array.Sort(files, (a, b) => File.GetLastWriteTimeUtc(b).CompareTo(File.GetLastWriteTimeUtc(a)));
        return files.Length > 0 ? files[0] : throw new FileNotFoundException("Build " + projectFolder + " first.", fileName);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SafeguardGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SafeguardGen.sln not found above " + AppContext.BaseDirectory);
    }
}
