using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace SafeguardGen.Scenarios.Tests;

public sealed class ReportWriterTests
{
    private static readonly QuestionInfo Authorised = new("order.authorised", new LocalizedText("Authorised?"), AnswerType.YesNo, false, [], "yes", null);

    private static readonly ChecklistRules Rules = new(
        "t.review",
        [Authorised],
        [new SafeguardRules(new SafeguardInfo("t.order", ["legality"], new LocalizedText("Order"), [], [Authorised], null, SafeguardSeverity.Blocking, RefusalGroundKind.None), null, null, [], [new TestRule(0, Rule.Answer(0))], [0])]);

    /// <summary>Two scenarios, one failing, one of them with a description no XML 1.0 document can hold as it is.</summary>
    private static ScenarioReport Report() => ScenarioRunner.Run(
        [
            new Scenario("t.passes", "t.review", "Authorised", [new GivenAnswer("order.authorised", AnswerValue.YesNo(true))], Decision.Proceed, new SourcePosition("t.treaty", 4, 3), [], [], new SourcePosition("t.treaty", 1, 1)),
            new Scenario("t.fails", "t.review", "Not <authorised> & \u0001 \"quoted\"", [new GivenAnswer("order.authorised", AnswerValue.YesNo(false))], Decision.Proceed, new SourcePosition("t.treaty", 9, 3), [], [], new SourcePosition("t.treaty", 7, 1)),
        ],
        _ => Rules);

    [Fact]
    public void JUnit_output_is_valid_against_the_junit_schema_and_counts_the_failure()
    {
        var xml = ReportWriter.JUnit(Report());

        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "junit.xsd"));
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => throw new XmlSchemaValidationException(e.Message);
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        var document = XDocument.Parse(xml);
        var suite = document.Root!.Element("testsuite")!;
        Assert.Equal("t.review", suite.Attribute("name")!.Value);
        Assert.Equal("2", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        var failure = suite.Elements("testcase").Single(c => c.Attribute("name")!.Value == "fails").Element("failure")!;
        Assert.Equal("Expected the decision Proceed, but it is MustRefuse.", failure.Attribute("message")!.Value);
        Assert.Contains("t.treaty(9,3): error: scenario 't.fails' failed", failure.Value, StringComparison.Ordinal);
        Assert.Contains("Not <authorised> & \uFFFD \"quoted\"", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_has_the_counts_each_scenario_and_each_failure_at_its_place()
    {
        using var document = JsonDocument.Parse(ReportWriter.Json(Report(), null));
        var root = document.RootElement;

        Assert.Equal(1, root.GetProperty("passed").GetInt32());
        Assert.Equal(1, root.GetProperty("failed").GetInt32());
        var failed = root.GetProperty("scenarios").EnumerateArray().Single(s => !s.GetProperty("passed").GetBoolean());
        Assert.Equal("MustRefuse", failed.GetProperty("decision").GetString());
        var failure = failed.GetProperty("failures").EnumerateArray().Single();
        Assert.Equal(9, failure.GetProperty("line").GetInt32());
        Assert.False(root.TryGetProperty("coverage", out _));
    }

    [Fact]
    public void Text_output_ends_with_the_summary_line()
    {
        var text = ReportWriter.Text(Report(), null);

        Assert.StartsWith("t.treaty(9,3): error: scenario 't.fails' failed: Expected the decision Proceed, but it is MustRefuse.\n", text, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 1 failed\n", text, StringComparison.Ordinal);
    }
}
