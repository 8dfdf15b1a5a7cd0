using System;
using System.IO;
using System.Linq;

namespace SafeguardGen.Docs.Tests;

/// <summary>
/// The default templates over the example treaties, compared with the reviewed output in Golden/. A change to a
/// template or to the examples shows as a diff; set SAFEGUARD_UPDATE_GOLDEN=1 to write the new output, then review it.
/// </summary>
public sealed class GoldenTests
{
    private static readonly string Folder = Path.Combine(Support.Root, "tests", "SafeguardGen.Docs.Tests", "Golden");

    [Theory]
    [InlineData(DocsFormat.Markdown, "md")]
    [InlineData(DocsFormat.Html, "html")]
    public void The_default_templates_render_the_examples_exactly_as_reviewed(DocsFormat format, string folder)
    {
        var files = Support.Render(format).Where(f => f.Key.StartsWith("en/", StringComparison.Ordinal) || !f.Key.Contains('/', StringComparison.Ordinal)).ToList();
        var golden = Path.Combine(Folder, folder);
        if (Environment.GetEnvironmentVariable("SAFEGUARD_UPDATE_GOLDEN") == "1")
        {
            if (Directory.Exists(golden))
            {
                Directory.Delete(golden, recursive: true);
            }

            DocsWriter.Write(golden, files.Select(f => new RenderedFile(f.Key, f.Value)).ToList());
        }

        var expected = Directory.GetFiles(golden, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(golden, p).Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal);
        Assert.Equal(expected, files.Select(f => f.Key).OrderBy(p => p, StringComparer.Ordinal));
        foreach (var (path, content) in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(golden, path)).Replace("\r\n", "\n", StringComparison.Ordinal), content);
        }
    }

    [Fact]
    public void One_set_of_pages_is_rendered_per_declared_language_and_per_official_UN_language()
    {
        var files = Support.Render(DocsFormat.Markdown);

        Assert.Equal(["ar", "en", "es", "fr", "ru", "zh"], files.Keys.Where(k => k.Contains('/', StringComparison.Ordinal)).Select(k => k.Split('/')[0]).Distinct().OrderBy(k => k, StringComparer.Ordinal));
        Assert.Contains("Procès équitable", files["fr/common.md"], StringComparison.Ordinal);
        Assert.Contains("Juicio justo", files["es/common.md"], StringComparison.Ordinal);
        Assert.Contains("Fair trial", files["en/common.md"], StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_twice_gives_the_same_bytes()
    {
        Assert.Equal(Support.Render(DocsFormat.Html), Support.Render(DocsFormat.Html));
    }
}
