using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SafeguardGen.Docs;

/// <summary>
/// The words of the pages themselves (headings, legends, form fields, the built-in kinds' titles), one checked-in
/// table per language in Labels/*.json. A page in a language with no table gets the English words, and
/// <see cref="IsTranslated"/> is false so that the page says so instead of passing English off as the language.
/// </summary>
internal sealed class Labels
{
    /// <summary>The languages with a table: the six official languages of the United Nations.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "ar", "es", "fr", "ru", "zh"];

    private static readonly Dictionary<string, Labels> Tables = new(StringComparer.OrdinalIgnoreCase);
    private static readonly object Gate = new();

    private readonly IReadOnlyDictionary<string, string> words;

    private Labels(string language, IReadOnlyDictionary<string, string> words, bool translated)
    {
        Language = language;
        this.words = words;
        IsTranslated = translated;
    }

    /// <summary>The language the words are in.</summary>
    public string Language { get; }

    /// <summary>False when the requested language has no table and these are the English words.</summary>
    public bool IsTranslated { get; }

    /// <summary>Every key and its words.</summary>
    public IReadOnlyDictionary<string, string> Words => words;

    /// <summary>The words of <paramref name="key"/>; a missing key is a bug in the tables, which a test rules out.</summary>
    public string this[string key] => words.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException("The label table '" + Language + "' has no key '" + key + "'.");

    /// <summary>Whether the script of the language runs right to left.</summary>
    public bool RightToLeft => this["direction"] == "rtl";

    /// <summary>The words of <paramref name="key"/> with {0}, {1}... replaced by <paramref name="arguments"/>.</summary>
    public string Format(string key, params string[] arguments) => Fill(this[key], arguments);

    /// <summary>
    /// Puts the arguments into a template's {0}...{9} in one pass, so that a brace in an argument is never read as a
    /// placeholder; a placeholder with no argument becomes empty.
    /// </summary>
    public static string Fill(string template, IReadOnlyList<string> arguments)
    {
        var result = new System.Text.StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 2 < template.Length && template[i + 1] is >= '0' and <= '9' && template[i + 2] == '}')
            {
                var index = template[i + 1] - '0';
                result.Append(index < arguments.Count ? arguments[index] : string.Empty);
                i += 2;
            }
            else
            {
                result.Append(template[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>The title of a built-in kind in this language.</summary>
    public string Kind(string name) => words.TryGetValue("kind_" + name.Replace('-', '_'), out var title) ? title : name;

    /// <summary>The table of <paramref name="language"/>, or the English one marked untranslated.</summary>
    public static Labels For(string language)
    {
        lock (Gate)
        {
            if (Tables.TryGetValue(language, out var cached))
            {
                return cached;
            }

            var known = Languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase));
            var labels = known is null
                ? new Labels("en", Load("en"), translated: false)
                : new Labels(known, Load(known), translated: true);
            Tables[language] = labels;
            return labels;
        }
    }

    /// <summary>The name of a language in that language, from its table, or the tag itself.</summary>
    public static string NameOf(string language)
    {
        var known = Languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase));
        return known is null ? language : For(known)["language_name"];
    }

    /// <summary>Reads a table; internal for the test that every table has every key.</summary>
    internal static IReadOnlyDictionary<string, string> Load(string language)
    {
        var resource = "SafeguardGen.Docs.Labels." + language + ".json";
        using var stream = typeof(Labels).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("The label table '" + resource + "' is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(reader.ReadToEnd()) ?? new Dictionary<string, string>();
    }
}
