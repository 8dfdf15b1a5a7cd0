using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SafeguardGen.Cli.Tests;

public sealed class ExportCommandTests
{
    private static readonly string Treaties = Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples", "treaties");

    private static readonly string Comparisons = Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples", "comparisons");

    private static readonly string Request = Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples", "AssessmentApp", "requests", "extradition-persecution.json");

    [Fact]
    public void Exporting_twice_writes_the_same_bytes_and_leaves_unchanged_files_untouched()
    {
        using var folder = new ScratchFolder("export");

        var first = Commands.Run("export", "oscal-mapping", Treaties, Comparisons, "--out", folder.Path, "--last-modified", "2026-11-23T10:00:00Z");
        var bytes = Directory.GetFiles(folder.Path).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var second = Commands.Run("export", "oscal-mapping", Treaties, Comparisons, "--out", folder.Path, "--last-modified", "2026-11-23T10:00:00Z");

        Assert.Equal(0, first.Exit);
        Assert.Equal(4, bytes.Count);
        Assert.Contains("Wrote ", first.Output, StringComparison.Ordinal);
        Assert.Equal(4, second.Output.Split('\n').Count(l => l.StartsWith("Unchanged: ", StringComparison.Ordinal)));
        Assert.Equal(bytes, Directory.GetFiles(folder.Path).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        Assert.Contains("\"last-modified\": \"2026-11-23T10:00:00Z\"", bytes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Results_take_the_checklist_from_the_request_file_and_record_the_decision()
    {
        using var folder = new ScratchFolder("export");

        var (exit, output, error) = Commands.Run("export", "oscal-results", Treaties, "--answers", Request, "--out", folder.Path);

        Assert.True(exit == 0, error);
        Assert.Contains("extradition-persecution.results.json", output, StringComparison.Ordinal);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "extradition-persecution.results.json")));
        var decision = results.RootElement.GetProperty("assessment-results").GetProperty("metadata").GetProperty("props").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "decision");
        Assert.Equal("must-refuse", decision.GetProperty("value").GetString());
    }

    [Fact]
    public void Answers_that_do_not_fit_the_checklist_are_reported_in_the_answers_file_and_nothing_is_written()
    {
        using var folder = new ScratchFolder("export");
        var answers = folder.Write("bad.json", """{ "checklist": "budapest.extradition-review", "answers": { "persecution": { "grounds": ["no-such-ground"] } } }""");

        var (exit, _, error) = Commands.Run("export", "oscal-results", Treaties, "--answers", answers, "--out", Path.Combine(folder.Path, "out"));

        Assert.Equal(1, exit);
        Assert.Contains("bad.json(1,", error, StringComparison.Ordinal);
        Assert.Contains("SG0221", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "out")));
    }

    [Fact]
    public void Results_without_answers_is_a_usage_error()
    {
        var (exit, _, error) = Commands.Run("export", "oscal-results", Treaties, "--out", "unused");

        Assert.Equal(2, exit);
        Assert.Contains("oscal-results needs --answers <file>", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_command_prints_the_checklists_answers_schema()
    {
        var (exit, output, _) = Commands.Run("schema", "extradition-review", Treaties);

        Assert.Equal(2, exit);
        var qualified = Commands.Run("schema", "budapest.extradition-review", Treaties);
        Assert.Equal(0, qualified.Exit);
        using var schema = JsonDocument.Parse(qualified.Output);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
        Assert.Contains("persecution", schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Empty(output);
    }
}
