using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SafeguardGen.Language.Checks;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Text;
using SafeguardGen.Language.Emit;
using LanguageDiagnostic = SafeguardGen.Language.Diagnostics.Diagnostic;
using LanguageDescriptors = SafeguardGen.Language.Diagnostics.DiagnosticDescriptors;
using LanguageSeverity = SafeguardGen.Language.Diagnostics.DiagnosticSeverity;

namespace SafeguardGen.Generator;

/// <summary>
/// Compiles every <c>.treaty</c> additional file into checklists. Each file is parsed on its own and cached, then
/// bound with the treaties it imports; each checklist is emitted from its own equatable slice. Editing one file
/// re-parses, re-binds and re-emits only what depends on it, and editing C# parses nothing again.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TreatyGenerator : IIncrementalGenerator
{
    private static readonly Dictionary<string, DiagnosticDescriptor> Descriptors = CreateDescriptors(null);

    // Descriptors for the help-link base last asked for: a project keeps one base, so this avoids rebuilding them on every run.
    private static Tuple<string, Dictionary<string, DiagnosticDescriptor>>? lastDescriptors;

    private static Dictionary<string, DiagnosticDescriptor> DescriptorsFor(string? helpLinkBase)
    {
        if (helpLinkBase is null)
        {
            return Descriptors;
        }

        var last = lastDescriptors;
        if (last is not null && last.Item1 == helpLinkBase)
        {
            return last.Item2;
        }

        var created = CreateDescriptors(helpLinkBase);
        lastDescriptors = Tuple.Create(helpLinkBase, created);
        return created;
    }

    /// <summary>Descriptors whose help links point at the diagnostic pages under <paramref name="helpLinkBase"/> (the package's copy of dsl-spec/diagnostics).</summary>
    private static Dictionary<string, DiagnosticDescriptor> CreateDescriptors(string? helpLinkBase) => LanguageDescriptors.All.ToDictionary(
        d => d.Id,
        d => new DiagnosticDescriptor(d.Id, d.Title, "{0}", "SafeguardGen." + d.Category, ToRoslyn(d.Severity), isEnabledByDefault: true, helpLinkUri: helpLinkBase is null ? d.HelpPath : helpLinkBase.TrimEnd('/') + "/" + d.Id + ".md"),
        StringComparer.Ordinal);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".treaty", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, cancellationToken) => TreatyCompiler.Parse(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.ParseTreaty);

        // Each file is bound with the treaties it imports, so an edit re-binds only that file and its importers,
        // and everything downstream (diagnostics, checklists) stays per file: no step needs the whole model.
        // Request files that scenarios read (answers-from) come in as additional files too; each is read once and
        // cached, and a file binds again only when a request file it reads changes.
        var answersFiles = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, cancellationToken) => new AnswersFile(text.Path.Replace('\\', '/'), text.GetText(cancellationToken)?.ToString(), null))
            .Collect();

        // Groups are formed file by file from an import index, never from the whole set of files: the index
        // holds only each file's name and imports, and the imported files only those some file imports, so an
        // edit inside a declaration changes neither, and re-forms (and re-binds) only the edited file's group and
        // those of the files that import it.
        var index = parsed
            .Select(static (file, _) => FileImports.Of(file))
            .Collect()
            .Select(static (files, _) => ImportIndex.Create(files))
            .WithTrackingName(TrackingNames.ImportIndex);
        var withIndex = parsed.Combine(index);
        var imported = withIndex
            .Where(static pair => pair.Right.IsImported(pair.Left.Lines.Path))
            .Select(static (pair, _) => pair.Left)
            .Collect()
            .Select(static (files, _) => ImportedFiles.Create(files))
            .WithTrackingName(TrackingNames.ImportedFiles);
        var bound = withIndex
            .Combine(imported)
            .Combine(answersFiles)
            .Select(static (pair, _) => BindGroups.Of(pair.Left.Left.Left, pair.Left.Left.Right, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.BindGroups)
            .Select(static (group, _) => TreatyCompiler.BindFile(group))
            .WithTrackingName(TrackingNames.Bind);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var diagnostics = bound
            .Select(static (file, _) => file.Diagnostics)
            .Combine(options.Select(static (o, _) => o.HelpLinkBase))
            .WithTrackingName(TrackingNames.TreatyDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, pair) => Guard(output, () => ReportTreatyDiagnostics(output, pair.Left, pair.Right)));

        var slices = bound
            .SelectMany(static (file, _) => file.Checklists)
            .Combine(options.Select(static (o, _) => o.DefaultNamespace))
            .Select(static (pair, _) => pair.Left with { DefaultNamespace = pair.Right })
            .WithTrackingName(TrackingNames.Checklists);

        // The only step over every checklist, on small values: the C# types each generates. A checklist whose types
        // would collide is reported at its declaration and not emitted, so the build shows one SG error, not CS0101.
        var generatedNames = slices
            .Select(static (slice, _) => ChecklistTypes.From(slice))
            .Collect()
            .Select(static (list, _) => GeneratedNames.Check(list))
            .WithTrackingName(TrackingNames.GeneratedNames);
        context.RegisterSourceOutput(
            generatedNames.Select(static (result, _) => result.Diagnostics).Combine(options.Select(static (o, _) => o.HelpLinkBase)),
            static (output, pair) => Guard(output, () => ReportTreatyDiagnostics(output, pair.Left, pair.Right)));

        var emitted = slices
            .Combine(generatedNames.Select(static (result, _) => result.Excluded))
            .Where(static pair => !pair.Right.Contains(pair.Left.Id))
            .Select(static (pair, _) => pair.Left);
        context.RegisterSourceOutput(emitted, static (output, slice) => Guard(output, () => output.AddSource(slice.HintName, Microsoft.CodeAnalysis.Text.SourceText.From(CSharpEmitter.Emit(slice), System.Text.Encoding.UTF8))));

        var signatures = emitted
            .Select(static (slice, _) => ChecklistSignature.From(slice))
            .Collect()
            .Select(static (list, _) => list.OrderBy(s => s.Id, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Signatures);
        context.RegisterSourceOutput(signatures, static (output, list) => Guard(output, () =>
        {
            if (!list.IsEmpty)
            {
                output.AddSource(RegistryEmitter.HintName, Microsoft.CodeAnalysis.Text.SourceText.From(RegistryEmitter.Emit(list), System.Text.Encoding.UTF8));
            }
        }));

        // Scenarios are data for the project's tests: each with its answers by the checklist's question IDs.
        var scenarios = bound
            .Select(static (file, _) => file.Treaty?.Scenarios ?? default)
            .Collect()
            .Combine(emitted.Collect())
            .Select(static (pair, _) =>
            {
                // Only the checklists that scenarios test are laid out, and none when there is no scenario, so a
                // keystroke in a project without scenarios costs nothing here.
                var scenarios = pair.Left.SelectMany(s => s).ToList();
                var tested = new HashSet<string>(scenarios.Select(s => s.Checklist.ToString()), StringComparer.Ordinal);
                var layouts = pair.Right.Where(s => tested.Contains(s.Id)).ToDictionary(s => s.Id, s => new ChecklistLayout(s), StringComparer.Ordinal);
                return ScenarioLowering.Lower(scenarios, layouts).OrderBy(s => s.Id, StringComparer.Ordinal).ToEquatableArray();
            })
            .WithTrackingName(TrackingNames.Scenarios);
        context.RegisterSourceOutput(scenarios, static (output, list) => Guard(output, () =>
        {
            if (!list.IsEmpty)
            {
                output.AddSource(ScenarioEmitter.HintName, Microsoft.CodeAnalysis.Text.SourceText.From(ScenarioEmitter.Emit(list), System.Text.Encoding.UTF8));
            }
        }));

        // Comparisons are metadata for the app: each file's reports, already equatable values, joined in ID order.
        var comparisons = bound
            .Select(static (file, _) => file.Comparisons)
            .Collect()
            .Select(static (lists, _) => lists.SelectMany(l => l).OrderBy(r => r.Comparison.Name.ToString(), StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Comparisons);
        context.RegisterSourceOutput(comparisons, static (output, list) => Guard(output, () =>
        {
            if (!list.IsEmpty)
            {
                output.AddSource(ComparisonEmitter.HintName, Microsoft.CodeAnalysis.Text.SourceText.From(ComparisonEmitter.Emit(list), System.Text.Encoding.UTF8));
            }
        }));

        var handlers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                HandlerClass.AttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (attributeContext, cancellationToken) => HandlerClass.Create(attributeContext, cancellationToken))
            .Where(static handler => handler is not null)
            .Select(static (handler, _) => handler!)
            .WithTrackingName(TrackingNames.Handlers);
        context.RegisterSourceOutput(
            handlers.Combine(signatures).Combine(options.Select(static (o, _) => o.HelpLinkBase)),
            static (output, pair) => Guard(output, () => HandlerChecker.Run(output, pair.Left.Left, pair.Left.Right, pair.Right)));
    }

    /// <summary>Nothing escapes to become CS8785: an internal failure is reported as SG0900.</summary>
    private static void Guard(SourceProductionContext output, Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.ReportDiagnostic(Diagnostic.Create(Descriptors["SG0900"], Location.None, LanguageDescriptors.InternalError.Format(new object[] { "generating code", exception.GetType().Name + ": " + exception.Message })));
        }
    }

    private static void ReportTreatyDiagnostics(SourceProductionContext output, SafeguardGen.Language.Text.EquatableArray<LanguageDiagnostic> diagnostics, string? helpLinkBase)
    {
        var descriptors = DescriptorsFor(helpLinkBase);
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(ToRoslyn(diagnostic, descriptors));
        }
    }

    internal static Diagnostic ToRoslyn(LanguageDiagnostic diagnostic, Dictionary<string, DiagnosticDescriptor> descriptors)
    {
        var location = diagnostic.Location;
        var roslynLocation = location.Path.Length == 0
            ? Location.None
            : Location.Create(
                location.Path,
                new Microsoft.CodeAnalysis.Text.TextSpan(location.Span.Start, location.Span.Length),
                new LinePositionSpan(new Microsoft.CodeAnalysis.Text.LinePosition(location.Start.Line - 1, location.Start.Column - 1), new Microsoft.CodeAnalysis.Text.LinePosition(location.End.Line - 1, location.End.Column - 1)));
        return Diagnostic.Create(descriptors[diagnostic.Id], roslynLocation, diagnostic.Message);
    }

    internal static Diagnostic Create(Language.Diagnostics.DiagnosticDescriptor descriptor, string? helpLinkBase, LocationInfo? location, params object[] args) =>
        Diagnostic.Create(DescriptorsFor(helpLinkBase)[descriptor.Id], location?.ToLocation() ?? Location.None, descriptor.Format(args));

    private static DiagnosticSeverity ToRoslyn(LanguageSeverity severity) => severity switch
    {
        LanguageSeverity.Error => DiagnosticSeverity.Error,
        LanguageSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
