using System.Collections.Generic;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Diagnostics;

/// <summary>Collects the diagnostics of one file, with a cap so that a binary file cannot flood the output.</summary>
public sealed class DiagnosticBag
{
    public const int MaxErrorsPerFile = 100;

    private readonly List<Diagnostic> items = new();
    private readonly LineMap text;
    private int errors;
    private bool capped;

    /// <summary>
    /// A file's final diagnostics, in position order, with the cap applied across every stage: the first
    /// <see cref="MaxErrorsPerFile"/> errors, then one SG0008 where the next error would have been, and nothing
    /// after it. The lexer and parser stop collecting at the cap already; this keeps the binder's and the
    /// checks' diagnostics within the same cap, so one file never floods a build.
    /// </summary>
    public static IEnumerable<Diagnostic> Capped(IEnumerable<Diagnostic> sorted)
    {
        var errors = 0;
        foreach (var diagnostic in sorted)
        {
            if (diagnostic.Id == DiagnosticDescriptors.TooManyErrors.Id)
            {
                // An earlier stage stopped collecting here: nothing after this point is complete.
                yield return diagnostic;
                yield break;
            }

            if (diagnostic.IsError)
            {
                if (errors == MaxErrorsPerFile)
                {
                    yield return Diagnostic.Create(DiagnosticDescriptors.TooManyErrors, diagnostic.Location, MaxErrorsPerFile);
                    yield break;
                }

                errors++;
            }

            yield return diagnostic;
        }
    }

    internal DiagnosticBag(LineMap text)
    {
        this.text = text;
    }

    internal IReadOnlyList<Diagnostic> Items => items;

    internal int ErrorCount => errors;

    internal void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] args)
    {
        if (capped)
        {
            return;
        }

        if (descriptor.Severity == DiagnosticSeverity.Error)
        {
            if (errors == MaxErrorsPerFile)
            {
                capped = true;
                items.Add(Diagnostic.Create(DiagnosticDescriptors.TooManyErrors, text.GetLocation(span), MaxErrorsPerFile));
                return;
            }

            errors++;
        }

        items.Add(Diagnostic.Create(descriptor, text.GetLocation(span), args));
    }
}
