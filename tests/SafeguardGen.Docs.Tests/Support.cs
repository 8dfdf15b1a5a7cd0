using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Docs.Tests;

internal static class Support
{
    public static readonly string Root = SafeguardGen.Testing.TestProcess.RepositoryRoot;

    /// <summary>The example treaties and the comparisons of them.</summary>
    public static CompilationResult Examples() => Compile(Directory.GetFiles(Path.Combine(Root, "examples", "treaties"), "*.treaty")
        .Concat(Directory.GetFiles(Path.Combine(Root, "examples", "comparisons"), "*.treaty"))
        .OrderBy(p => p, StringComparer.Ordinal)
        .Select(p => (Path.GetFileName(p), File.ReadAllText(p)))
        .ToArray());

    public static CompilationResult Compile(params (string Path, string Text)[] files) => TreatyCompiler.Compile(files.Select(f => new SourceText(f.Path, f.Text)));

    public static IReadOnlyDictionary<string, string> Render(DocsFormat format, CompilationResult? compiled = null, string? templates = null)
    {
        var result = DocsRenderer.Render((compiled ?? Examples()).Model, format, templates);
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        return result.Files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
    }

    public const string Hostile = """
        treaty hostile {
          title "<script>alert('title')</script> | table | [link](http://evil.example) *bold* # heading"
          reference "X & Y <b>"
        }

        safeguard s : legality {
          title "1. <img src=x onerror=alert(1)> | cell"
          guidance "Read [this](javascript:alert(1)) and <script>alert(2)</script> **carefully**."
          cite hostile article 1
          question q : yes-no {
            ask "Is it <em>safe</em> | really?"
            satisfied-by yes
          }
        }

        profile p {
          title "P"
          requires kind legality
        }

        measure m {
          title "M | <i>"
          adopts p
          safeguards s
        }

        checklist c {
          title "C"
          measure m
        }
        """;
}
