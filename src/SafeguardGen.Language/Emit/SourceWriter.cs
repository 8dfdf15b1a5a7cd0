using System.Text;

namespace SafeguardGen.Language.Emit;

/// <summary>A small indented writer for generated source; always '\n' line endings, so output is the same on every platform.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder builder = new();
    private int indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', indent * 4);
        }

        builder.Append(text).Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        indent--;
        return Line("}" + suffix);
    }

    /// <summary>An XML doc summary; every line of author text is escaped so no text can end the comment or inject markup.</summary>
    public SourceWriter Summary(string text)
    {
        Line("/// <summary>");
        foreach (var line in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            Line("/// " + CSharpLiterals.Xml(line));
        }

        return Line("/// </summary>");
    }

    public override string ToString() => builder.ToString();
}
