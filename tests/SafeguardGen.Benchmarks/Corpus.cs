using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SafeguardGen.Benchmarks;

/// <summary>
/// Writes a deterministic corpus of realistic .treaty files, shaped like the examples: a shared library with
/// instruments, a custom kind and facts; treaties that import it, declare French translations, and hold
/// safeguards with typed questions, conditions, exceptions, profiles, measures and a checklist.
/// </summary>
public static class Corpus
{
    public static IReadOnlyList<(string Path, string Text)> Create(int files)
    {
        var result = new List<(string, string)> { ("lib.treaty", Library) };
        for (var i = 1; i < files; i++)
        {
            result.Add(($"treaty-{i:D4}.treaty", Treaty(i)));
        }

        return result;
    }

    public const string Library = """
        // Shared library for the benchmark corpus.
        treaty lib {
          title "Benchmark library"
          title@fr "Bibliothèque de référence"
          reference "LIB 1"
          translations fr
        }

        instrument iccpr {
          title "International Covenant on Civil and Political Rights"
          title@fr "Pacte international relatif aux droits civils et politiques"
          reference "ICCPR"
        }

        kind fair-trial {
          title "Fair trial"
          title@fr "Procès équitable"
        }

        fact coercive : yes-no {
          ask "Does executing the request require coercive action?"
          ask@fr "L'exécution de la demande exige-t-elle une mesure coercitive ?"
        }

        fact treaty-in-force : yes-no {
          ask "Is an assistance treaty in force?"
          ask@fr "Un traité d'entraide est-il en vigueur ?"
        }
        """;

    private static readonly string[] Kinds = ["legality", "proportionality", "oversight(judicial)", "necessity", "scope-limitation", "duration-limit", "redress", "data-protection"];

    public static string Treaty(int index)
    {
        var random = new Random(index);
        var b = new StringBuilder();
        var name = "t" + index.ToString(CultureInfo.InvariantCulture);
        b.Append("// Benchmark treaty ").Append(index).Append('\n');
        b.Append("treaty ").Append(name).Append(" {\n  title \"Convention number ").Append(index).Append("\"\n  title@fr \"Convention numéro ").Append(index).Append("\"\n  reference \"BENCH ").Append(index).Append("\"\n  version 2024-12-24\n  translations fr\n}\n\nimport lib\n\n");
        var safeguards = new List<string>();
        for (var s = 0; s < 8; s++)
        {
            var id = "safeguard-" + s;
            safeguards.Add(id);
            var kind = Kinds[(s + index) % Kinds.Length];
            b.Append("safeguard ").Append(id).Append(" : ").Append(kind).Append(" {\n");
            b.Append("  title \"Safeguard ").Append(s).Append(" of convention ").Append(index).Append("\"\n");
            b.Append("  title@fr \"Garantie ").Append(s).Append(" de la convention ").Append(index).Append("\"\n");
            b.Append("  cite ").Append(name).Append(" article ").Append(10 + s).Append(" paragraph ").Append(1 + (s % 3)).Append(s % 2 == 0 ? " verified\n" : " unverified \"Paragraph number assumed.\"\n");
            b.Append("  cite lib.iccpr article ").Append(14 + (s % 4)).Append('\n');
            if (s % 3 == 1)
            {
                b.Append("  when lib.coercive and not lib.treaty-in-force\n");
            }

            b.Append("  question answer : yes-no {\n    ask \"Is safeguard ").Append(s).Append(" respected in this case?\"\n    ask@fr \"La garantie ").Append(s).Append(" est-elle respectée ?\"\n    satisfied-by yes\n  }\n");
            if (random.Next(2) == 0)
            {
                b.Append("  question years : number {\n    ask \"What is the maximum penalty, in years?\"\n    ask@fr \"Quelle est la peine maximale, en années ?\"\n    satisfied-by >= ").Append(1 + random.Next(4)).Append("\n  }\n");
            }

            if (s % 4 == 2)
            {
                b.Append("  question grounds : list of choice {\n    ask \"Which grounds apply?\"\n    ask@fr \"Quels motifs s'appliquent ?\"\n    option race \"Race\" @fr \"Race\"\n    option religion \"Religion\" @fr \"Religion\"\n    option political-opinion \"Political opinion\" @fr \"Opinion politique\"\n    satisfied-by empty\n  }\n");
                b.Append("  exception assured {\n    when ").Append(id).Append(".answer and ").Append(id).Append(".grounds contains religion\n    outcome satisfied\n    priority 1\n    because \"Assurances lift it.\"\n    because@fr \"Des assurances la lèvent.\"\n  }\n");
            }

            b.Append("  guidance \"\"\"\n    Check the **order** and the file.\n    \"\"\"\n  guidance@fr \"\"\"\n    Vérifier l'**ordonnance** et le dossier.\n    \"\"\"\n}\n\n");
        }

        b.Append("profile core {\n  title \"Core safeguards\"\n  title@fr \"Garanties essentielles\"\n  requires kind legality\n}\n\n");
        b.Append("measure production-order {\n  title \"Production order\"\n  title@fr \"Injonction de produire\"\n  safeguards ").Append(string.Join(", ", safeguards)).Append("\n}\n\n");
        b.Append("checklist review {\n  title \"Review\"\n  title@fr \"Examen\"\n  measure production-order\n}\n");
        return b.ToString();
    }
}
