using System.Collections.Generic;
using System.Linq;
using System.Text;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Services;

/// <summary>What an editor shows on hover, as Markdown in which every text from a file is escaped.</summary>
public sealed record HoverInfo(string Markdown, TextSpan Span);

/// <summary>
/// Hover texts: a safeguard with its title, kinds, basis, hedges and citations (with their verification status and
/// the quoted wording), a kind's title and description, a question's wording and its answer in words.
/// </summary>
public static class Hovers
{
    public static HoverInfo? At(EditorWorkspace workspace, FileAnalysis file, int offset)
    {
        if (Navigation.SymbolAt(file, offset) is not { } symbol)
        {
            return null;
        }

        var text = Describe(workspace, symbol.Key);
        return text is null ? null : new HoverInfo(text, symbol.Span);
    }

    public static string? Describe(EditorWorkspace workspace, SymbolKey key)
    {
        var declaration = workspace.Declaration(key);
        var treaty = declaration is null ? null : workspace[declaration.Path]?.Bound?.Treaty;
        var builder = new StringBuilder();
        switch (key.Sort)
        {
            case SymbolSort.Kind when declaration is null:
                var builtIn = BuiltInKinds.Find(key.Name);
                if (builtIn is null)
                {
                    return null;
                }

                Heading(builder, builtIn.Title, "built-in kind " + key.Name);
                if (builtIn.Qualifiers is not null)
                {
                    builder.Append("\n\nQualifiers: ").Append(string.Join(", ", builtIn.Qualifiers.Select(q => "`" + q + "`")))
                        .Append(builtIn.QualifierRequired ? " (one is required)." : " (optional).");
                }

                return builder.ToString();
            case SymbolSort.Kind:
                var kind = treaty?.Kinds.FirstOrDefault(k => k.Name.ToString() == key.Name);
                Heading(builder, kind?.Title.Text ?? declaration!.Title, "kind " + key.Name);
                Paragraph(builder, kind?.Description?.Text);
                return builder.ToString();
            case SymbolSort.Safeguard:
                var safeguard = treaty?.Safeguards.FirstOrDefault(s => s.Name.ToString() == key.Name);
                if (safeguard is null)
                {
                    break;
                }

                Safeguard(builder, safeguard);
                return builder.ToString();
            case SymbolSort.Fact:
            case SymbolSort.Question:
                var question = treaty is null ? null : FindQuestion(treaty, key.Name);
                if (question is null)
                {
                    break;
                }

                Question(builder, question, key.Sort == SymbolSort.Fact ? "fact " : "question ");
                return builder.ToString();
        }

        if (declaration is null)
        {
            return null;
        }

        Heading(builder, declaration.Title, Navigation.Describe(key.Sort) + " " + key.Name);
        return builder.ToString();
    }

    private static Question? FindQuestion(Treaty treaty, string name) =>
        treaty.Facts.Concat(treaty.Safeguards.SelectMany(s => s.Questions)).FirstOrDefault(q => q.Key.ToString() == name);

    private static void Safeguard(StringBuilder builder, Safeguard safeguard)
    {
        Heading(builder, safeguard.Title.Text, "safeguard " + safeguard.Name);
        builder.Append("\n\nKinds: ").Append(string.Join(", ", safeguard.Kinds.Select(k => Markdown.Escape(k.ToString()))))
            .Append(". Basis: ").Append(BasisInWords(safeguard.Basis)).Append('.');
        if (safeguard.Severity == Severity.Advisory)
        {
            builder.Append(" Advisory: it does not block a decision.");
        }

        foreach (var hedge in safeguard.Hedges)
        {
            builder.Append("\n\nHedged (").Append(Hedge.Keyword(hedge.Kind)).Append(')');
            builder.Append(hedge.Wording is null ? "." : ": \u201C" + Markdown.Escape(hedge.Wording) + "\u201D");
        }

        if (!safeguard.Citations.IsEmpty)
        {
            builder.Append("\n\n**Citations**");
            foreach (var citation in safeguard.Citations)
            {
                builder.Append("\n\n- ").Append(Markdown.Escape(citation.Display)).Append(citation.Verified ? " \u2014 verified" : " \u2014 not verified");
                if (citation.Note is not null)
                {
                    builder.Append(": ").Append(Markdown.Escape(citation.Note));
                }

                // The wording in the treaty's own language; a translation of the quote where the file has none is not invented.
                foreach (var quote in citation.Quotes)
                {
                    builder.Append("\n\n  > ").Append(Markdown.Escape(quote.Text)).Append(quote.Language.Length == 0 ? string.Empty : " (" + Markdown.Escape(quote.Language) + ")");
                }
            }
        }

        Paragraph(builder, safeguard.Guidance?.Text);
    }

    private static void Question(StringBuilder builder, Question question, string what)
    {
        Heading(builder, question.Ask.Text, what + question.Key);
        builder.Append("\n\nAnswer: ").Append(Markdown.Escape(AnswerInWords(question))).Append('.');
        if (question.Criterion is not null)
        {
            builder.Append(" Satisfied by: `").Append(question.Criterion.Text.Replace("`", "'")).Append("`.");
        }

        Paragraph(builder, question.Guidance?.Text);
    }

    /// <summary>The answer a question takes, in words: "yes or no", "one of: a judge or court; …".</summary>
    public static string AnswerInWords(Question question)
    {
        var options = string.Join("; ", question.Options.Select(o => o.Label.Text));
        return (question.Type.Value, question.Type.IsList) switch
        {
            (ValueType.YesNo, false) => "yes or no",
            (ValueType.Choice, false) => "one of: " + options,
            (ValueType.Choice, true) => "any number of: " + options,
            (ValueType.Text, false) => "a text",
            (ValueType.Text, true) => "a list of texts",
            (ValueType.Date, false) => "a date",
            (ValueType.Date, true) => "a list of dates",
            (ValueType.Number, false) => "a number",
            _ => "a list of numbers",
        };
    }

    private static string BasisInWords(Basis basis) => basis switch
    {
        Basis.Treaty => "the treaty's text",
        Basis.HumanRightsLaw => "human-rights law",
        Basis.Policy => "policy",
        _ => "not stated",
    };

    private static void Heading(StringBuilder builder, string? title, string what)
    {
        builder.Append("**").Append(Markdown.Escape(title ?? what)).Append("**\n\n`").Append(what.Replace("`", "'")).Append('`');
    }

    private static void Paragraph(StringBuilder builder, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            builder.Append("\n\n").Append(Markdown.Escape(text!));
        }
    }
}

/// <summary>Escaping by construction for Markdown shown in an editor: no text from a file becomes markup, a link or a bidi override.</summary>
public static class Markdown
{
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Lexing.Lexer.BidirectionalControlName(c) is not null || (char.IsControl(c) && c != '\n'))
            {
                // A bidi control could reorder what the reader sees; a control character has no business in a hover.
                builder.Append('\uFFFD');
            }
            else if (c == '\n')
            {
                builder.Append(' ');
            }
            else if ("\\`*_{}[]()<>#+-.!|~&:".IndexOf(c) >= 0)
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
