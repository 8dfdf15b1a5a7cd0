using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// Resolves a declaration name: <c>x</c> looks in the treaty, then in every import; <c>t.x</c> looks in
    /// imported (or own) treaty <c>t</c>. Reports and returns null when the name is missing, ambiguous,
    /// in a treaty not imported, or of another kind than <paramref name="expected"/>.
    /// </summary>
    private (QualifiedName Name, DeclarationSyntax Declaration)? ResolveDeclaration(Scope scope, NameSyntax name, string expected)
    {
        if (name.Parts.Count == 0 || name.Parts.Any(p => p.Text.Length == 0))
        {
            return null;
        }

        if (name.Parts.Count == 1)
        {
            var simple = name.Parts[0].Text;
            if (scope.Symbols.TryGetValue(simple, out var local))
            {
                return CheckKind(scope, name, new QualifiedName(scope.Name, simple), local, expected);
            }

            var found = scope.Imports.Values.Distinct()
                .Where(t => scopes[t].Symbols.ContainsKey(simple))
                .OrderBy(t => t, StringComparer.Ordinal)
                .ToList();
            if (found.Count > 1)
            {
                Report(scope, DiagnosticDescriptors.AmbiguousName, name.Span, simple, AliasOf(scope, found[0]), AliasOf(scope, found[1]));
                return null;
            }

            if (found.Count == 1)
            {
                return CheckKind(scope, name, new QualifiedName(found[0], simple), scopes[found[0]].Symbols[simple], expected);
            }

            ReportUnresolved(scope, name, expected, VisibleNames(scope, expected));
            return null;
        }

        if (name.Parts.Count == 2)
        {
            var treaty = ResolveTreatyPrefix(scope, name);
            if (treaty is null)
            {
                return null;
            }

            var member = name.Parts[1].Text;
            if (scopes[treaty].Symbols.TryGetValue(member, out var declaration))
            {
                return CheckKind(scope, name, new QualifiedName(treaty, member), declaration, expected);
            }

            ReportUnresolved(scope, name, expected, NamesOfKind(scopes[treaty], expected).Select(n => name.Parts[0].Text + "." + n));
            return null;
        }

        ReportUnresolved(scope, name, expected, Array.Empty<string>());
        return null;
    }

    /// <summary>The treaty a qualified name's first part stands for: an import's alias, or the file's own treaty.</summary>
    private string? ResolveTreatyPrefix(Scope scope, NameSyntax name)
    {
        var prefix = name.Parts[0].Text;
        if (scope.Imports.TryGetValue(prefix, out var imported))
        {
            if (prefix == imported)
            {
                // An alias is the file's own name for the treaty; only the treaty's own name refers to it.
                Refer(scope, name.Parts[0].Span, SymbolSort.Treaty, imported);
            }

            return imported;
        }

        if (prefix == scope.Name)
        {
            Refer(scope, name.Parts[0].Span, SymbolSort.Treaty, scope.Name);
            return scope.Name;
        }

        if (IsKnownTreaty(prefix))
        {
            Report(scope, DiagnosticDescriptors.TreatyNotImported, name.Span, name.Text, prefix);
            return null;
        }

        var suggestion = Suggest(scope, prefix, scope.Imports.Keys.Concat(new[] { scope.Name }));
        Report(scope, DiagnosticDescriptors.UnresolvedName, name.Parts[0].Span, "treaty", prefix, scope.Name, suggestion is null ? "; import it first" : "; did you mean '" + suggestion + "'?");
        return null;
    }

    private static string AliasOf(Scope scope, string treaty) =>
        scope.Imports.Where(p => p.Value == treaty).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).FirstOrDefault() ?? treaty;

    private (QualifiedName Name, DeclarationSyntax Declaration)? CheckKind(Scope scope, NameSyntax name, QualifiedName qualified, DeclarationSyntax declaration, string expected)
    {
        if (declaration.Keyword != expected)
        {
            Report(scope, DiagnosticDescriptors.WrongKindOfName, name.Span, name.Text, declaration.Keyword, expected);
            return null;
        }

        if (SymbolKey.SortOf(declaration.Keyword) is { } sort)
        {
            Refer(scope, name.Parts[name.Parts.Count - 1].Span, sort, qualified.ToString());
        }

        return (qualified, declaration);
    }

    private void ReportUnresolved(Scope scope, NameSyntax name, string expected, IEnumerable<string> candidates)
    {
        var suggestion = Suggest(scope, name.Text, candidates);
        Report(scope, DiagnosticDescriptors.UnresolvedName, name.Span, expected, name.Text, scope.Name, suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?");
    }

    private IEnumerable<string> VisibleNames(Scope scope, string expected) =>
        NamesOfKind(scope, expected).Concat(scope.Imports.Values.Distinct().SelectMany(t => NamesOfKind(scopes[t], expected)));

    private static IEnumerable<string> NamesOfKind(Scope scope, string expected) =>
        scope.Symbols.Where(p => p.Value.Keyword == expected).Select(p => p.Key);

    /// <summary>
    /// Resolves a question named in a condition: <c>fact</c>, <c>treaty.fact</c>, <c>safeguard.question</c> or
    /// <c>treaty.safeguard.question</c>.
    /// </summary>
    private Question? ResolveQuestion(Scope scope, NameSyntax name)
    {
        var parts = name.Parts;
        if (parts.Count == 0 || parts.Any(p => p.Text.Length == 0))
        {
            return null;
        }

        var first = parts[0].Text;
        var firstIsTreaty = scope.Imports.ContainsKey(first) || (first == scope.Name && !scope.Symbols.ContainsKey(first));
        if (parts.Count == 1 || (parts.Count == 2 && firstIsTreaty))
        {
            if (parts.Count == 1 && !scope.Symbols.ContainsKey(first) && !scope.Imports.Values.Any(t => scopes[t].Symbols.ContainsKey(first)))
            {
                // Perhaps a safeguard's question written without its safeguard.
                var owners = scope.File.Declarations.OfType<SafeguardSyntax>().Where(s => s.Questions.Any(q => q.Name.Text == first)).Select(s => s.Name.Text + "." + first).ToList();
                var hint = owners.Count > 0 ? "; a safeguard's question is named with its safeguard, e.g. '" + owners[0] + "'" : SuggestionSuffix(scope, first, VisibleNames(scope, "fact"));
                Report(scope, DiagnosticDescriptors.UnresolvedName, name.Span, "fact", first, scope.Name, hint);
                return null;
            }

            var fact = ResolveDeclaration(scope, name, "fact");
            return fact is null ? null : questions.TryGetValue(new QuestionKey(fact.Value.Name, null), out var q) ? q : null;
        }

        var safeguardName = new NameSyntax(parts.Take(parts.Count - 1).ToEquatableArray(), TextSpan.FromBounds(parts[0].Span.Start, parts[parts.Count - 2].Span.End));
        var owner = ResolveDeclaration(scope, safeguardName, "safeguard");
        if (owner is null)
        {
            return null;
        }

        var questionName = parts[parts.Count - 1].Text;
        if (questions.TryGetValue(new QuestionKey(owner.Value.Name, questionName), out var question))
        {
            Refer(scope, parts[parts.Count - 1].Span, SymbolSort.Question, question.Key.ToString());
            return question;
        }

        var candidates = ((SafeguardSyntax)owner.Value.Declaration).Questions.Select(q => q.Name.Text);
        Report(scope, DiagnosticDescriptors.UnresolvedName, parts[parts.Count - 1].Span, "question of safeguard '" + safeguardName.Text + "'", questionName, scope.Name, SuggestionSuffix(scope, questionName, candidates));
        return null;
    }

    private static string SuggestionSuffix(Scope scope, string word, IEnumerable<string> candidates)
    {
        var suggestion = Suggest(scope, word, candidates);
        return suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?";
    }
}
