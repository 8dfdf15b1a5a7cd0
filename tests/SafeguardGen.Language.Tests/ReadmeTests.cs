using System;
using System.IO;
using System.Text.RegularExpressions;

namespace SafeguardGen.Language.Tests;

public sealed partial class ReadmeTests
{
    [Fact]
    public void The_readme_example_reports_exactly_what_the_readme_shows()
    {
        var readme = File.ReadAllText(Path.Combine(Support.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var treaty = Block().Match(readme);
        var output = Block().Match(readme, treaty.Index + treaty.Length);
        Assert.Equal("treaty", treaty.Groups["info"].Value);
        Assert.Equal("text", output.Groups["info"].Value);

        var result = Support.Compile(("budapest.treaty", treaty.Groups["body"].Value));

        Assert.Equal([output.Groups["body"].Value], Support.Lines(result.Diagnostics));
    }

    [GeneratedRegex("^```(?<info>treaty|text)\\n(?<body>.*?)\\n```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();
}
