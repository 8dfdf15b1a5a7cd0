using System.Globalization;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Diagnostics;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>A problem found in a <c>.treaty</c> file: a stable ID, a severity, a message and its exact place.</summary>
public sealed record Diagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceLocation location, params object[] args) =>
        new(descriptor.Id, descriptor.Severity, descriptor.Format(args), location);

    /// <summary>The compiler's canonical form: <c>path(line,col): error SG0001: message</c>.</summary>
    public override string ToString() =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0}({1},{2}): {3} {4}: {5}",
            Location.Path,
            Location.Start.Line,
            Location.Start.Column,
            SeverityText(Severity),
            Id,
            Message);

    public static string SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}

/// <summary>What a diagnostic ID means: its title, message template and default severity.</summary>
public sealed record DiagnosticDescriptor(string Id, string Title, string MessageFormat, DiagnosticSeverity Severity, string Category)
{
    /// <summary>The page that explains this diagnostic, relative to the repository root.</summary>
    public string HelpPath => "dsl-spec/diagnostics/" + Id + ".md";

    public string Format(object[] args) => string.Format(CultureInfo.InvariantCulture, MessageFormat, args);
}
