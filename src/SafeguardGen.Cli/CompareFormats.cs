using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Reports;

namespace SafeguardGen.Cli;

// The runtime's SafeguardGen.Citation and SafeguardGen.Hedge would win over the language's without these.
using Citation = SafeguardGen.Language.Binding.Citation;
using Hedge = SafeguardGen.Language.Binding.Hedge;

/// <summary>A comparison's gap report as JSON (for tools) and CSV (for a spreadsheet), in one language, rows in report order.</summary>
internal static class CompareFormats
{
    public static string Json(ComparisonReport report, string language) => DiagnosticFormats.Write(writer =>
        {
            var comparison = report.Comparison;
            writer.WriteStartObject();
            writer.WriteString("comparison", comparison.Name.ToString());
            writer.WriteString("language", language);
            writer.WriteString("title", comparison.Title.Get(language));
            writer.WriteString("description", comparison.Description?.Get(language) ?? string.Empty);
            writer.WriteStartObject("instrument");
            writer.WriteString("name", comparison.Instrument.ToString());
            writer.WriteString("reference", comparison.InstrumentReference);
            writer.WriteEndObject();
            writer.WriteStartObject("baseline");
            writer.WriteString("name", report.Baseline.Name.ToString());
            writer.WriteString("title", report.Baseline.Title.Get(language));
            writer.WriteEndObject();
            writer.WriteStartArray("judgements");
            foreach (var row in report.Rows)
            {
                var judgement = row.Judgement;
                writer.WriteStartObject();
                writer.WriteString("requirement", row.Requirement.Name);
                writer.WriteString("requirementTitle", row.Requirement.Title.Get(language));
                writer.WriteString("relationship", ComparisonWords.Keyword(judgement.Relationship));
                writer.WriteStartObject("baselineSide");
                Citations(writer, row.Requirement.Citations);
                writer.WriteString("verification", ComparisonReport.Describe(row.BaselineVerification));
                Ground(writer, row.Requirement.Ground);
                writer.WriteEndObject();
                writer.WriteStartObject("instrumentSide");
                writer.WriteStartArray("counterparts");
                foreach (var counterpart in row.Counterparts)
                {
                    writer.WriteStartObject();
                    writer.WriteString("safeguard", counterpart.Name.ToString());
                    writer.WriteString("title", counterpart.Title.Get(language));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                Citations(writer, judgement.Citations);
                writer.WriteString("verification", ComparisonReport.Describe(row.InstrumentVerification));
                Ground(writer, row.Requirement.Ground is null ? null : judgement.Ground);
                writer.WriteEndObject();
                writer.WriteString("rationale", judgement.Rationale.Get(language));
                writer.WriteString("gap", judgement.Gap?.Get(language) ?? string.Empty);
                writer.WriteStartArray("hedges");
                foreach (var hedge in judgement.Hedges)
                {
                    writer.WriteStartObject();
                    writer.WriteString("kind", Hedge.Keyword(hedge.Kind));
                    writer.WriteString("wording", hedge.Wording ?? string.Empty);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("excessPowers");
            foreach (var power in comparison.Excess)
            {
                writer.WriteStartObject();
                writer.WriteString("name", power.Name);
                writer.WriteString("title", power.Title.Get(language));
                Citations(writer, power.Citations);
                writer.WriteString("verification", ComparisonReport.Describe(ComparisonReport.VerificationOf(power.Citations)));
                writer.WriteString("rationale", power.Rationale.Get(language));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("grounds");
            foreach (var row in report.Grounds)
            {
                writer.WriteStartObject();
                writer.WriteString("requirement", row.Requirement.Name);
                writer.WriteString("baseline", ComparisonWords.Keyword(row.Requirement.Ground!.Value));
                writer.WriteString("instrument", row.Judgement.Ground is { } strength ? ComparisonWords.Keyword(strength) : string.Empty);
                writer.WriteString("relationship", ComparisonWords.Keyword(row.Judgement.Relationship));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("summary");
            foreach (var count in report.Summary)
            {
                writer.WriteNumber(ComparisonWords.Keyword(count.Relationship), count.Count);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("verification");
            writer.WriteNumber("citations", report.Citations.Count());
            writer.WriteNumber("verifiedCitations", report.Citations.Count(c => c.Verified));
            writer.WriteNumber("judgementsVerifiedOnBothSides", report.VerifiedBothSides);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }) + "\n";

    private static void Citations(Utf8JsonWriter writer, IEnumerable<Citation> citations)
    {
        writer.WriteStartArray("citations");
        foreach (var citation in citations)
        {
            writer.WriteStartObject();
            writer.WriteString("display", citation.Display);
            writer.WriteString("instrument", citation.Instrument.ToString());
            writer.WriteBoolean("verified", citation.Verified);
            writer.WriteString("note", citation.Note ?? string.Empty);
            writer.WriteString("source", citation.Source ?? string.Empty);
            writer.WriteStartArray("quotes");
            foreach (var quote in citation.Quotes)
            {
                writer.WriteStartObject();
                writer.WriteString("language", quote.Language);
                writer.WriteString("text", quote.Text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Ground(Utf8JsonWriter writer, GroundStrength? ground)
    {
        if (ground is { } strength)
        {
            writer.WriteString("ground", ComparisonWords.Keyword(strength));
        }
        else
        {
            writer.WriteNull("ground");
        }
    }

    private static readonly string[] CsvColumns =
    [
        "relationship", "requirement", "requirement_title", "baseline_citations", "baseline_verification", "baseline_ground",
        "counterparts", "instrument_citations", "instrument_verification", "instrument_ground", "rationale", "gap", "hedges",
    ];

    /// <summary>RFC 4180 CSV, one judgement a row in report order; a cell a spreadsheet would read as a formula is prefixed with an apostrophe.</summary>
    public static string Csv(ComparisonReport report, string language)
    {
        var builder = new StringBuilder();
        Line(builder, CsvColumns);
        foreach (var row in report.Rows)
        {
            var judgement = row.Judgement;
            Line(builder,
            [
                ComparisonWords.Keyword(judgement.Relationship),
                row.Requirement.Name,
                row.Requirement.Title.Get(language),
                string.Join("; ", row.Requirement.Citations.Select(CitationText)),
                ComparisonReport.Describe(row.BaselineVerification),
                row.Requirement.Ground is { } baseline ? ComparisonWords.Keyword(baseline) : string.Empty,
                string.Join("; ", row.Counterparts.Select(c => c.Name.ToString())),
                string.Join("; ", judgement.Citations.Select(CitationText)),
                ComparisonReport.Describe(row.InstrumentVerification),
                row.Requirement.Ground is not null && judgement.Ground is { } instrument ? ComparisonWords.Keyword(instrument) : string.Empty,
                judgement.Rationale.Get(language),
                judgement.Gap?.Get(language) ?? string.Empty,
                string.Join("; ", judgement.Hedges.Select(h => h.Describe())),
            ]);
        }

        return builder.ToString();
    }

    private static string CitationText(Citation citation) => citation.Display + (citation.Verified ? " (verified)" : " (unverified)");

    private static void Line(StringBuilder builder, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            var cell = cells[i];

            // A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (CSV injection).
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                cell = "'" + cell;
            }

            builder.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
        }

        builder.Append("\r\n");
    }
}
