using System.Text;

namespace SafeguardGen.Language.Text;

/// <summary>File names from declaration names, for generated sources and documentation pages.</summary>
public static class FileNames
{
    /// <summary>
    /// A name made safe for a file name and unique ignoring case, for file systems and tools that do not tell
    /// <c>Ab</c> from <c>ab</c>. Lower-case ASCII letters, digits, '.' and '-' stand for themselves; '_' becomes
    /// "__", an upper-case ASCII letter '_' and the letter in lower case, and any other character '_' and its
    /// code in hex between parentheses. The map is one-to-one and its output has no capital, and no lone '_' at
    /// its end, so a suffix of a single '_' can mark a name that must differ from a fixed one.
    /// </summary>
    public static string CaseSafe(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-')
            {
                builder.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                builder.Append('_').Append((char)(c - 'A' + 'a'));
            }
            else if (c == '_')
            {
                builder.Append("__");
            }
            else
            {
                builder.Append("_(").Append(((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append(')');
            }
        }

        return builder.ToString();
    }
}
