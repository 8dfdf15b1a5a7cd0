using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SafeguardGen.Language.Diagnostics;

namespace SafeguardGen.Cli;

/// <summary>The forms in which <c>check</c> prints diagnostics: a summary line, JSON, and SARIF 2.1.0 for code-scanning tools.</summary>
internal static class DiagnosticFormats
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Summary(IReadOnlyList<Diagnostic> diagnostics, int files)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        return string.Format(CultureInfo.InvariantCulture, "{0} checked: {1}, {2}.", Plural(files, "file"), Plural(errors, "error"), Plural(warnings, "warning"));
    }

    private static string Plural(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    public static string Json(IReadOnlyList<Diagnostic> diagnostics, int files, Uri? helpBase) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("files", files);
        writer.WriteNumber("errors", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        writer.WriteNumber("warnings", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
        writer.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("id", d.Id);
            writer.WriteString("severity", Diagnostic.SeverityText(d.Severity));
            writer.WriteString("message", d.Message);
            writer.WriteString("path", d.Location.Path);
            writer.WriteNumber("line", d.Location.Start.Line);
            writer.WriteNumber("column", d.Location.Start.Column);
            writer.WriteNumber("endLine", d.Location.End.Line);
            writer.WriteNumber("endColumn", d.Location.End.Column);
            writer.WriteString("helpUri", HelpUri(d.Id, helpBase));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>Where the pages shipped with the command are: docs/diagnostics beside safeguard.dll.</summary>
    public static Uri ShippedPages { get; } = new(Path.Combine(AppContext.BaseDirectory, "docs", "diagnostics") + Path.DirectorySeparatorChar);

    /// <summary>
    /// The diagnostic's page as an absolute URI (SARIF requires one): under <paramref name="helpBase"/> when given
    /// (e.g. the pages on a web server), else the page shipped with the command.
    /// </summary>
    public static string HelpUri(string id, Uri? helpBase) => new Uri(helpBase ?? ShippedPages, id + ".md").AbsoluteUri;

    /// <summary>The file's location as a URI: relative paths stay relative (SARIF resolves them against the working folder), absolute ones become file URIs.</summary>
    private static string ArtifactUri(string path) => Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal);

    /// <summary>SARIF 2.1.0 with one rule per ID used, columns in UTF-16 code units as the compiler counts them.</summary>
    public static string Sarif(IReadOnlyList<Diagnostic> diagnostics, Uri? helpBase) => Write(writer =>
    {
        var rules = diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        writer.WriteStartObject();
        writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "safeguard");
        writer.WriteString("semanticVersion", typeof(DiagnosticFormats).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        writer.WriteStartArray("rules");
        foreach (var id in rules)
        {
            var descriptor = DiagnosticDescriptors.All.FirstOrDefault(r => r.Id == id);
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("name", descriptor is null ? id : string.Concat(descriptor.Title.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w.Substring(1))).Replace("/", string.Empty, StringComparison.Ordinal));
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", descriptor?.Title ?? id);
            writer.WriteEndObject();
            writer.WriteString("helpUri", HelpUri(id, helpBase));
            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", Level(descriptor?.Severity ?? DiagnosticSeverity.Error));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("columnKind", "utf16CodeUnits");
        writer.WriteStartArray("results");
        foreach (var d in diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", d.Id);
            writer.WriteNumber("ruleIndex", rules.IndexOf(d.Id));
            writer.WriteString("level", Level(d.Severity));
            writer.WriteStartObject("message");
            writer.WriteString("text", d.Message);
            writer.WriteEndObject();
            writer.WriteStartArray("locations");
            writer.WriteStartObject();
            writer.WriteStartObject("physicalLocation");
            writer.WriteStartObject("artifactLocation");
            writer.WriteString("uri", ArtifactUri(d.Location.Path));
            writer.WriteEndObject();
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", d.Location.Start.Line);
            writer.WriteNumber("startColumn", d.Location.Start.Column);
            writer.WriteNumber("endLine", d.Location.End.Line);
            writer.WriteNumber("endColumn", d.Location.End.Column);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>An indented JSON document, as the CLI writes every one: with LF line ends whatever the platform, so the same input gives the same bytes everywhere.</summary>
    internal static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
