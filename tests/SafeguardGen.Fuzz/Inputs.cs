using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace SafeguardGen.Fuzz;

/// <summary>
/// Where inputs come from: the example treaties and every example on the diagnostic pages (the seeds), mutated
/// at the byte, character and token level and spliced together, and treaties generated from the grammar with
/// adversarial names and texts. Everything is drawn from one seeded <see cref="Random"/>, so a seed replays a run.
/// </summary>
public sealed class Inputs
{
    private static readonly Regex TreatyBlock = new("```treaty\\n(.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>Names that meet C#'s, the generator's or the docs' own: each once collided with something.</summary>
    private static readonly string[] Names =
    {
        "a-b", "a_b", "x", "x-checklist", "x-answers", "question0", "evaluate-x", "x-option-converter", "x-option-names", "to-string",
        "get-type", "memberwise-clone", "reference-equals", "equals", "finalize", "get-hash-code", "facts", "index", "Index", "Ab", "ab",
        "con", "nul", "class", "namespace", "_", "__arglist", "id", "instance", "validate", "title", "kind", "when", "s", "q", "demo",
    };

    /// <summary>Texts that try to break out of where they are written.</summary>
    private static readonly string[] Texts =
    {
        "<script>alert(1)</script>", "<javascript:alert(1)>", "<JAVASCRIPT:alert(1)>", "<data:text/html,x>", "[x](javascript:alert(1))",
        "[a][r] [b][r]\n\n[r]: javascript:alert(1)", "`[c](javascript:alert(2))`", "   # heading", "  - list", " > quote", "1. list",
        "\\u{202E}reversed", "\\u{2066}", "\\u{FFFE}", "\\u{FFFF}", "\\u{1F600}", "\\\"; } class Evil { //", "*/ </summary> {0}", "| cell |",
        "&amp; &lt; &#106;avascript:", "line\\nbreak", "\\u{2028}", "x" + new string('*', 40), new string('>', 80) + " deep",
    };

    private readonly Random random;
    private readonly List<string> seeds;

    public Inputs(int seed, string repositoryRoot)
    {
        random = new Random(seed);
        seeds = Seeds(repositoryRoot);
    }

    public int SeedCount => seeds.Count;

    public static List<string> Seeds(string root)
    {
        var found = Directory.GetFiles(Path.Combine(root, "examples", "treaties"), "*.treaty").OrderBy(p => p, StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        foreach (var page in Directory.GetFiles(Path.Combine(root, "dsl-spec", "diagnostics"), "SG*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            found.AddRange(TreatyBlock.Matches(File.ReadAllText(page).Replace("\r\n", "\n", StringComparison.Ordinal)).Select(m => m.Groups[1].Value));
        }

        return found;
    }

    /// <summary>The next input: a name (what made it, for the report) and its bytes.</summary>
    public (string Kind, byte[] Bytes) Next()
    {
        switch (random.Next(8))
        {
            case 0:
                return ("bytes", MutateBytes(Encoding.UTF8.GetBytes(Pick(seeds))));
            case 1:
                return ("splice", Encoding.UTF8.GetBytes(Splice(Pick(seeds), Pick(seeds))));
            case 2:
            case 3:
                return ("tokens", Encoding.UTF8.GetBytes(MutateTokens(Pick(seeds))));
            case 4:
                return ("long", Encoding.UTF8.GetBytes(Long()));
            default:
                return ("generated", Encoding.UTF8.GetBytes(Generate()));
        }
    }

    private T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];

    private byte[] MutateBytes(byte[] bytes)
    {
        var result = bytes.ToArray();
        for (var n = random.Next(1, 8); n > 0 && result.Length > 0; n--)
        {
            result[random.Next(result.Length)] = (byte)random.Next(256);
        }

        return result;
    }

    private string Splice(string a, string b)
    {
        var cut = random.Next(a.Length + 1);
        var from = random.Next(b.Length + 1);
        return string.Concat(a.AsSpan(0, cut), b.AsSpan(from));
    }

    /// <summary>Deletes, repeats, swaps or replaces whole tokens, or puts a hostile name or text in.</summary>
    private string MutateTokens(string text)
    {
        var tokens = Regex.Split(text, "(\\s+|\"[^\"\\n]*\"|[{}(),.:])").Where(t => t.Length > 0).ToList();
        for (var n = random.Next(1, 6); n > 0 && tokens.Count > 1; n--)
        {
            var i = random.Next(tokens.Count);
            switch (random.Next(6))
            {
                case 0:
                    tokens.RemoveAt(i);
                    break;
                case 1:
                    tokens.Insert(i, tokens[random.Next(tokens.Count)]);
                    break;
                case 2:
                    var j = random.Next(tokens.Count);
                    (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
                    break;
                case 3:
                    tokens[i] = Pick(Names);
                    break;
                case 4:
                    tokens[i] = "\"" + Pick(Texts) + "\"";
                    break;
                default:
                    tokens.Insert(i, " " + Pick(new[] { "and", "or", "not", "(", ")", "when", "unless", "{", "}", "\"\\u{", "\"\"\"" }) + " ");
                    break;
            }
        }

        return string.Concat(tokens);
    }

    /// <summary>A valid treaty with one very long or very deep part: a chain, a list, many declarations.</summary>
    private string Long()
    {
        var size = 1 << random.Next(4, 14);
        var shape = random.Next(4);
        var builder = new StringBuilder("treaty demo {\n  title \"Demo\"\n  reference \"ETS 185\"\n}\n\nsafeguard s : legality {\n  title \"S\"\n  cite demo article 1\n");
        builder.Append("  question q : choice { ask \"Q?\"");
        var options = shape == 1 ? size : 3;
        for (var i = 0; i < options; i++)
        {
            builder.Append(" option o").Append(i).Append(" \"O").Append(i).Append('"');
        }

        builder.Append(" satisfied-by any-of o0 }\n  question y : yes-no { ask \"Y?\" satisfied-by yes }\n");
        switch (shape)
        {
            case 0:
                builder.Append("  when ").Append(string.Join(random.Next(2) == 0 ? " and " : " or ", Enumerable.Repeat("s.y", size))).Append('\n');
                break;
            case 1:
                builder.Append("  when s.q in (").Append(string.Join(", ", Enumerable.Range(0, size).Select(i => "o" + i))).Append(")\n");
                break;
            case 2:
                for (var i = 0; i < size; i++)
                {
                    builder.Append("  exception e").Append(i).Append(" { when s.y outcome satisfied priority ").Append(i).Append(" }\n");
                }

                break;
            default:
                var depth = random.Next(1, 80);
                builder.Append("  when ").Append(new string('(', depth)).Append("s.y").Append(new string(')', depth)).Append('\n');
                break;
        }

        builder.Append("}\n\nmeasure m {\n  title \"M\"\n  safeguards s\n}\n\nchecklist c {\n  title \"C\"\n  measure m\n}\n");
        return builder.ToString();
    }

    /// <summary>A treaty from the grammar: safeguards with questions, conditions, exceptions, guidance; measures, profiles, checklists; names and texts from the hostile pools.</summary>
    private string Generate()
    {
        var treaty = random.Next(3) == 0 ? Pick(Names).Replace("_", "t", StringComparison.Ordinal) : "demo";
        if (!char.IsLetter(treaty[0]))
        {
            treaty = "demo";
        }

        var builder = new StringBuilder();
        builder.Append("treaty ").Append(treaty).Append(" {\n  title \"").Append(Text()).Append("\"\n  reference \"ETS 185\"\n");
        if (random.Next(3) == 0)
        {
            builder.Append("  namespace ").Append(Pick(new[] { "Demo.Checklists", "SafeguardGen.Treaties.X", "A.class.__arglist", "Demo.XChecklist", "SafeguardGen.Logic" })).Append('\n');
        }

        builder.Append("}\n\n");
        if (random.Next(2) == 0)
        {
            builder.Append("fact urgent : yes-no {\n  ask \"Urgent?\"\n}\n\n");
        }

        var safeguards = new List<string>();
        for (var s = random.Next(1, 6); s > 0; s--)
        {
            var name = Unique(safeguards);
            var questions = new List<string>();
            builder.Append("safeguard ").Append(name).Append(" : ").Append(Pick(new[] { "legality", "necessity", "oversight(judicial)", "refusal-ground(mandatory)", "refusal-ground(optional)", "dual-criminality" })).Append(" {\n");
            builder.Append("  title \"").Append(Text()).Append("\"\n  cite ").Append(treaty).Append(" article ").Append(random.Next(1, 60)).Append(random.Next(2) == 0 ? " verified\n" : "\n");
            if (random.Next(2) == 0)
            {
                builder.Append("  guidance \"\"\"\n").Append(Text()).Append('\n').Append(Text()).Append("\n  \"\"\"\n");
            }

            for (var q = random.Next(1, 4); q > 0; q--)
            {
                var question = Unique(questions);
                if (random.Next(2) == 0)
                {
                    builder.Append("  question ").Append(question).Append(" : yes-no { ask \"").Append(Text()).Append("\" satisfied-by yes }\n");
                }
                else
                {
                    builder.Append("  question ").Append(question).Append(" : choice { ask \"Q?\" option ").Append(Pick(Names).Replace("_", "u", StringComparison.Ordinal).TrimStart('u')).Append(" \"").Append(Text()).Append("\" option zz \"Z\" satisfied-by any-of zz }\n");
                }
            }

            var yesNo = Regex.Matches(builder.ToString(), "question ([A-Za-z0-9_-]+) : yes-no").Select(m => m.Groups[1].Value).Where(questions.Contains).ToList();
            if (yesNo.Count > 0 && random.Next(2) == 0)
            {
                builder.Append("  when ").Append(string.Join(random.Next(2) == 0 ? " and " : " or ", Enumerable.Range(0, random.Next(1, 6)).Select(_ => (random.Next(3) == 0 ? "not " : string.Empty) + name + "." + Pick(yesNo)))).Append('\n');
            }

            if (yesNo.Count > 0 && random.Next(3) == 0)
            {
                builder.Append("  exception lifted {\n    when ").Append(name).Append('.').Append(Pick(yesNo)).Append("\n    outcome satisfied\n    priority 1\n    because \"").Append(Text()).Append("\"\n  }\n");
            }

            builder.Append("}\n\n");
            safeguards.Add(name);
        }

        var checklists = new List<string>();
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var measure = "m" + m;
            builder.Append("measure ").Append(measure).Append(" {\n  title \"").Append(Text()).Append("\"\n  safeguards ").Append(string.Join(", ", safeguards.OrderBy(_ => random.Next()).Take(random.Next(1, safeguards.Count + 1)))).Append("\n}\n\n");
            var checklist = Unique(checklists);
            builder.Append("checklist ").Append(checklist).Append(" {\n  title \"").Append(Text()).Append("\"\n  measure ").Append(measure).Append("\n  include ").Append(string.Join(", ", safeguards)).Append("\n}\n\n");
            checklists.Add(checklist);
        }

        return builder.ToString();
    }

    private string Unique(List<string> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = attempt < 8 ? Pick(Names) : "n" + attempt;
            if (char.IsLetter(name[0]) && !taken.Contains(name) && name is not ("when" or "title" or "kind"))
            {
                return name;
            }
        }
    }

    private string Text() => random.Next(3) == 0 ? Pick(Texts).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) : "Plain words " + random.Next(1000);
}
