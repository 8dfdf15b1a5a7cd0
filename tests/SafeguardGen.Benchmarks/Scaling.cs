using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Emit;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Benchmarks;

/// <summary>
/// Scaling: for each shape of input that once took quadratic time or overflowed the stack, files of doubling size up
/// to the 4 Mi-character limit, timed stage by stage (parse, bind and checks, C# emission), in nanoseconds per
/// character. A linear stage keeps its figure flat as the size doubles; a quadratic one doubles it. Then, with
/// <c>cost</c>, what one file just under the limit costs in <c>safeguard check</c>, <c>safeguard docs</c> (both
/// formats) and a <c>dotnet build</c> with the generator, each as a fresh process.
/// </summary>
public static class Scaling
{
    public delegate string Shape(int size);

    public static readonly IReadOnlyList<(string Name, Shape Make)> Shapes = new (string, Shape)[]
    {
        ("safeguards", Safeguards),
        ("options in a condition", Options),
        ("and-chain", n => Chain(n, "and")),
        ("or-chain", n => Chain(n, "or")),
        ("exceptions", Exceptions),
        ("kinds required", Kinds),
        ("unresolved names", Unresolved),
        ("unclosed \\u{ escapes", UnclosedEscapes),
    };

    private const string Header = "treaty demo {\n  title \"Demo\"\n  title@fr \"Démo\"\n  reference \"ETS 185\"\n  translations fr\n}\n\n";
    private const string PlainHeader = "treaty demo {\n  title \"Demo\"\n  reference \"ETS 185\"\n}\n\n";
    private const string Tail = "measure m {\n  title \"M\"\n  safeguards s\n}\n\nchecklist c {\n  title \"C\"\n  measure m\n}\n";

    public static string Safeguards(int n)
    {
        var builder = new StringBuilder(Header);
        for (var i = 0; i < n; i++)
        {
            builder.Append("safeguard s").Append(i).Append(" : legality, oversight(judicial) {\n  title \"Safeguard ").Append(i).Append("\"\n  title@fr \"Garantie ").Append(i)
                .Append("\"\n  cite demo article ").Append(i % 50 + 1).Append(" paragraph 2 verified\n  guidance \"See *Art. ").Append(i % 50 + 1).Append("* and [the text](https://example.org/").Append(i).Append(").\"\n  guidance@fr \"Voir l'article.\"\n")
                .Append("  question q : yes-no {\n    ask \"Is condition ").Append(i).Append(" met?\"\n    ask@fr \"La condition est-elle remplie ?\"\n    satisfied-by yes\n  }\n}\n\n");
        }

        builder.Append("profile p {\n  title \"P\"\n  title@fr \"P\"\n  requires kind legality, oversight(judicial)\n}\n\nmeasure m {\n  title \"M\"\n  title@fr \"M\"\n  adopts p\n  safeguards ")
            .Append(string.Join(", ", Enumerable.Range(0, n).Select(i => "s" + i))).Append("\n}\n\nchecklist c {\n  title \"C\"\n  title@fr \"C\"\n  measure m\n}\n");
        return builder.ToString();
    }

    private static string Options(int n)
    {
        var names = Enumerable.Range(0, n).Select(i => "o" + i).ToList();
        return PlainHeader + "safeguard s : legality {\n  title \"S\"\n  cite demo article 1\n  question q : choice {\n    ask \"Q?\"\n"
            + string.Concat(names.Select(o => "    option " + o + " \"Option " + o + "\"\n")) + "    satisfied-by any-of " + string.Join(", ", names.Take(n / 2)) + "\n  }\n"
            + "  when s.q in (" + string.Join(", ", names) + ")\n}\n\n" + Tail;
    }

    private static string Chain(int n, string op) =>
        PlainHeader + "safeguard s : legality {\n  title \"S\"\n  cite demo article 1\n  question a : yes-no { ask \"A?\" satisfied-by yes }\n  question b : yes-no { ask \"B?\" satisfied-by yes }\n"
        + "  when " + string.Join(" " + op + " ", Enumerable.Range(0, n).Select(i => i % 2 == 0 ? "s.a" : "not s.b")) + "\n}\n\n" + Tail;

    private static string Exceptions(int n)
    {
        var builder = new StringBuilder(PlainHeader).Append("safeguard s : legality {\n  title \"S\"\n  cite demo article 1\n  question a : yes-no { ask \"A?\" satisfied-by yes }\n");
        for (var i = 0; i < n; i++)
        {
            builder.Append("  exception e").Append(i).Append(" {\n    when s.a\n    outcome satisfied\n    priority ").Append(i + 1).Append("\n    because \"Reason ").Append(i).Append("\"\n  }\n");
        }

        return builder.Append("}\n\n").Append(Tail).ToString();
    }

    private static string Kinds(int n) =>
        PlainHeader + string.Concat(Enumerable.Range(0, n).Select(i => "kind k" + i + " {\n  title \"Kind " + i + "\"\n}\n"))
        + "safeguard s : " + string.Join(", ", Enumerable.Range(0, n).Select(i => "k" + i)) + " {\n  title \"S\"\n  cite demo article 1\n  question a : yes-no { ask \"A?\" satisfied-by yes }\n}\n\n"
        + "profile p {\n  title \"P\"\n  requires kind " + string.Join(", ", Enumerable.Range(0, n).Select(i => "k" + i)) + "\n}\n\nmeasure m {\n  title \"M\"\n  adopts p\n  safeguards s\n}\n";

    private static string Unresolved(int n) =>
        PlainHeader + "measure m {\n  title \"M\"\n  safeguards " + string.Join(", ", Enumerable.Range(0, n).Select(i => "missing" + i)) + "\n}\n";

    private static string UnclosedEscapes(int n) =>
        PlainHeader + "safeguard s : legality { title " + string.Concat(Enumerable.Repeat("\"\\u{\" ", n)) + "}\n";

    /// <summary>Prints, for every shape, the time per character of each stage at sizes doubling up to the file limit.</summary>
    public static int Run(TextWriter output, int smallest = 512, int repeats = 3)
    {
        output.WriteLine("shape | characters | parse ns/char | bind+checks ns/char | emit ns/char | diagnostics");
        foreach (var (name, make) in Shapes)
        {
            for (var size = smallest; ; size *= 2)
            {
                var text = make(size);
                if (text.Length > TreatyCompiler.MaxFileLength)
                {
                    break;
                }

                var (parse, bind, emit, diagnostics) = Measure(text, repeats);
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} | {1} | {2:F0} | {3:F0} | {4:F0} | {5}", name, text.Length, parse / text.Length, bind / text.Length, emit / text.Length, diagnostics));
            }
        }

        return 0;
    }

    /// <summary>The best of <paramref name="repeats"/> runs of each stage, in nanoseconds.</summary>
    public static (double Parse, double Bind, double Emit, int Diagnostics) Measure(string text, int repeats)
    {
        double parse = double.MaxValue, bind = double.MaxValue, emit = double.MaxValue;
        var diagnostics = 0;
        for (var r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            var parsed = TreatyCompiler.Parse(new SourceText("scale.treaty", text));
            parse = Math.Min(parse, watch.Elapsed.TotalMilliseconds * 1e6);

            watch.Restart();
            var bound = TreatyCompiler.Bind(new[] { parsed });
            bind = Math.Min(bind, watch.Elapsed.TotalMilliseconds * 1e6);
            diagnostics = bound.Diagnostics.Count;

            watch.Restart();
            foreach (var slice in ChecklistSlice.From(bound.Model))
            {
                CSharpEmitter.Emit(slice);
            }

            emit = Math.Min(emit, watch.Elapsed.TotalMilliseconds * 1e6);
        }

        return (parse, bind, emit, diagnostics);
    }

    /// <summary>What one file just under the limit costs end to end, each command a fresh process.</summary>
    public static int Cost(TextWriter output, string cli, bool build)
    {
        var size = 1;
        while (Safeguards(size * 2).Length <= TreatyCompiler.MaxFileLength)
        {
            size *= 2;
        }

        while (Safeguards(size + 1000).Length <= TreatyCompiler.MaxFileLength)
        {
            size += 1000;
        }

        var root = Directory.CreateTempSubdirectory("safeguard-cost-").FullName;
        try
        {
            var text = Safeguards(size);
            var file = Path.Combine(root, "large.treaty");
            File.WriteAllText(file, text);
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "one file of {0} characters ({1} safeguards, each with a question, a citation, guidance and a French translation)", text.Length, size));
            Time(output, "safeguard check", root, cli, "check", file);
            Time(output, "safeguard docs --format md", root, cli, "docs", file, "--out", Path.Combine(root, "md"));
            Time(output, "safeguard docs --format html", root, cli, "docs", file, "--out", Path.Combine(root, "html"), "--format", "html");
            if (build)
            {
                var project = Directory.CreateDirectory(Path.Combine(root, "consumer")).FullName;
                File.Copy(file, Path.Combine(project, "large.treaty"));
                BuildComparison.WriteConsumer(project, analyzer: true);
                SafeguardGen.Testing.TestProcess.Dotnet(project, "restore", "-v:q");
                Time(output, "dotnet build (generator and compilation of the generated C#)", project, null, "build", "--no-restore", "-nologo", "-v:q");
                SafeguardGen.Testing.TestProcess.Dotnet(project, "build-server", "shutdown");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Time(TextWriter output, string what, string folder, string? dll, params string[] args)
    {
        var watch = Stopwatch.StartNew();
        var (exit, text) = SafeguardGen.Testing.TestProcess.Dotnet(folder, dll is null ? args : new[] { dll }.Concat(args).ToArray());
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1:F2} s (exit {2}){3}", what, watch.Elapsed.TotalSeconds, exit, exit is 0 or 1 ? string.Empty : "\n" + text));
    }
}
