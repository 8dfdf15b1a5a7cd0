using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Tests;

internal static class Support
{
    public static string RepositoryRoot => SafeguardGen.Testing.TestProcess.RepositoryRoot;

    public static string ExamplesFolder => Path.Combine(RepositoryRoot, "examples", "treaties");

    /// <summary>Compiles .treaty files; files whose name ends in .json are the request files scenarios read.</summary>
    public static CompilationResult Compile(params (string Path, string Text)[] files) =>
        TreatyCompiler.Bind(
            files.Where(f => !f.Path.EndsWith(".json", StringComparison.Ordinal)).Select(f => TreatyCompiler.Parse(new SourceText(f.Path, f.Text))),
            files.Where(f => f.Path.EndsWith(".json", StringComparison.Ordinal)).Select(f => new AnswersFile(f.Path, f.Text, null)));

    public static CompilationResult Compile(string text) => Compile(("example.treaty", text));

    public static IReadOnlyList<(string Path, string Text)> ExampleFiles() =>
        Directory.GetFiles(ExamplesFolder, "*.treaty")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();

    public static string[] Lines(IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(d => d.ToString()).ToArray();

    /// <summary>A header and one valid safeguard, to which a test adds what it is about.</summary>
    public const string Header = """
        treaty demo {
          title "Demo"
          reference "ETS 185"
        }

        """;

    public const string LegalBasis = """
        safeguard legal-basis : legality {
          title "Legal basis"
          cite demo article 15
          question provided-by-law : yes-no {
            ask "Is the power provided for by law?"
            satisfied-by yes
          }
        }

        """;
}
