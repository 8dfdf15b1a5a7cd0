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
        var answers = new Dictionary<string, AnswersFile>(StringComparer.Ordinal);
        foreach (var answersFile in answersFiles ?? Enumerable.Empty<AnswersFile>())
        {
            answers[answersFile.Path] = answersFile;
        }

        var ordered = files.OrderBy(f => f.Lines.Path, StringComparer.Ordinal).ToList();
        var byName = new Dictionary<string, ParsedFile>(StringComparer.Ordinal);
        foreach (var file in ordered)
        {
            var name = file.Syntax.Header?.Name.Text;
            if (!string.IsNullOrEmpty(name) && !byName.ContainsKey(name!))
            {
                byName.Add(name!, file);
            }
        }

        var known = byName.Keys.OrderBy(k => k, StringComparer.Ordinal).ToEquatableArray();
        var groups = new List<BindGroup>(ordered.Count);
        foreach (var file in ordered)
        {
            var name = file.Syntax.Header?.Name.Text;
            var duplicateOf = !string.IsNullOrEmpty(name) && !ReferenceEquals(byName[name!], file) ? byName[name!].Lines.Path : null;
            var read = AnswersFiles.Referenced(file).Select(path => answers.TryGetValue(path, out var found) ? found : new AnswersFile(path, null, NotGiven)).ToEquatableArray();
            groups.Add(new BindGroup(file, Closure(file, byName).ToEquatableArray(), known, duplicateOf, read));
        }

        return groups.ToEquatableArray();
    }

    /// <summary>The files of the treaties a file imports, directly or through other imports, in path order.</summary>
    private static IEnumerable<ParsedFile> Closure(ParsedFile file, Dictionary<string, ParsedFile> byName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<ParsedFile>();
        var pending = new Stack<ParsedFile>();
        pending.Push(file);
        while (pending.Count > 0)
        {
            foreach (var import in pending.Pop().Syntax.Imports)
            {
                if (seen.Add(import.Treaty.Text) && byName.TryGetValue(import.Treaty.Text, out var imported) && !ReferenceEquals(imported, file))
                {
                    found.Add(imported);
                    pending.Push(imported);
                }
            }
        }

        return found.OrderBy(f => f.Lines.Path, StringComparer.Ordinal);
    }

    public static BoundFile Bind(BindGroup group)
    {
        var target = group.Target;
        var path = target.Lines.Path;
        if (group.DuplicateOf is not null)
        {
            var header = target.Syntax.Header!;
            var duplicate = Diagnostic.Create(DiagnosticDescriptors.DuplicateTreaty, target.Lines.GetLocation(header.Name.Span), header.Name.Text, group.DuplicateOf);
            return new BoundFile(path, null, DiagnosticBag.Capped(TreatyCompiler.Sort(target.Diagnostics.Append(duplicate))).ToEquatableArray(), default);
        }

        var (model, semantic) = Binder.Bind(new[] { target }.Concat(group.Imports).ToList(), group.KnownTreaties, group.AnswersFiles);
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
