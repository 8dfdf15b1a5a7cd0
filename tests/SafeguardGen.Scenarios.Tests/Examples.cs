using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Emit;

namespace SafeguardGen.Scenarios.Tests;

/// <summary>The example treaties, bound once, and their checklists' generated C# compiled and loaded once.</summary>
internal static class Examples
{
    public static string Root { get; } = Path.Combine(SafeguardGen.Testing.TestProcess.RepositoryRoot, "examples", "treaties");

    public static CompilationResult Compiled { get; } = TreatyCompiler.Compile(
        Directory.GetFiles(Root, "*.treaty").OrderBy(p => p, StringComparer.Ordinal).Select(p => new Language.Text.SourceText(Path.GetFileName(p), File.ReadAllText(p))));

    public static IReadOnlyList<ChecklistSlice> Slices { get; } = ChecklistSlice.From(Compiled.Model).ToList();

    private static readonly Lazy<Assembly> Generated = new(() =>
    {
        var trees = Slices.Select(s => CSharpSyntaxTree.ParseText(CSharpEmitter.Emit(s), new CSharpParseOptions(LanguageVersion.Latest), s.HintName));
        var references = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().Append(MetadataReference.CreateFromFile(typeof(Evaluator).Assembly.Location));
        var compilation = CSharpCompilation.Create("Generated", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException(string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return Assembly.Load(stream.ToArray());
    });

    /// <summary>The generated checklist of a slice.</summary>
    public static IChecklist Checklist(ChecklistSlice slice) =>
        (IChecklist)Generated.Value.GetType(slice.Namespace + "." + slice.ChecklistClass, throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!;
}
