namespace SafeguardGen.Docs;

/// <summary>
/// What the documentation's label tables say of a language, for other hosts of the same texts (the web assessment
/// app): its name in itself and its direction. One table per language, so a page and a printed document agree.
/// </summary>
public static class LanguageNames
{
    /// <summary>The language's name in itself ("Français"), or the tag when no table has it.</summary>
    public static string Name(string language) => Labels.NameOf(language);

    /// <summary>Whether the language is written right to left; false for a language no table has.</summary>
    public static bool RightToLeft(string language) =>
        System.Linq.Enumerable.Contains(Labels.Languages, language) && Labels.For(language).RightToLeft;
}
