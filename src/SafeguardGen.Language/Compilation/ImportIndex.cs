using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Compilation;

/// <summary>
/// What one file says about its place among the inputs: its path, its treaty's name and the treaties it imports.
/// An edit inside a declaration leaves it equal, so the <see cref="ImportIndex"/> built from all of them does not change.
/// </summary>
public sealed record FileImports(string Path, string? Treaty, EquatableArray<string> Imports)
{
    public static FileImports Of(ParsedFile file)
    {
        var name = file.Syntax.Header?.Name.Text;
        return new FileImports(file.Lines.Path, string.IsNullOrEmpty(name) ? null : name, file.Syntax.Imports.Select(i => i.Treaty.Text).ToEquatableArray());
    }
}

/// <summary>
/// The import graph of the inputs: which file holds each treaty, every treaty's name, and for each file the files
/// it imports (directly or through other imports). Built from the files' <see cref="FileImports"/> alone and equal
/// while they are, so a generator forms each file's <see cref="BindGroup"/> on its own, and an edit that changes no
/// header or import touches only the edited file.
/// </summary>
public sealed class ImportIndex : IEquatable<ImportIndex>
{
    private readonly EquatableArray<FileImports> files;
    private readonly Dictionary<string, string> pathByTreaty = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileImports> byPath = new(StringComparer.Ordinal);
    private readonly HashSet<string> imported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EquatableArray<string>> closures = new(StringComparer.Ordinal);

    private ImportIndex(EquatableArray<FileImports> files)
    {
        this.files = files;
        foreach (var file in files)
        {
            byPath[file.Path] = file;
            if (file.Treaty is not null && !pathByTreaty.ContainsKey(file.Treaty))
            {
                pathByTreaty.Add(file.Treaty, file.Path);
            }
        }

        KnownTreaties = pathByTreaty.Keys.OrderBy(k => k, StringComparer.Ordinal).ToEquatableArray();
        foreach (var file in files)
        {
            foreach (var import in file.Imports)
            {
                if (pathByTreaty.TryGetValue(import, out var path) && path != file.Path)
                {
                    imported.Add(path);
                }
            }
        }
    }

    /// <summary>The index of <paramref name="files"/>, whatever their order.</summary>
    public static ImportIndex Create(IEnumerable<FileImports> files) =>
        new(files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray());

    /// <summary>Every treaty's name among the inputs, in ordinal order: one array, shared by every file's group.</summary>
    public EquatableArray<string> KnownTreaties { get; }

    /// <summary>Whether another file imports the file at <paramref name="path"/>: only such files are needed to bind others.</summary>
    public bool IsImported(string path) => imported.Contains(path);

    /// <summary>The path of the file that declared <paramref name="path"/>'s treaty first (in path order), when that is another file.</summary>
    public string? DuplicateOf(string path) =>
        byPath.TryGetValue(path, out var file) && file.Treaty is not null && pathByTreaty.TryGetValue(file.Treaty, out var first) && first != path ? first : null;

    /// <summary>The paths of the files <paramref name="path"/> imports, directly or through other imports, in path order.</summary>
    public EquatableArray<string> Closure(string path)
    {
        lock (closures)
        {
            if (closures.TryGetValue(path, out var known))
            {
                return known;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(path);
        while (pending.Count > 0)
        {
            if (!byPath.TryGetValue(pending.Pop(), out var file))
            {
                continue;
            }

            foreach (var import in file.Imports)
            {
                if (seen.Add(import) && pathByTreaty.TryGetValue(import, out var importedPath) && importedPath != path)
                {
                    found.Add(importedPath);
                    pending.Push(importedPath);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        var closure = found.ToEquatableArray();
        lock (closures)
        {
            closures[path] = closure;
        }

        return closure;
    }

    public bool Equals(ImportIndex? other) => other is not null && (ReferenceEquals(this, other) || files.Equals(other.files));

    public override bool Equals(object? obj) => Equals(obj as ImportIndex);

    public override int GetHashCode() => files.GetHashCode();
}

/// <summary>
/// The parsed files other files import, by path: what a file's <see cref="BindGroup"/> takes its imports from.
/// Equal while those files are, so an edit to a file nobody imports leaves it, and every other group, unchanged.
/// </summary>
public sealed class ImportedFiles : IEquatable<ImportedFiles>
{
    private readonly EquatableArray<ParsedFile> files;
    private readonly Dictionary<string, ParsedFile> byPath = new(StringComparer.Ordinal);

    private ImportedFiles(EquatableArray<ParsedFile> files)
    {
        this.files = files;
        foreach (var file in files)
        {
            byPath[file.Lines.Path] = file;
        }
    }

    public static ImportedFiles Create(IEnumerable<ParsedFile> files) =>
        new(files.OrderBy(f => f.Lines.Path, StringComparer.Ordinal).ToEquatableArray());

    /// <summary>The parsed file at <paramref name="path"/>.</summary>
    public ParsedFile this[string path] => byPath[path];

    public bool Equals(ImportedFiles? other) => other is not null && (ReferenceEquals(this, other) || files.Equals(other.files));

    public override bool Equals(object? obj) => Equals(obj as ImportedFiles);

    public override int GetHashCode() => files.GetHashCode();
}
