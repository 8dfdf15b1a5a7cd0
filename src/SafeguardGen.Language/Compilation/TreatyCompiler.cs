using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Lexing;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Compilation;

/// <summary>One file after lexing and parsing: its tree, line map and syntax diagnostics. Equatable, so it can be cached.</summary>
public sealed record ParsedFile(TreatyFileSyntax Syntax, LineMap Lines, EquatableArray<Diagnostic> Diagnostics);

/// <summary>The result of compiling a set of files: the bound model and every diagnostic, in a stable order.</summary>
public sealed record CompilationResult(TreatyModel Model, EquatableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// The front end's entry points. Neither method throws: any input gives a result, and an internal failure
/// becomes diagnostic SG0900.
/// </summary>
public static class TreatyCompiler
{
    /// <summary>The largest file read, in characters (4 Mi): far above any real treaty, far below what could exhaust memory.</summary>
    public const int MaxFileLength = 4 * 1024 * 1024;

    public static ParsedFile Parse(string path, string content) => Parse(new SourceText(path, content));

    public static ParsedFile Parse(SourceText source)
    {
        var bag = new DiagnosticBag(source.Lines);
        try
        {
            if (source.Length > MaxFileLength)
            {
                bag.Report(DiagnosticDescriptors.FileTooLarge, new TextSpan(0, 0), source.Truncated ? "more than " + MaxFileLength.ToString(System.Globalization.CultureInfo.InvariantCulture) : (object)source.Length, MaxFileLength);
                return new ParsedFile(EmptyFile(source.Path), source.Lines, bag.Items.ToEquatableArray());
            }

            foreach (var invalid in source.InvalidUtf8)
            {
                bag.Report(DiagnosticDescriptors.InvalidUtf8, new TextSpan(invalid.Offset, 1), invalid.Bytes);
            }

            var tokens = Lexer.Tokenize(source, bag);
            var syntax = Parser.Parse(source, tokens, bag);
            return new ParsedFile(syntax, source.Lines, Sort(bag.Items).ToEquatableArray());
        }
        catch (Exception exception) when (IsRecoverable(exception))
        {
            bag.Report(DiagnosticDescriptors.InternalError, new TextSpan(0, 0), "parsing", exception.GetType().Name + ": " + exception.Message);
            return new ParsedFile(EmptyFile(source.Path), source.Lines, bag.Items.ToEquatableArray());
        }
    }

    /// <summary>
    /// Binds and checks parsed files together: imports, names across files, profiles, checklists. Each file is
    /// bound with the treaties it imports (<see cref="BindGroups"/>), which is also how the generator binds
    /// incrementally, so both give the same result.
    /// </summary>
    public static CompilationResult Bind(IEnumerable<ParsedFile> files) => Bind(files, null);

    /// <inheritdoc cref="Bind(IEnumerable{ParsedFile})"/>
    /// <param name="files">The parsed files.</param>
    /// <param name="answersFiles">The request files their scenarios read (<see cref="AnswersFiles.Referenced"/>), with their text or why it could not be read.</param>
    public static CompilationResult Bind(IEnumerable<ParsedFile> files, IEnumerable<AnswersFile>? answersFiles) =>
        BindGroups.Assemble(BindGroups.Create(files, answersFiles).Select(BindFile));

    /// <summary>Binds one file with its imports; an internal failure becomes SG0900 at the start of that file.</summary>
    public static BoundFile BindFile(BindGroup group) => BindFile(group, null);

    /// <summary>Binds one file with its imports and collects the names its text resolves (for an editor); never throws.</summary>
    public static BoundFile BindFile(BindGroup group, List<NameReference>? references)
    {
        try
        {
            return BindGroups.Bind(group, references);
        }
        catch (Exception exception) when (IsRecoverable(exception))
        {
            var internalError = Diagnostic.Create(DiagnosticDescriptors.InternalError, group.Target.Lines.GetLocation(new TextSpan(0, 0)), "binding", exception.GetType().Name + ": " + exception.Message);
            return new BoundFile(group.Target.Lines.Path, null, group.Target.Diagnostics.Append(internalError).ToEquatableArray(), default);
        }
    }

    public static CompilationResult Compile(IEnumerable<SourceText> sources) => Bind(sources.Select(Parse));

    /// <summary>Diagnostics ordered by file, position and ID, so output is the same whatever the order of the inputs.</summary>
    public static IEnumerable<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .Distinct()
        .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
        .ThenBy(d => d.Location.Span.Start)
        .ThenBy(d => d.Id, StringComparer.Ordinal)
        .ThenBy(d => d.Message, StringComparer.Ordinal);

    private static TreatyFileSyntax EmptyFile(string path) => new(path, null, default, default, true);

    // Out-of-memory and the like are not ours to swallow; everything else is a bug in this library, which must not crash its host.
    private static bool IsRecoverable(Exception exception) => exception is not OutOfMemoryException;
}
