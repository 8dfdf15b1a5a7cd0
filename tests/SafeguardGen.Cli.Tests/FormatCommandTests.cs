using System.IO;

namespace SafeguardGen.Cli.Tests;

public sealed class FormatCommandTests
{
    [Fact]
    public void The_examples_pass_format_check()
    {
        var (exit, output, error) = Commands.Run("format", "--check", Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples"));

        Assert.True(exit == 0, output + error);
        Assert.EndsWith("files would be reformatted.\n", output, System.StringComparison.Ordinal);
        Assert.StartsWith("0 of ", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Check_lists_a_file_that_would_change_exits_with_1_and_writes_nothing()
    {
        using var folder = new ScratchFolder("safeguard-format");
        const string messy = "treaty demo {\ntitle \"Demo\"\n}\n";
        var path = folder.Write("demo.treaty", messy);

        var (exit, output, _) = Commands.Run("format", "--check", path);

        Assert.Equal(1, exit);
        Assert.Contains("Would reformat ", output, System.StringComparison.Ordinal);
        Assert.Equal(messy, File.ReadAllText(path));
    }

    [Fact]
    public void Format_rewrites_a_file_in_the_canonical_layout_and_a_second_run_changes_nothing()
    {
        using var folder = new ScratchFolder("safeguard-format");
        var path = folder.Write("demo.treaty", "treaty demo {\ntitle \"Demo\" // the title\n}\n");

        var first = Commands.Run("format", path);
        var second = Commands.Run("format", "--check", path);

        Assert.Equal(0, first.Exit);
        Assert.Equal("treaty demo {\n  title \"Demo\" // the title\n}\n", File.ReadAllText(path));
        Assert.Equal(0, second.Exit);
    }

    [Fact]
    public void A_file_with_a_syntax_error_is_not_formatted_and_the_error_is_printed()
    {
        using var folder = new ScratchFolder("safeguard-format");
        var path = folder.Write("demo.treaty", "treaty demo {\n  title \"Demo\n}\n");

        var (exit, output, _) = Commands.Run("format", path);

        Assert.Equal(1, exit);
        Assert.Contains("error SG0", output, System.StringComparison.Ordinal);
        Assert.Contains("not formatted: fix the errors above.", output, System.StringComparison.Ordinal);
        Assert.Equal("treaty demo {\n  title \"Demo\n}\n", File.ReadAllText(path));
    }
}
