using System.Collections.Generic;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Diagnostics;

/// <summary>Collects the diagnostics of one file, with a cap so that a binary file cannot flood the output.</summary>
internal sealed class DiagnosticBag
{
    public const int MaxErrorsPerFile = 100;

    private readonly List<Diagnostic> items = new();
    private readonly LineMap text;
    private int errors;
    private bool capped;

    public DiagnosticBag(LineMap text)
    {
        this.text = text;
    }

    public IReadOnlyList<Diagnostic> Items => items;

    public int ErrorCount => errors;

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] args)
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
