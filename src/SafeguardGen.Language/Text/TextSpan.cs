using System;

namespace SafeguardGen.Language.Text;

/// <summary>A range of UTF-16 code units in a source text: start offset and length.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    public TextSpan Cover(TextSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));
}

/// <summary>A 1-based line and column; columns count UTF-16 code units, as the C# compiler does.</summary>
public readonly record struct LinePosition(int Line, int Column)
{
    public override string ToString() => Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + "," + Column.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Where something is: the file's path and its exact span, with line and column resolved.</summary>
public sealed record SourceLocation(string Path, TextSpan Span, LinePosition Start, LinePosition End)
{
    public static SourceLocation None { get; } = new(string.Empty, default, new LinePosition(1, 1), new LinePosition(1, 1));
}
