namespace SafeguardGen.Language.Text;

/// <summary>
/// The Unicode controls that reorder text for display (Trojan Source, CVE-2021-42574): the lexer reports them
/// (SG0005), and every writer of output replaces or escapes them.
/// </summary>
public static class BidirectionalControls
{
    /// <summary>The character's Unicode name when it is a bidirectional control, else null.</summary>
    public static string? Name(char c) => c switch
    {
        '\u202A' => "LEFT-TO-RIGHT EMBEDDING",
        '\u202B' => "RIGHT-TO-LEFT EMBEDDING",
        '\u202C' => "POP DIRECTIONAL FORMATTING",
        '\u202D' => "LEFT-TO-RIGHT OVERRIDE",
        '\u202E' => "RIGHT-TO-LEFT OVERRIDE",
        '\u2066' => "LEFT-TO-RIGHT ISOLATE",
        '\u2067' => "RIGHT-TO-LEFT ISOLATE",
        '\u2068' => "FIRST STRONG ISOLATE",
        '\u2069' => "POP DIRECTIONAL ISOLATE",
        '\u200E' => "LEFT-TO-RIGHT MARK",
        '\u200F' => "RIGHT-TO-LEFT MARK",
        '\u061C' => "ARABIC LETTER MARK",
        _ => null,
    };
}
