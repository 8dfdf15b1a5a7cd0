using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SafeguardGen.Language.Binding;

namespace SafeguardGen.Cli;

/// <summary>Checks <c>docs --languages</c> against the languages the documentation is offered in, so a typo is a usage error and not a silent English site.</summary>
internal static partial class LanguageChoice
{
    /// <summary>Null when every tag is well formed and offered (declared, or one of the UN languages the docs have labels for); otherwise the message, naming them.</summary>
    public static string? Check(IReadOnlyCollection<string> requested, TreatyModel model)
    {
        var offered = Docs.DocsRenderer.OfferedLanguages(model).OrderBy(l => l, StringComparer.Ordinal).ToList();
        var offeredText = offered.Count == 0 ? "none" : string.Join(", ", offered);
        foreach (var tag in requested)
        {
            if (!Tag().IsMatch(tag))
            {
                return "--languages: '" + Printable(tag) + "' is not a language tag (such as en, fr or pt-BR); the documentation is offered in " + offeredText + ".";
            }

            if (!offered.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                return "--languages: the documentation is not offered in '" + tag + "': no treaty declares it and it has no label table; it is offered in " + offeredText + ".";
            }
        }

        return null;
    }

    /// <summary>The user's text with control and format characters shown as \u escapes, so it cannot drive the terminal.</summary>
    internal static string Printable(string text) => string.Concat(text.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));

    /// <summary>A BCP 47 tag's shape: a 2–8 letter language, then subtags of 1–8 letters or digits.</summary>
    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
