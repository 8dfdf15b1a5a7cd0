using System;
using System.Collections.Generic;

namespace SafeguardGen.Language.Text;

/// <summary>The text of one <c>.treaty</c> file with its path and its line map.</summary>
public sealed class SourceText
{
    public SourceText(string path, string content)
    {
        Content = content ?? string.Empty;
        Lines = LineMap.Create(path ?? string.Empty, Content);
        InvalidUtf8 = System.Array.Empty<InvalidUtf8>();
    }

    /// <summary>Text decoded from a file's bytes; its invalid UTF-8 sequences are reported as SG0009 when it is parsed.</summary>
    public SourceText(string path, Utf8Text decoded)
        : this(path, decoded?.Text ?? string.Empty)
    {
        InvalidUtf8 = decoded?.Invalid ?? System.Array.Empty<InvalidUtf8>();
        Truncated = decoded?.Truncated ?? false;
    }

    /// <summary>True when the host stopped reading one character past the limit, so <see cref="Length"/> is not the file's length.</summary>
    public bool Truncated { get; }

    /// <summary>Where the bytes this text was decoded from were not UTF-8 (empty for text given as a string).</summary>
    public IReadOnlyList<InvalidUtf8> InvalidUtf8 { get; }

    /// <summary>The path with '/' as its separator, so that output is the same on every platform.</summary>
    public string Path => Lines.Path;

    public string Content { get; }

    public LineMap Lines { get; }

    public int Length => Content.Length;

    public SourceLocation GetLocation(TextSpan span) => Lines.GetLocation(span);

    public static string NormalizePath(string path) => path.Replace('\\', '/');
}

/// <summary>
/// Maps offsets to 1-based lines and columns. CR, LF and CRLF all end a line, so positions do not depend on
/// the platform's line endings. An equatable value, so a parse result that holds it can be cached.
/// </summary>
public sealed record LineMap(string Path, EquatableArray<int> LineStarts, int Length)
{
    public static LineMap Create(string path, string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return new LineMap(SourceText.NormalizePath(path), starts.ToEquatableArray(), text.Length);
    }

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, Length));
        int low = 0, high = LineStarts.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (LineStarts[mid] <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return new LinePosition(low + 1, offset - LineStarts[low] + 1);
    }

    public SourceLocation GetLocation(TextSpan span)
    {
        var start = Math.Max(0, Math.Min(span.Start, Length));
        var end = Math.Max(start, Math.Min(span.End, Length));
        return new SourceLocation(Path, TextSpan.FromBounds(start, end), GetPosition(start), GetPosition(end));
    }
}
