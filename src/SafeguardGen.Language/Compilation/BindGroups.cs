using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Compilation;

/// <summary>
/// One file with everything its binding depends on: the files of the treaties it imports (transitively) and the
/// names of every treaty among the inputs. Equatable, so that a generator re-binds a file only when it, or a file
/// it imports, changed.
/// </summary>
public sealed record BindGroup(ParsedFile Target, EquatableArray<ParsedFile> Imports, EquatableArray<string> KnownTreaties, string? DuplicateOf, EquatableArray<AnswersFile> AnswersFiles = default);

/// <summary>
/// One file's share of the bound model: its treaty (null when it has none to bind), its diagnostics, and its
/// checklists ready to emit (their safeguards and facts resolved through its imports).
/// </summary>
/// <summary>One file's share of a compilation: its treaty, diagnostics, checklists to emit, and the reports of its comparisons (whose baselines may live in the files it imports).</summary>
public sealed record BoundFile(string Path, Treaty? Treaty, EquatableArray<Diagnostic> Diagnostics, EquatableArray<Emit.ChecklistSlice> Checklists, EquatableArray<Reports.ComparisonReport> Comparisons = default);

/// <summary>
/// Binding file by file. Each file is bound together with the treaties it imports, and only its own treaty and
/// its own diagnostics are kept; assembling the pieces gives the same model and diagnostics as binding all files
/// at once, but an edit re-binds only the edited file and the files that import it.
/// </summary>
public static class BindGroups
{
    /// <summary>Why a request file was not read: in a build, only additional files reach the generator.</summary>
    public const string NotGiven = "it is not among the files given (in a build, add it with <AdditionalFiles Include=\"...\" />)";

    public static EquatableArray<BindGroup> Create(IEnumerable<ParsedFile> files) => Create(files, null);

    /// <param name="files">The parsed files.</param>
    /// <param name="answersFiles">The request files scenarios read (see <see cref="AnswersFiles.Referenced"/>); one not given is reported as unreadable.</param>
    public static EquatableArray<BindGroup> Create(IEnumerable<ParsedFile> files, IEnumerable<AnswersFile>? answersFiles)
    {
        var ordered = files.OrderBy(f => f.Lines.Path, StringComparer.Ordinal).ToList();
        var index = ImportIndex.Create(ordered.Select(FileImports.Of));
        var imported = ImportedFiles.Create(ordered.Where(f => index.IsImported(f.Lines.Path)));
        var answers = (answersFiles ?? Enumerable.Empty<AnswersFile>()).ToList();
        return ordered.Select(file => Of(file, index, imported, answers)).ToEquatableArray();
    }

    /// <summary>
    /// One file's group, formed from the import graph and the imported files alone: no other file is looked at, so
    /// a generator forms each group on its own and an edit re-forms only the groups that can change.
    /// </summary>
    /// <param name="file">The file.</param>
    /// <param name="index">The import graph of every input.</param>
    /// <param name="imported">The files some file imports.</param>
    /// <param name="answersFiles">The request files given; the last of a path counts, and one not given is reported as unreadable.</param>
    public static BindGroup Of(ParsedFile file, ImportIndex index, ImportedFiles imported, IReadOnlyList<AnswersFile> answersFiles)
    {
        var path = file.Lines.Path;
        var read = AnswersFiles.Referenced(file).Select(p => LastOf(answersFiles, p) ?? new AnswersFile(p, null, NotGiven)).ToEquatableArray();
        var imports = index.Closure(path).Select(p => imported[p]).ToEquatableArray();
        return new BindGroup(file, imports, index.KnownTreaties, index.DuplicateOf(path), read);
    }

    /// <summary>The last request file of that path: a file scans the few it reads, so no dictionary is built per file.</summary>
    private static AnswersFile? LastOf(IReadOnlyList<AnswersFile> answersFiles, string path)
    {
        for (var i = answersFiles.Count - 1; i >= 0; i--)
        {
            if (string.Equals(answersFiles[i].Path, path, StringComparison.Ordinal))
            {
                return answersFiles[i];
            }
        }

        return null;
    }

    public static BoundFile Bind(BindGroup group) => Bind(group, null);

    /// <summary>Binds one file with its imports and, when <paramref name="references"/> is given, adds to it every name the file's text resolves (for an editor).</summary>
    public static BoundFile Bind(BindGroup group, List<NameReference>? references)
    {
        var target = group.Target;
        var path = target.Lines.Path;
        if (group.DuplicateOf is not null)
        {
            var header = target.Syntax.Header!;
            var duplicate = Diagnostic.Create(DiagnosticDescriptors.DuplicateTreaty, target.Lines.GetLocation(header.Name.Span), header.Name.Text, group.DuplicateOf);
            return new BoundFile(path, null, DiagnosticBag.Capped(TreatyCompiler.Sort(target.Diagnostics.Append(duplicate))).ToEquatableArray(), default);
        }

        var all = references is null ? null : new List<NameReference>();
        var (model, semantic) = Binder.Bind(new[] { target }.Concat(group.Imports).ToList(), group.KnownTreaties, group.AnswersFiles, all);
        if (all is not null)
        {
            // The imports are bound again with every file that imports them: only the target's own names are its references.
            references!.AddRange(all.Where(r => string.Equals(r.Path, path, StringComparison.Ordinal)));
        }

        var treaty = model.Treaties.FirstOrDefault(t => t.Path == path);

        // Its own diagnostics, and those in the request files its scenarios read.
        var own = target.Diagnostics.Concat(semantic.Where(d => d.Location.Path == path || group.AnswersFiles.Any(a => a.Path == d.Location.Path)));
        var index = treaty is null ? null : model.CreateIndex();
        var checklists = treaty is null ? default : Emit.ChecklistSlice.Of(treaty, index!).ToEquatableArray();
        var comparisons = treaty is null ? default : Reports.ComparisonReport.BuildAll(model, treaty.Comparisons, index).ToEquatableArray();
        return new BoundFile(path, treaty, DiagnosticBag.Capped(TreatyCompiler.Sort(own)).ToEquatableArray(), checklists, comparisons);
    }

    /// <summary>
    /// The whole model from its files, with the one check that needs every file: that the C# types the
    /// checklists generate (in the default namespace where a treaty declares none) cannot collide, as the
    /// generator checks too.
    /// </summary>
    public static CompilationResult Assemble(IEnumerable<BoundFile> files)
    {
        var list = files.ToList();
        var treaties = list.Where(f => f.Treaty is not null).Select(f => f.Treaty!).OrderBy(t => t.Name, StringComparer.Ordinal);
        var generatedNames = Checks.GeneratedNames.Check(list.SelectMany(f => f.Checklists).Select(Checks.ChecklistTypes.From));
        return new CompilationResult(new TreatyModel(treaties.ToEquatableArray()), TreatyCompiler.Sort(list.SelectMany(f => f.Diagnostics).Concat(generatedNames.Diagnostics)).ToEquatableArray());
    }
}
