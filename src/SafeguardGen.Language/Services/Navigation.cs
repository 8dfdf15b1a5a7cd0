using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Services;

/// <summary>A change to one file's text.</summary>
public sealed record TextEdit(string Path, TextSpan Span, string NewText);

/// <summary>The edits of a rename, or why it was refused.</summary>
public sealed record RenameResult(EquatableArray<TextEdit> Edits, string? Refusal);

/// <summary>Go to definition, find references and rename: every name resolves through what the binder recorded.</summary>
public static class Navigation
{
    /// <summary>The symbol named at <paramref name="offset"/> (a reference or a declaration's own name) and the span of that name.</summary>
    public static (SymbolKey Key, TextSpan Span)? SymbolAt(FileAnalysis file, int offset)
    {
        foreach (var reference in file.References)
        {
            if (Touches(reference.Span, offset))
            {
                return (reference.Symbol, reference.Span);
            }
        }

        // The innermost declaration whose name is there: an option's name before its question's.
        var declared = file.Declared.LastOrDefault(d => Touches(d.NameSpan, offset));
        return declared is null ? null : (declared.Key, declared.NameSpan);
    }

    public static DeclaredSymbol? Definition(EditorWorkspace workspace, FileAnalysis file, int offset) =>
        SymbolAt(file, offset) is { } symbol ? workspace.Declaration(symbol.Key) : null;

    public static IReadOnlyList<(string Path, TextSpan Span)> References(EditorWorkspace workspace, FileAnalysis file, int offset, bool includeDeclaration)
    {
        if (SymbolAt(file, offset) is not { } symbol)
        {
            return Array.Empty<(string, TextSpan)>();
        }

        var declaration = workspace.Declaration(symbol.Key);
        return workspace.Occurrences(symbol.Key)
            .Where(o => includeDeclaration || declaration is null || !(o.Path == declaration.Path && o.Span.Equals(declaration.NameSpan)))
            .ToList();
    }

    /// <summary>
    /// Renames the symbol at <paramref name="offset"/> everywhere it is written. Refused for a built-in kind, a
    /// name that is not an identifier, and a name that something else in the same scope already has.
    /// </summary>
    public static RenameResult Rename(EditorWorkspace workspace, FileAnalysis file, int offset, string newName)
    {
        if (SymbolAt(file, offset) is not { } symbol)
        {
            return Refuse("There is no name here to rename.");
        }

        var declaration = workspace.Declaration(symbol.Key);
        if (declaration is null)
        {
            return Refuse(symbol.Key.Sort == SymbolSort.Kind && !symbol.Key.Name.Contains('.')
                ? "'" + symbol.Key.Name + "' is a built-in kind; it cannot be renamed."
                : "'" + symbol.Key.Name + "' is declared in no file of the workspace, so it cannot be renamed here.");
        }

        if (!Lexing.Lexer.IsIdentifier(newName))
        {
            return Refuse("'" + Printable(newName) + "' is not a name: use letters, digits and '_', with single '-' between parts, as in 'dual-criminality'.");
        }

        if (newName == declaration.Name)
        {
            return new RenameResult(default, null);
        }

        var clash = Clash(workspace, declaration, newName);
        if (clash is not null)
        {
            return Refuse("'" + newName + "' is already the name of " + Describe(clash.Key.Sort) + " '" + clash.Key.Name + "'; choose another name.");
        }

        var edits = workspace.Occurrences(symbol.Key).Select(o => new TextEdit(o.Path, o.Span, newName)).Distinct().ToEquatableArray();
        return new RenameResult(edits, null);
    }

    /// <summary>What already has the new name in the renamed symbol's scope: the treaties; a treaty's declarations; a safeguard's questions; a question's options.</summary>
    private static DeclaredSymbol? Clash(EditorWorkspace workspace, DeclaredSymbol renamed, string newName)
    {
        var key = renamed.Key;
        if (key.Sort == SymbolSort.Treaty)
        {
            return workspace.Declaration(new SymbolKey(SymbolSort.Treaty, newName));
        }

        var container = key.Name.Substring(0, key.Name.LastIndexOf('.') + 1);
        var siblings = key.Sort switch
        {
            SymbolSort.Question => new[] { SymbolSort.Question },
            SymbolSort.Option => new[] { SymbolSort.Option },
            SymbolSort.Requirement => new[] { SymbolSort.Requirement },

            // A treaty's declarations share one set of names, whatever their sort.
            _ => new[] { SymbolSort.Instrument, SymbolSort.Kind, SymbolSort.Fact, SymbolSort.Safeguard, SymbolSort.Measure, SymbolSort.Profile, SymbolSort.Checklist, SymbolSort.Scenario, SymbolSort.Baseline, SymbolSort.Comparison },
        };
        return siblings.Select(sort => workspace.Declaration(new SymbolKey(sort, container + newName))).FirstOrDefault(d => d is not null);
    }

    public static string Describe(SymbolSort sort) => sort switch
    {
        SymbolSort.Treaty => "treaty",
        SymbolSort.Instrument => "instrument",
        SymbolSort.Kind => "kind",
        SymbolSort.Fact => "fact",
        SymbolSort.Safeguard => "safeguard",
        SymbolSort.Question => "question",
        SymbolSort.Option => "option",
        SymbolSort.Measure => "measure",
        SymbolSort.Profile => "profile",
        SymbolSort.Checklist => "checklist",
        SymbolSort.Scenario => "scenario",
        SymbolSort.Baseline => "baseline",
        SymbolSort.Requirement => "requirement",
        _ => "comparison",
    };

    private static RenameResult Refuse(string why) => new(default, why);

    private static bool Touches(TextSpan span, int offset) => offset >= span.Start && offset <= span.End && span.Length > 0;

    /// <summary>The text as it can be quoted in a message: control and bidi characters shown as code points.</summary>
    internal static string Printable(string text)
    {
        var builder = new System.Text.StringBuilder(Math.Min(text.Length, 80));
        foreach (var c in text.Take(80))
        {
            builder.Append(char.IsControl(c) || Lexing.Lexer.BidirectionalControlName(c) is not null ? "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }

        return builder.ToString();
    }
}
