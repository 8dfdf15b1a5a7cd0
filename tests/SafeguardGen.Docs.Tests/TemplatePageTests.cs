using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SafeguardGen.Docs.Tests;

/// <summary>The pages of the template diagnostics are tests: the failing template gives exactly the documented output, the fixed one none.</summary>
public sealed partial class TemplatePageTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("safeguard-template-page-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string[] Render(string section)
    {
        var templates = Path.Combine(root, "templates");
        Directory.CreateDirectory(templates);
        foreach (Match block in Fence().Matches(section))
        {
            File.WriteAllText(Path.Combine(templates, block.Groups["file"].Value), block.Groups["body"].Value + "\n");
        }

        var result = DocsRenderer.Render(Support.Examples().Model, DocsFormat.Markdown, templates);
        return result.Diagnostics.Select(d => d.ToString().Replace(root.Replace('\\', '/') + "/", string.Empty, StringComparison.Ordinal)).ToArray();
    }

    [Theory]
    [InlineData("SG0500")]
    [InlineData("SG0501")]
    public void The_failing_template_reports_exactly_the_documented_diagnostic_and_the_fixed_one_nothing(string id)
    {
        var page = File.ReadAllText(Path.Combine(Support.Root, "dsl-spec", "diagnostics", id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var at = page.IndexOf("## Fixed example", StringComparison.Ordinal);
        var expected = Regex.Match(page.Substring(0, at), "```text\\n(?<body>.*?)\\n```", RegexOptions.Singleline).Groups["body"].Value.Split('\n');

        Assert.Equal(expected, Render(page.Substring(0, at)));
        Assert.Empty(Render(page.Substring(at)));
    }

    [GeneratedRegex("^```scriban file=(?<file>[^\\n]+)\\n(?<body>.*?)\\n```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
