using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SafeguardGen.Language.Checks;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Binding;

/// <summary>
/// Resolves names across files and builds the bound model. Phases: treaties and declarations, imports,
/// questions (so conditions can refer to any of them), then safeguards, profiles, measures and checklists.
/// A declaration that failed to parse or to resolve is not checked further, so one mistake gives one diagnostic.
/// </summary>
internal sealed partial class Binder
{
    private readonly List<Diagnostic> diagnostics = new();
    private readonly SortedDictionary<string, Scope> scopes = new(StringComparer.Ordinal);
    private readonly Dictionary<QuestionKey, Question> questions = new();

    /// <summary>Each question's option names, for constant-time checks of the options conditions and criteria name.</summary>
    private readonly Dictionary<QuestionKey, HashSet<string>> optionNames = new();
    private readonly Dictionary<QualifiedName, Safeguard> safeguards = new();
    private readonly Dictionary<QualifiedName, Measure> measures = new();
    private readonly Dictionary<QualifiedName, Profile> profiles = new();

    /// <summary>
    /// Every treaty name among all the inputs, which may be more than the files bound together, in ordinal order.
    /// Shared by every file's binder and searched, never copied: a project of n files would otherwise build n sets
    /// of n names.
    /// </summary>
    private IReadOnlyList<string> knownTreaties = Array.Empty<string>();

    /// <summary>Where each resolved name points, when an editor asked for it; null in a build, which pays nothing for it.</summary>
    private List<NameReference>? references;

    /// <param name="files">The files to bind together.</param>
    /// <param name="knownTreaties">Every treaty name among all inputs, in ordinal order, when <paramref name="files"/> are only some of them (<see cref="ImportIndex.KnownTreaties"/>).</param>
    /// <param name="answersFiles">The request files the scenarios read, by resolved path.</param>
    /// <param name="references">When given, receives every name the binder resolves, in every file bound.</param>
    public static (TreatyModel Model, IReadOnlyList<Diagnostic> Diagnostics) Bind(IReadOnlyList<ParsedFile> files, IReadOnlyList<string>? knownTreaties = null, IEnumerable<AnswersFile>? answersFiles = null, List<NameReference>? references = null)
    {
        var binder = new Binder { references = references };
        foreach (var answersFile in answersFiles ?? Enumerable.Empty<AnswersFile>())
        {
            binder.answersFiles[answersFile.Path] = answersFile;
        }

        if (knownTreaties is not null)
        {
            // Checking the order here would cost every file of n a pass over n names: the index sorts them once.
            System.Diagnostics.Debug.Assert(IsOrdinallySorted(knownTreaties), "The known treaties must be in ordinal order.");
            binder.knownTreaties = knownTreaties;
        }

        var model = binder.Run(files);
        return (model, binder.diagnostics);
    }

    private TreatyModel Run(IReadOnlyList<ParsedFile> files)
    {
        DeclareTreaties(files);
        foreach (var scope in scopes.Values)
        {
            DeclareSymbols(scope);
        }

        foreach (var scope in scopes.Values)
        {
            ResolveImports(scope);
        }

        ReportImportCycles();

        foreach (var scope in scopes.Values)
        {
            BindQuestions(scope);
        }

        foreach (var scope in scopes.Values)
        {
            BindSafeguards(scope);
        }

        foreach (var scope in scopes.Values)
        {
            BindProfiles(scope);
        }

        foreach (var scope in scopes.Values)
        {
            BindMeasures(scope);
        }

        foreach (var scope in scopes.Values)
        {
            BindChecklists(scope);
            TranslationChecker.Check(scope.File, scope.Lines, diagnostics);
        }

        foreach (var scope in scopes.Values)
        {
            BindScenarios(scope);
            BindBaselines(scope);
        }

        foreach (var scope in scopes.Values)
        {
            BindComparisons(scope);
        }

        return new TreatyModel(scopes.Values.Select(BuildTreaty).ToEquatableArray());
    }

    private void Refer(Scope scope, TextSpan span, SymbolSort sort, string name) =>
        references?.Add(new NameReference(scope.File.Path, span, new SymbolKey(sort, name)));

    /// <summary>Whether a treaty of that name is among the inputs: one bound here, or one named in <see cref="knownTreaties"/>.</summary>
    private bool IsKnownTreaty(string name)
    {
        if (scopes.ContainsKey(name))
        {
            return true;
        }

        int low = 0, high = knownTreaties.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(knownTreaties[middle], name);
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }

    private static bool IsOrdinallySorted(IReadOnlyList<string> names)
    {
        for (var i = 1; i < names.Count; i++)
        {
            if (string.CompareOrdinal(names[i - 1], names[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reports in the scope's file. Past the per-file cap nothing more is collected (the cap itself is applied,
    /// with SG0008, when the file's diagnostics are assembled), so a file of errors costs no more than its first hundred.
    /// </summary>
    private void Report(Scope scope, DiagnosticDescriptor descriptor, TextSpan span, params object[] args)
    {
        if (Flooded(scope))
        {
            return;
        }

        scope.Errors += descriptor.Severity == DiagnosticSeverity.Error ? 1 : 0;
        diagnostics.Add(Diagnostic.Create(descriptor, scope.Lines.GetLocation(span), args));
    }

    /// <summary>Whether the file has more errors than are reported: then nothing more is worth computing for a message.</summary>
    private static bool Flooded(Scope scope) => scope.Errors > DiagnosticBag.MaxErrorsPerFile;

    /// <summary>"Did you mean …?" for a name in the scope's file; nothing once the file is past the error cap, where it would not be shown.</summary>
    private static string? Suggest(Scope scope, string word, IEnumerable<string> candidates) =>
        Flooded(scope) ? null : Suggestions.Closest(word, candidates);

    private void DeclareTreaties(IReadOnlyList<ParsedFile> files)
    {
        foreach (var file in files.OrderBy(f => f.Lines.Path, StringComparer.Ordinal))
        {
            var header = file.Syntax.Header;
            if (header is null || header.Name.Text.Length == 0)
            {
                continue;
            }

            if (scopes.TryGetValue(header.Name.Text, out var existing))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.DuplicateTreaty, file.Lines.GetLocation(header.Name.Span), header.Name.Text, existing.Lines.Path));
                continue;
            }

            scopes.Add(header.Name.Text, new Scope(header.Name.Text, file.Syntax, file.Lines, header));
        }
    }

    private void DeclareSymbols(Scope scope)
    {
        foreach (var declaration in scope.File.Declarations)
        {
            var name = declaration.Name.Text;
            if (name.Length == 0)
            {
                continue;
            }

            if (scope.Symbols.TryGetValue(name, out var first))
            {
                Report(scope, DiagnosticDescriptors.DuplicateDeclaration, declaration.Name.Span, name, "treaty '" + scope.Name + "'", scope.Lines.GetPosition(first.Name.Span.Start).Line);
                continue;
            }

            if (declaration is KindSyntax && BuiltInKinds.Find(name) is not null)
            {
                Report(scope, DiagnosticDescriptors.KindShadowsBuiltIn, declaration.Name.Span, name);
                continue;
            }

            scope.Symbols.Add(name, declaration);
        }
    }

    private void ResolveImports(Scope scope)
    {
        foreach (var import in scope.File.Imports)
        {
            var target = import.Treaty.Text;
            if (target.Length == 0)
            {
                continue;
            }

            if (!scopes.ContainsKey(target))
            {
                var suggestion = Suggest(scope, target, knownTreaties.Concat(scopes.Keys).Distinct());
                Report(scope, DiagnosticDescriptors.UnresolvedImport, import.Treaty.Span, target, suggestion is null ? string.Empty : " (did you mean '" + suggestion + "'?)");
                continue;
            }

            var alias = import.Alias?.Text ?? target;
            if (scope.Imports.ContainsKey(alias))
            {
                Report(scope, DiagnosticDescriptors.DuplicateDeclaration, (import.Alias ?? import.Treaty).Span, alias, "the imports of treaty '" + scope.Name + "'", scope.Lines.GetPosition(scope.ImportSpans[alias].Start).Line);
                continue;
            }

            scope.Imports.Add(alias, target);
            scope.ImportSpans.Add(alias, import.Treaty.Span);
            Refer(scope, import.Treaty.Span, SymbolSort.Treaty, target);
        }
    }

    /// <summary>Finds each import cycle once and reports it at the import that closes it in the first file by name.</summary>
    private void ReportImportCycles()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (var name in scopes.Keys)
        {
            Visit(name);
        }

        void Visit(string name)
        {
            state[name] = 1;
            stack.Add(name);
            var scope = scopes[name];
            foreach (var pair in scope.Imports.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var target = pair.Value;
                state.TryGetValue(target, out var targetState);
                if (targetState == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(target)).Concat(new[] { target });
                    Report(scope, DiagnosticDescriptors.ImportCycle, scope.ImportSpans[pair.Key], string.Join(" -> ", cycle));
                }
                else if (targetState == 0)
                {
                    Visit(target);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[name] = 2;
        }
    }

    private Treaty BuildTreaty(Scope scope)
    {
        var header = scope.Header;
        var title = Text(header.Title) ?? LocalizedText.Plain(scope.Name);
        if (header.Title is null && !header.HasErrors)
        {
            Report(scope, DiagnosticDescriptors.MissingProperty, header.Name.Span, "Treaty", scope.Name, "title", "'title \"...\"'");
        }

        // A file of scenarios, baselines or comparisons only names no instrument of its own.
        if (header.Reference is null && !header.HasErrors && scope.File.Declarations.Any(d => d is not (ScenarioSyntax or BaselineSyntax or ComparisonSyntax)))
        {
            Report(scope, DiagnosticDescriptors.MissingProperty, header.Name.Span, "Treaty", scope.Name, "reference", "'reference \"...\"' naming the instrument, e.g. \"ETS 185\"");
        }

        QualifiedName Q(string name) => new(scope.Name, name);
        var declared = scope.File.Declarations.Where(d => scope.Symbols.TryGetValue(d.Name.Text, out var s) && ReferenceEquals(s, d)).ToList();
        return new Treaty(
            scope.Name,
            scope.Lines.Path,
            title,
            Text(header.Description),
            header.Reference?.Value ?? string.Empty,
            header.Version?.Value,
            header.Namespace?.Text,
            scope.Language,
            scope.Translations.ToEquatableArray(),
            scope.Imports.Values.Distinct().OrderBy(i => i, StringComparer.Ordinal).ToEquatableArray(),
            scope.Instruments.ToEquatableArray(),
            scope.Kinds.ToEquatableArray(),
            declared.OfType<FactSyntax>().Select(f => questions.TryGetValue(new QuestionKey(Q(f.Name.Text), null), out var q) ? q : null).Where(q => q is not null).Select(q => q!).ToEquatableArray(),
            declared.OfType<SafeguardSyntax>().Select(s => safeguards.TryGetValue(Q(s.Name.Text), out var b) ? b : null).Where(s => s is not null).Select(s => s!).ToEquatableArray(),
            declared.OfType<MeasureSyntax>().Select(s => measures.TryGetValue(Q(s.Name.Text), out var b) ? b : null).Where(s => s is not null).Select(s => s!).ToEquatableArray(),
            declared.OfType<ProfileSyntax>().Select(s => profiles.TryGetValue(Q(s.Name.Text), out var b) ? b : null).Where(s => s is not null).Select(s => s!).ToEquatableArray(),
            scope.Checklists.ToEquatableArray(),
            scope.Lines.GetLocation(header.Span),
            scope.Scenarios.ToEquatableArray(),
            scope.Baselines.ToEquatableArray(),
            scope.Comparisons.ToEquatableArray(),
            WebAddress(scope, header.Url));
    }

    internal static LocalizedText? Text(LocalizedTextSyntax? syntax)
    {
        if (syntax is null)
        {
            return null;
        }

        var main = syntax.Entries.FirstOrDefault(e => e.Language is null);
        var translations = syntax.Entries
            .Where(e => e.Language is not null)
            .OrderBy(e => e.Language, StringComparer.Ordinal)
            .Select(e => new Translation(e.Language!, e.Value));
        return new LocalizedText(main?.Value ?? string.Empty, translations.ToEquatableArray());
    }

    /// <summary>Reports a required property that is absent, unless the declaration already has syntax errors.</summary>
    private bool Require(Scope scope, bool present, DeclarationSyntax declaration, string property, string fix) =>
        Require(scope, present, declaration.HasErrors, Capitalize(declaration.Keyword), declaration.Name, property, fix);

    private bool Require(Scope scope, bool present, bool hasErrors, string what, IdentifierSyntax name, string property, string fix)
    {
        if (!present && !hasErrors && name.Text.Length > 0)
        {
            Report(scope, DiagnosticDescriptors.MissingProperty, name.Span, what, name.Text, property, fix);
        }

        return present;
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);

    /// <summary>One file's treaty during binding: its symbols, imports and what has been bound so far.</summary>
    private sealed class Scope
    {
        public Scope(string name, TreatyFileSyntax file, LineMap lines, HeaderSyntax header)
        {
            Name = name;
            File = file;
            Lines = lines;
            Header = header;
            Language = header.Language?.Text ?? "en";
            Translations = header.Translations.Select(t => t.Text).Where(t => t.Length > 0 && t != Language).Distinct().ToList();
        }

        public string Name { get; }

        /// <summary>Errors reported in this file so far, by the binder.</summary>
        public int Errors { get; set; }

        public TreatyFileSyntax File { get; }

        public LineMap Lines { get; }

        public HeaderSyntax Header { get; }

        public string Language { get; }

        public List<string> Translations { get; }

        public Dictionary<string, DeclarationSyntax> Symbols { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Imports { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, TextSpan> ImportSpans { get; } = new(StringComparer.Ordinal);

        public List<Instrument> Instruments { get; } = new();

        public List<CustomKind> Kinds { get; } = new();

        public List<Checklist> Checklists { get; } = new();

        public List<Scenario> Scenarios { get; } = new();

        public List<Baseline> Baselines { get; } = new();

        public List<Comparison> Comparisons { get; } = new();
    }
}
