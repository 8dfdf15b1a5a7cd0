using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SafeguardGen.Language.Text;

/// <summary>A sequence of bytes that is not UTF-8, at the offset of the U+FFFD that stands for it in the decoded text.</summary>
public readonly record struct InvalidUtf8(int Offset, string Bytes);

/// <summary>
/// Text decoded from UTF-8 bytes, with the place of every invalid sequence, so that each host (the CLI, tests,
/// any other) reports the same SG0009 at the same position instead of passing U+FFFD silently into the output.
/// </summary>
public sealed class Utf8Text
{
    private Utf8Text(string text, IReadOnlyList<InvalidUtf8> invalid, bool truncated)
    {
        Text = text;
        Invalid = invalid;
        Truncated = truncated;
    }

    public string Text { get; }

    /// <summary>Each maximal invalid subsequence (as the Unicode standard defines it), replaced by one U+FFFD.</summary>
    public IReadOnlyList<InvalidUtf8> Invalid { get; }

    /// <summary>True when decoding stopped after <c>maxChars + 1</c> characters: the file is over the limit.</summary>
    public bool Truncated { get; }

    /// <summary>
    /// Decodes in one pass (a leading BOM is dropped). Stops once the text is longer than <paramref name="maxChars"/>,
    /// so that a huge input costs no more than the limit.
    /// </summary>
    public static Utf8Text Decode(byte[] bytes, int count, int maxChars)
    {
        var builder = new StringBuilder(System.Math.Min(count, maxChars + 1));
        var invalid = new List<InvalidUtf8>();
        var i = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        while (i < count)
        {
            if (builder.Length > maxChars)
            {
                return new Utf8Text(builder.ToString(0, maxChars + 1), invalid, truncated: true);
            }

            var first = bytes[i];
            if (first < 0x80)
            {
                builder.Append((char)first);
                i++;
                continue;
            }

            // The ranges of the Unicode standard's table 3-7 (well-formed UTF-8): no overlong form, no surrogate, nothing above U+10FFFF.
            int need;
            int codePoint;
            int lower = 0x80, upper = 0xBF;
            if (first >= 0xC2 && first <= 0xDF) { need = 1; codePoint = first & 0x1F; }
            else if (first == 0xE0) { need = 2; codePoint = first & 0x0F; lower = 0xA0; }
            else if (first >= 0xE1 && first <= 0xEF) { need = 2; codePoint = first & 0x0F; upper = first == 0xED ? 0x9F : 0xBF; }
            else if (first == 0xF0) { need = 3; codePoint = first & 0x07; lower = 0x90; }
            else if (first >= 0xF1 && first <= 0xF3) { need = 3; codePoint = first & 0x07; }
            else if (first == 0xF4) { need = 3; codePoint = first & 0x07; upper = 0x8F; }
            else { need = -1; codePoint = 0; }

            var next = i + 1;
            var read = 0;
            while (need > 0 && read < need && next < count && bytes[next] >= lower && bytes[next] <= upper)
            {
                codePoint = (codePoint << 6) | (bytes[next] & 0x3F);
                lower = 0x80;
                upper = 0xBF;
                next++;
                read++;
            }

            if (need > 0 && read == need)
            {
                builder.Append(char.ConvertFromUtf32(codePoint));
            }
            else
            {
                invalid.Add(new InvalidUtf8(builder.Length, Hex(bytes, i, next)));
                builder.Append('\uFFFD');
            }

            i = next;
        }

        return builder.Length > maxChars
            ? new Utf8Text(builder.ToString(0, maxChars + 1), invalid, truncated: true)
            : new Utf8Text(builder.ToString(), invalid, truncated: false);
    }

    public static Utf8Text Decode(byte[] bytes) => Decode(bytes, bytes.Length, int.MaxValue - 1);

    private static string Hex(byte[] bytes, int start, int end)
    {
        var parts = new List<string>();
        for (var i = start; i < end; i++)
        {
            parts.Add("0x" + bytes[i].ToString("X2", CultureInfo.InvariantCulture));
        }

        return string.Join(" ", parts);
    }
}
