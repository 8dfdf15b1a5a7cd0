using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Checks;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Services;

/// <summary>One file of a workspace as an editor sees it: its text, its parse, its binding and what its names refer to.</summary>
public sealed class FileAnalysis
{
    internal FileAnalysis(string path, string text, ParsedFile parsed)
    {
        Path = path;
        Text = text;
        Parsed = parsed;
        Imports = FileImports.Of(parsed);
        Outline = DeclaredSymbols.Of(parsed.Syntax);
        Declared = DeclaredSymbols.Flatten(Outline).ToList();
    }

    public string Path { get; }

    public string Text { get; }

    public ParsedFile Parsed { get; }

    internal FileImports Imports { get; }

    internal BindGroup? Group { get; set; }

    /// <summary>The file bound with its imports; null until the workspace is first refreshed.</summary>
    public BoundFile? Bound { get; internal set; }

    /// <summary>Every diagnostic of the file, as <c>safeguard check</c> gives it.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; internal set; }

    /// <summary>The names written in this file that the binder resolved, in the order it met them.</summary>
    public IReadOnlyList<NameReference> References { get; internal set; } = Array.Empty<NameReference>();

    public EquatableArray<DeclaredSymbol> Outline { get; }

    public IReadOnlyList<DeclaredSymbol> Declared { get; }
}

/// <summary>
/// The files of an editor's workspace, open or on disk, kept checked as they change. Each file is parsed on its
/// own and bound with the files it imports, exactly as the generator and <c>safeguard check</c> bind it, so an edit
/// re-binds only the edited file and the files that import it, and the diagnostics are the same as the build's.
/// </summary>
public sealed class EditorWorkspace
{
    private readonly SortedDictionary<string, FileAnalysis> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AnswersFile> answersFiles = new(StringComparer.Ordinal);

    /// <summary>The diagnostics last reported for each path, kept across edits that replace a file's analysis.</summary>
    private readonly Dictionary<string, EquatableArray<Diagnostic>> reported = new(StringComparer.Ordinal);
    private readonly Func<string, AnswersFile> readAnswersFile;
    private ImportIndex? index;
    private Dictionary<SymbolKey, DeclaredSymbol>? declarations;
    private TreatyModel? model;

    /// <param name="readAnswersFile">Reads a request file a scenario names, by its path; by default every one is unreadable.</param>
    public EditorWorkspace(Func<string, AnswersFile>? readAnswersFile = null)
    {
        this.readAnswersFile = readAnswersFile ?? (path => new AnswersFile(path, null, BindGroups.NotGiven));
    }

    public IEnumerable<FileAnalysis> Files => files.Values;

    /// <summary>How many files were bound by the last refresh: the measure of how much an edit cost.</summary>
    public int LastBound { get; private set; }

    public FileAnalysis? this[string path] => files.TryGetValue(SourceText.NormalizePath(path), out var file) ? file : null;

    /// <summary>Sets a file's text (opened, edited, or read from disk); it is parsed at once and bound at the next <see cref="Refresh"/>.</summary>
    public void SetText(string path, string text)
    {
        path = SourceText.NormalizePath(path);
        if (files.TryGetValue(path, out var existing) && string.Equals(existing.Text, text, StringComparison.Ordinal))
        {
            return;
        }

        files[path] = new FileAnalysis(path, text, TreatyCompiler.Parse(path, text));
        Invalidate();
    }

    public bool Remove(string path)
    {
        var removed = files.Remove(SourceText.NormalizePath(path));
        if (removed)
        {
            Invalidate();
        }

        return removed;
    }

    /// <summary>Forgets a request file read before, so that the next refresh reads it again.</summary>
    public void ForgetAnswersFile(string path)
    {
        if (answersFiles.Remove(SourceText.NormalizePath(path)))
        {
            foreach (var file in files.Values)
            {
                file.Group = null;
            }
        }
    }

    /// <summary>
    /// Re-binds every file whose group changed (the file, a file it imports, the treaties known, or a request file it
    /// reads) and recomputes the diagnostics. Returns the paths whose diagnostics changed.
    /// </summary>
    public IReadOnlyList<string> Refresh()
    {
        var newIndex = ImportIndex.Create(files.Values.Select(f => f.Imports));

        // The same graph keeps the same index, whose closures are memoised and whose list of treaties every group
        // shares: an edit that changes no import then compares groups element by reference.
        if (index is null || !index.Equals(newIndex))
        {
            index = newIndex;
        }

        var imported = ImportedFiles.Create(files.Values.Where(f => index.IsImported(f.Path)).Select(f => f.Parsed));
        var bound = 0;
        foreach (var file in files.Values)
        {
            var read = AnswersFiles.Referenced(file.Parsed).Select(ReadAnswersFile).ToList();
            var group = BindGroups.Of(file.Parsed, index, imported, read);
            if (file.Group is not null && file.Group.Equals(group) && file.Bound is not null)
            {
                continue;
            }

            var references = new List<NameReference>();
            file.Bound = TreatyCompiler.BindFile(group, references);
            file.References = references;
            file.Group = group;
            bound++;
        }

        LastBound = bound;

        // The one check across every file: the C# types the checklists generate must not collide.
        var generated = GeneratedNames.Check(files.Values.SelectMany(f => f.Bound!.Checklists).Select(ChecklistTypes.From)).Diagnostics
            .GroupBy(d => d.Location.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var file in files.Values)
        {
            var diagnostics = generated.TryGetValue(file.Path, out var extra)
                ? TreatyCompiler.Sort(file.Bound!.Diagnostics.Concat(extra)).ToEquatableArray()
                : file.Bound!.Diagnostics;
            file.Diagnostics = diagnostics;
            if (!reported.TryGetValue(file.Path, out var before) || !before.Equals(diagnostics))
            {
                reported[file.Path] = diagnostics;
                changed.Add(file.Path);
            }
        }

        // A file removed has no diagnostics left: report it once, so its old ones are cleared.
        foreach (var gone in reported.Keys.Where(p => !files.ContainsKey(p)).ToList())
        {
            reported.Remove(gone);
            changed.Add(gone);
        }

        Invalidate();
        return changed;
    }

    /// <summary>Where a symbol is declared, or null (a built-in kind, or a name declared nowhere in the workspace).</summary>
    public DeclaredSymbol? Declaration(SymbolKey key)
    {
        declarations ??= files.Values.SelectMany(f => f.Declared)
            .GroupBy(d => d.Key)
            .ToDictionary(g => g.Key, g => g.First());
        return declarations.TryGetValue(key, out var found) ? found : null;
    }

    /// <summary>Every place a symbol is written: its declaration first, then each reference, by file and position.</summary>
    public IEnumerable<(string Path, TextSpan Span)> Occurrences(SymbolKey key)
    {
        var declaration = Declaration(key);
        if (declaration is not null)
        {
            yield return (declaration.Path, declaration.NameSpan);
        }

        foreach (var file in files.Values)
        {
            foreach (var reference in file.References.Where(r => r.Symbol.Equals(key)).OrderBy(r => r.Span.Start).Select(r => r.Span).Distinct())
            {
                yield return (file.Path, reference);
            }
        }
    }

    /// <summary>The bound model of every file, as one compilation; built when first asked for after a change.</summary>
    public TreatyModel Model => model ??= BindGroups.Assemble(files.Values.Where(f => f.Bound is not null).Select(f => f.Bound!)).Model;

    private AnswersFile ReadAnswersFile(string path)
    {
        if (!answersFiles.TryGetValue(path, out var file))
        {
            file = readAnswersFile(path);
            answersFiles[path] = file;
        }

        return file;
    }

    private void Invalidate()
    {
        declarations = null;
        model = null;
    }
}
