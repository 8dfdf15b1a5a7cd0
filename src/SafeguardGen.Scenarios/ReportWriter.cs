using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace SafeguardGen.Scenarios;

/// <summary>Writes a scenario run as text (the compiler's form of location, then the details), JSON or JUnit XML.</summary>
public static class ReportWriter
{
    /// <summary>Each failure at its place with the expected and actual results and the explanation, the coverage if asked, then <c>N passed, N failed</c>.</summary>
    public static string Text(ScenarioReport report, CoverageReport? coverage)
    {
        var text = new StringBuilder();
        foreach (var result in report.Results.Where(r => !r.Passed))
        {
            text.Append(result);
        }

        if (coverage is not null)
        {
            foreach (var checklist in coverage.Checklists)
            {
                text.Append(checklist.Checklist).Append(": decisions reached: ").Append(List(checklist.Decisions.Select(d => d.ToString())));
                var missing = checklist.Reachable.Except(checklist.Decisions).ToList();
                text.Append(missing.Count == 0 ? string.Empty : "; never reached: " + string.Join(", ", missing)).Append('\n');
                foreach (var safeguard in checklist.Safeguards)
                {
                    text.Append("  ").Append(safeguard.Safeguard).Append(": ").Append(List(safeguard.Outcomes.Select(o => o.ToString()))).Append('\n');
                }
            }

            foreach (var item in coverage.Items.Where(i => !i.Covered))
            {
                text.Append(item.Location).Append(": not covered: ").Append(item.Safeguard is null ? "checklist '" + item.Checklist + "'" : "safeguard '" + item.Safeguard + "'").Append(": ").Append(item.Description).Append('\n');
            }

            text.Append(coverage.Summary).Append('\n');
        }

        return text.Append(report.Summary).Append('\n').ToString();
    }

    private static string List(System.Collections.Generic.IEnumerable<string> items)
    {
        var list = string.Join(", ", items);
        return list.Length == 0 ? "none" : list;
    }

    /// <summary>The run as one JSON object: counts, each scenario with its failures, and the coverage if asked.</summary>
    public static string Json(ScenarioReport report, CoverageReport? coverage)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("passed", report.PassedCount);
            json.WriteNumber("failed", report.FailedCount);
            json.WriteStartArray("scenarios");
            foreach (var result in report.Results)
            {
                json.WriteStartObject();
                json.WriteString("id", result.Scenario.Id);
                json.WriteString("checklist", result.Scenario.Checklist);
                WriteLocation(json, result.Scenario.Location);
                json.WriteBoolean("passed", result.Passed);
                if (result.Assessment is { } assessment)
                {
                    json.WriteString("decision", assessment.Decision.ToString());
                    json.WriteStartArray("stillNeeded");
                    foreach (var question in assessment.StillNeeded)
                    {
                        json.WriteStringValue(question.Id);
                    }

                    json.WriteEndArray();
                }

                json.WriteStartArray("failures");
                foreach (var failure in result.Failures)
                {
                    json.WriteStartObject();
                    WriteLocation(json, failure.Location);
                    json.WriteString("message", failure.Message);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (coverage is not null)
            {
                json.WriteStartObject("coverage");
                json.WriteNumber("percent", coverage.Percent);
                json.WriteNumber("covered", coverage.Covered);
                json.WriteNumber("total", coverage.Items.Count);
                json.WriteStartArray("checklists");
                foreach (var checklist in coverage.Checklists)
                {
                    json.WriteStartObject();
                    json.WriteString("id", checklist.Checklist);
                    WriteStrings(json, "decisionsReached", checklist.Decisions.Select(d => d.ToString()));
                    WriteStrings(json, "decisionsReachable", checklist.Reachable.Select(d => d.ToString()));
                    json.WriteStartArray("safeguards");
                    foreach (var safeguard in checklist.Safeguards)
                    {
                        json.WriteStartObject();
                        json.WriteString("id", safeguard.Safeguard);
                        WriteStrings(json, "outcomesReached", safeguard.Outcomes.Select(o => o.ToString()));
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("rules");
                foreach (var item in coverage.Items)
                {
                    json.WriteStartObject();
                    json.WriteString("checklist", item.Checklist);
                    if (item.Safeguard is not null)
                    {
                        json.WriteString("safeguard", item.Safeguard);
                    }

                    json.WriteString("rule", item.Description);
                    WriteLocation(json, item.Location);
                    json.WriteBoolean("covered", item.Covered);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, System.Collections.Generic.IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteLocation(Utf8JsonWriter json, SourcePosition location)
    {
        json.WriteString("file", location.Path);
        json.WriteNumber("line", location.Line);
        json.WriteNumber("column", location.Column);
    }

    /// <summary>
    /// JUnit XML as CI systems read it: a test suite per checklist, a test case per scenario (class name: its treaty),
    /// a failure element per failed scenario with every failure and the explanation.
    /// </summary>
    public static string JUnit(ScenarioReport report)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n", CheckCharacters = true };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "safeguard test");
            xml.WriteAttributeString("tests", Count(report.Results.Count));
            xml.WriteAttributeString("failures", Count(report.FailedCount));
            xml.WriteAttributeString("errors", "0");
            foreach (var suite in report.Results.GroupBy(r => r.Scenario.Checklist).OrderBy(g => g.Key, System.StringComparer.Ordinal))
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", suite.Key);
                xml.WriteAttributeString("tests", Count(suite.Count()));
                xml.WriteAttributeString("failures", Count(suite.Count(r => !r.Passed)));
                xml.WriteAttributeString("errors", "0");
                xml.WriteAttributeString("skipped", "0");
                foreach (var result in suite)
                {
                    var id = result.Scenario.Id;
                    var dot = id.IndexOf('.', System.StringComparison.Ordinal);
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", dot < 0 ? id : id.Substring(0, dot));
                    xml.WriteAttributeString("name", dot < 0 ? id : id.Substring(dot + 1));
                    xml.WriteAttributeString("file", result.Scenario.Location.Path);
                    xml.WriteAttributeString("line", Count(result.Scenario.Location.Line));
                    if (!result.Passed)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", Clean(result.Failures[0].Message));
                        xml.WriteAttributeString("type", "ScenarioFailure");
                        xml.WriteString(Clean(result.ToString()));
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot hold every character a .treaty text may: replace those it cannot, so the report stays well formed.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }

        return builder.ToString();
    }
}
