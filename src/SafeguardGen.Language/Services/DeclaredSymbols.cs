using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Services;

/// <summary>A declaration as an editor shows it: its key, the span of its name, the span of the whole, and what it holds.</summary>
public sealed record DeclaredSymbol(SymbolKey Key, string Name, string Path, TextSpan NameSpan, TextSpan Span, string? Title, EquatableArray<DeclaredSymbol> Children);

/// <summary>The declarations of one file, from its syntax alone, so that a file with errors still has an outline.</summary>
public static class DeclaredSymbols
{
    /// <summary>The file's outline: its treaty, then each declaration with the questions, options and requirements it declares.</summary>
    public static EquatableArray<DeclaredSymbol> Of(TreatyFileSyntax file)
    {
        var header = file.Header;
        if (header is null || header.Name.Text.Length == 0)
        {
            return default;
        }

        var treaty = header.Name.Text;
        var path = SourceText.NormalizePath(file.Path);
        var symbols = new List<DeclaredSymbol>
        {
            new(new SymbolKey(SymbolSort.Treaty, treaty), treaty, path, header.Name.Span, header.Span, TitleOf(header.Title), default),
        };

        foreach (var declaration in file.Declarations)
        {
            if (declaration.Name.Text.Length == 0 || SymbolKey.SortOf(declaration.Keyword) is not { } sort)
            {
                continue;
            }

            var name = treaty + "." + declaration.Name.Text;
            var children = declaration switch
            {
                FactSyntax fact => Options(path, name, fact.Question),
                SafeguardSyntax safeguard => safeguard.Questions.Where(q => q.Name.Text.Length > 0).Select(q => Question(path, name, q)).ToEquatableArray(),
                BaselineSyntax baseline => baseline.Requirements.Where(r => r.Name.Text.Length > 0)
                    .Select(r => new DeclaredSymbol(new SymbolKey(SymbolSort.Requirement, name + "." + r.Name.Text), r.Name.Text, path, r.Name.Span, r.Span, TitleOf(r.Title), default))
                    .ToEquatableArray(),
                _ => default,
            };
            symbols.Add(new DeclaredSymbol(new SymbolKey(sort, name), declaration.Name.Text, path, declaration.Name.Span, declaration.Span, TitleOf(declaration), children));
        }

        return symbols.ToEquatableArray();
    }

    /// <summary>Every symbol of an outline, children after their parent.</summary>
    public static IEnumerable<DeclaredSymbol> Flatten(IEnumerable<DeclaredSymbol> symbols)
    {
        // An explicit stack: the outline is at most four levels deep, but no walk here recurses on input.
        var stack = new Stack<DeclaredSymbol>(symbols.Reverse());
        while (stack.Count > 0)
        {
            var symbol = stack.Pop();
            yield return symbol;
            for (var i = symbol.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(symbol.Children[i]);
            }
        }
    }

    private static DeclaredSymbol Question(string path, string owner, QuestionSyntax question)
    {
        var name = owner + "." + question.Name.Text;
        return new DeclaredSymbol(new SymbolKey(SymbolSort.Question, name), question.Name.Text, path, question.Name.Span, question.Span, TitleOf(question.Ask), Options(path, name, question));
    }

    private static EquatableArray<DeclaredSymbol> Options(string path, string question, QuestionSyntax syntax) => syntax.Options
        .Where(o => o.Name.Text.Length > 0)
        .Select(o => new DeclaredSymbol(new SymbolKey(SymbolSort.Option, question + "." + o.Name.Text), o.Name.Text, path, o.Name.Span, o.Span, TitleOf(o.Label), default))
        .ToEquatableArray();

    private static string? TitleOf(DeclarationSyntax declaration) => declaration switch
    {
        InstrumentSyntax d => TitleOf(d.Title),
        KindSyntax d => TitleOf(d.Title),
        FactSyntax d => TitleOf(d.Question.Ask),
        SafeguardSyntax d => TitleOf(d.Title),
        MeasureSyntax d => TitleOf(d.Title),
        ProfileSyntax d => TitleOf(d.Title),
        ChecklistSyntax d => TitleOf(d.Title),
        BaselineSyntax d => TitleOf(d.Title),
        ComparisonSyntax d => TitleOf(d.Title),
        ScenarioSyntax d => TitleOf(d.Description),
        _ => null,
    };

    /// <summary>The text in the file's own language (the entry without a tag), else the first.</summary>
    internal static string? TitleOf(LocalizedTextSyntax? text) =>
        text is null || text.Entries.IsEmpty ? null : (text.Entries.FirstOrDefault(e => e.Language is null) ?? text.Entries[0]).Value;
}
