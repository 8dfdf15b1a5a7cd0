using System;
using System.IO;
using System.Linq;

namespace SafeguardGen.Docs.Tests;

/// <summary>Custom templates: they override the defaults, and their mistakes are reported at their line and column.</summary>
public sealed class TemplateTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("safeguard-templates-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private DocsResult RenderWith(string name, string template)
    {
        File.WriteAllText(Path.Combine(folder, name + ".scriban"), template);
        return DocsRenderer.Render(Support.Examples().Model, DocsFormat.Markdown, folder);
    }

    [Fact]
    public void A_custom_template_overrides_its_default_and_the_others_stay()
    {
        var result = RenderWith("treaty", "# {{ treaty.title }}\n{{ for s in treaty.mandatory_grounds }}- {{ s.title }}\n{{ end }}");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("# European Convention on Extradition\n- Political offence\n- Request made to persecute\n- Final judgment already given in the requested Party\n- Immunity by reason of lapse of time\n", result.Files.Single(f => f.Path == "en/ets24.md").Content);
        Assert.Contains("## How the decision is reached", result.Files.Single(f => f.Path == "en/budapest.extradition-review.md").Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_syntax_error_is_reported_at_its_line_and_column_and_nothing_is_rendered_with_it()
    {
        var result = RenderWith("treaty", "# {{ treaty.title }}\n\n{{ for s in treaty.measures }}\n- {{ s.title\n");

        var diagnostic = Assert.Single(result.Diagnostics.Select(d => d.ToString()).Where(d => d.Contains("SG0500", StringComparison.Ordinal)).Take(1));
        Assert.StartsWith(Path.Combine(folder, "treaty.scriban").Replace('\\', '/') + "(4,", diagnostic, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Files, f => f.Path == "en/ets24.md");
    }

    [Fact]
    public void A_template_runtime_error_is_reported_at_its_line_and_column()
    {
        var result = RenderWith("treaty", "# {{ treaty.title }}\n{{ treaty.no_such_member.size }}\n");

        var diagnostic = result.Diagnostics[0];
        Assert.Equal("SG0501", diagnostic.Id);
        Assert.Equal((2, 11), (diagnostic.Location.Start.Line, diagnostic.Location.Start.Column));
        Assert.EndsWith("treaty.scriban", diagnostic.Location.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_loop_is_stopped_by_the_loop_limit()
    {
        var result = RenderWith("treaty", "{{ while true }}x{{ end }}");

        Assert.Equal("SG0501", result.Diagnostics[0].Id);
        Assert.Contains("loop", result.Diagnostics[0].Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Endless_recursion_is_stopped_by_the_recursion_limit()
    {
        var result = RenderWith("treaty", "{{ func f(x); ret f(x); end; f(1) }}");

        Assert.Equal("SG0501", result.Diagnostics[0].Id);
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/other")]
    public void Include_cannot_read_a_file_outside_the_template_set(string path)
    {
        var result = RenderWith("treaty", "{{ include \"" + path + "\" }}");

        var diagnostic = result.Diagnostics[0];
        Assert.Equal("SG0501", diagnostic.Id);
        Assert.Contains("not a path", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Files, f => f.Content.Contains("root:", StringComparison.Ordinal));
    }
}
