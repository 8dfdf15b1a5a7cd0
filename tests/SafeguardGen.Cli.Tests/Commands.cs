using System;
using System.IO;
using SafeguardGen.Cli;

namespace SafeguardGen.Cli.Tests;

/// <summary>The command run in process, as the tests of each command call it.</summary>
internal static class Commands
{
    /// <summary>The exit code, the output with LF line ends, and the error text.</summary>
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = SafeguardCommand.Run(args, output, error);
        return (exit, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
    }
}

/// <summary>A temporary folder for a test's files, deleted with the test.</summary>
internal sealed class ScratchFolder(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Writes a file into the folder and gives its full path.</summary>
    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
