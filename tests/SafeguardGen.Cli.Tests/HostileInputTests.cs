using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using SafeguardGen.Cli;

namespace SafeguardGen.Cli.Tests;

/// <summary>
/// <c>safeguard check</c> in a hostile environment: FIFOs, devices, link loops, dangling links, unreadable files
/// and bytes that are not UTF-8 each give a message naming the path and the cause, and the other files are checked.
/// </summary>
[Collection(WorkingFolder.Collection)]
public sealed class HostileInputTests : IDisposable
{
    private static readonly string Examples = Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples", "treaties");
    private readonly string folder = Directory.CreateTempSubdirectory("safeguard-hostile-").FullName;
    private readonly string input;

    public HostileInputTests()
    {
        input = Directory.CreateDirectory(Path.Combine(folder, "input")).FullName;
        foreach (var file in Directory.GetFiles(Examples, "*.treaty"))
        {
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Runs in <see cref="folder"/>, so paths print relative to it.</summary>
    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder);
        try
        {
            var exit = SafeguardCommand.Run(args, output, error);
            return (exit, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    private static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public void A_fifo_is_reported_and_not_waited_for()
    {
        MakeFifo(Path.Combine(input, "pipe.treaty"));

        var (exit, output, error) = Run("check", "input");

        Assert.Equal(1, exit);
        Assert.Equal(
            "input/pipe.treaty(1,1): error SG0010: 'input/pipe.treaty' cannot be read: it is a named pipe (FIFO), not a regular file; make it a readable .treaty file or leave it out of the inputs\n" +
            "7 files checked: 1 error, 0 warnings.\n",
            output);
        Assert.Empty(error);
    }

    [Fact]
    public void A_link_to_dev_zero_is_reported_and_not_read()
    {
        File.CreateSymbolicLink(Path.Combine(input, "zero.treaty"), "/dev/zero");

        var (exit, output, _) = Run("check", "input");

        Assert.Equal(1, exit);
        Assert.StartsWith("input/zero.treaty(1,1): error SG0010: 'input/zero.treaty' cannot be read: it is a device, not a regular file;", output, StringComparison.Ordinal);
        Assert.EndsWith("7 files checked: 1 error, 0 warnings.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Dangling_and_self_referencing_links_are_reported_and_the_other_files_still_checked()
    {
        File.CreateSymbolicLink(Path.Combine(input, "dangling.treaty"), "nowhere.treaty");
        File.CreateSymbolicLink(Path.Combine(input, "self.treaty"), "self.treaty");

        var (exit, output, error) = Run("check", "input");

        Assert.Equal(1, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("input/dangling.treaty(1,1): error SG0010: 'input/dangling.treaty' cannot be read: it is a symbolic link to '", lines[0], StringComparison.Ordinal);
        Assert.Contains("nowhere.treaty', which does not exist", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("input/self.treaty(1,1): error SG0010: 'input/self.treaty' cannot be read: it is a symbolic link that leads back to itself (a link loop);", lines[1], StringComparison.Ordinal);
        Assert.Equal("8 files checked: 2 errors, 0 warnings.", lines[2]);
        Assert.Empty(error);
    }

    [Fact]
    public void A_folder_link_loop_is_entered_once_and_each_real_file_is_read_once()
    {
        Directory.CreateSymbolicLink(Path.Combine(input, "loop"), ".");
        Directory.CreateSymbolicLink(Path.Combine(input, "again"), input);

        var (exit, output, _) = Run("check", "input", Path.Combine(input, "loop", "budapest.treaty"));

        Assert.Equal(0, exit);
        Assert.Equal("6 files checked: 0 errors, 0 warnings.\n", output);
    }

    /// <summary>
    /// Tests run as root here, where mode 000 does not stop a read; /proc/self/mem fails to read at offset 0
    /// (EIO) for root too, so it stands for every file that exists, is regular, and cannot be read.
    /// </summary>
    [Fact]
    public void A_file_whose_read_fails_is_reported_and_the_other_files_still_checked()
    {
        File.CreateSymbolicLink(Path.Combine(input, "secret.treaty"), "/proc/self/mem");

        var (exit, output, error) = Run("check", "input");

        Assert.Equal(1, exit);
        Assert.StartsWith("input/secret.treaty(1,1): error SG0010: 'input/secret.treaty' cannot be read: ", output, StringComparison.Ordinal);
        Assert.EndsWith("7 files checked: 1 error, 0 warnings.\n", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public void Invalid_utf8_in_a_file_is_reported_at_its_line_and_column()
    {
        var text = File.ReadAllText(Path.Combine(Examples, "budapest.treaty")).Replace("title \"Convention on Cybercrime\"", "title \"Convention on Cybercrime\u00E9\"", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = Array.IndexOf(bytes, (byte)0xC3);
        File.WriteAllBytes(Path.Combine(input, "budapest.treaty"), [.. bytes[..at], 0xE9, .. bytes[(at + 2)..]]);
        var line = text[..text.IndexOf('\u00E9', StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var (exit, output, _) = Run("check", "input");

        Assert.Equal(1, exit);
        Assert.StartsWith($"input/budapest.treaty({line},34): error SG0009: The bytes here (0xE9) are not valid UTF-8;", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_far_over_the_limit_is_read_only_up_to_the_limit_and_reported_as_too_large()
    {
        File.WriteAllBytes(Path.Combine(input, "huge.treaty"), Enumerable.Repeat((byte)'a', 5 * SafeguardGen.Language.Compilation.TreatyCompiler.MaxFileLength).ToArray());

        var (exit, output, _) = Run("check", "input");

        Assert.Equal(1, exit);
        Assert.StartsWith("input/huge.treaty(1,1): error SG0006: File has more than 4194304 characters; the limit is 4194304.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absolute_input_path_prints_absolute_and_a_relative_one_relative()
    {
        File.WriteAllText(Path.Combine(input, "aaa.treaty"), "treaty aaa { titel \"C\" }\n");

        var absolute = Run("check", input).Output;
        var relative = Run("check", "./input").Output;

        Assert.StartsWith(input.Replace('\\', '/') + "/aaa.treaty(1,14): error SG0102", absolute, StringComparison.Ordinal);
        Assert.StartsWith("input/aaa.treaty(1,14): error SG0102", relative, StringComparison.Ordinal);
    }
}
