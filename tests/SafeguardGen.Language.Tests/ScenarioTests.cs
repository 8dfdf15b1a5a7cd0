using System;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Syntax;

namespace SafeguardGen.Language.Tests;

/// <summary>The scenario declaration: what it binds to, and one diagnostic per mistake.</summary>
public sealed class ScenarioTests
{
    private const string Checklist = """
        treaty demo {
          title "Demo"
          reference "ETS 24"
        }

        fact urgent : yes-no {
          ask "Is it urgent?"
        }

        safeguard every-type : legality {
          title "Every type"
          cite demo article 1
          when urgent or not urgent
          question flag : yes-no { ask "Flag?" satisfied-by yes }
          question pick : choice { ask "Pick?" option a "A" option b "B" satisfied-by any-of a }
          question note : text { ask "Note?" satisfied-by provided }
          question day : date { ask "Day?" satisfied-by <= 2025-12-31 }
          question years : number { ask "Years?" satisfied-by >= 1 }
          question grounds : list of choice { ask "Grounds?" option race "Race" option religion "Religion" satisfied-by empty }
        }

        safeguard ground : refusal-ground(optional) {
          title "Ground"
          cite demo article 6
          question national : yes-no { ask "National?" satisfied-by no }
        }

        measure m {
          title "M"
          safeguards every-type, ground
        }

        checklist review {
          title "Review"
          measure m
        }

        """;

    private static Scenario Bind(string scenario, params (string Path, string Text)[] more)
    {
        var result = Support.Compile(new[] { ("example.treaty", Checklist + scenario) }.Concat(more).ToArray());
        Assert.Empty(Support.Lines(result.Diagnostics));
        return result.Model.Treaties.Single().Scenarios.Single();
    }

    private static string[] Diagnostics(string scenario, params (string Path, string Text)[] more) =>
        Support.Lines(Support.Compile(new[] { ("example.treaty", Checklist + scenario) }.Concat(more).ToArray()).Diagnostics);

    [Fact]
    public void Answers_of_every_type_bind_to_canonical_values()
    {
        var scenario = Bind("""
            scenario all {
              checklist review
              description "Every type."
              answer urgent yes
              answer every-type.flag no
              answer every-type.pick b
              answer every-type.note "the warrant"
              answer every-type.day 2024-02-29
              answer every-type.years 5.50
              answer every-type.grounds ()
              expect decision proceed
            }
            """);

        Assert.Equal(
            ["urgent=yes", "every-type.flag=no", "every-type.pick=b", "every-type.note=the warrant", "every-type.day=2024-02-29", "every-type.years=5.5", "every-type.grounds="],
            scenario.Answers.Select(a => (a.Question.IsFact ? a.Question.Owner.Name : a.Question.Owner.Name + "." + a.Question.Question) + "=" + string.Join(",", a.Values.Select(v => v.Value))));
        Assert.Equal(ExpectedDecision.Proceed, scenario.Decision);
        Assert.Equal(new Binding.QualifiedName("demo", "review"), scenario.Checklist);
    }

    [Fact]
    public void A_ground_holds_when_it_is_not_satisfied()
    {
        var scenario = Bind("""
            scenario grounds {
              checklist review
              description "A national."
              answer ground.national yes
              expect outcome ground holds
              expect outcome every-type does-not-hold
            }
            """.Replace("expect outcome every-type does-not-hold", "expect outcome ground does-not-hold", StringComparison.Ordinal));

        Assert.Equal([ExpectedOutcome.NotSatisfied, ExpectedOutcome.Satisfied], scenario.Outcomes.Select(o => o.Outcome));
    }

    [Fact]
    public void A_request_files_answers_come_first_and_an_answer_in_the_scenario_replaces_its_own()
    {
        const string Request = """
            { "checklist": "demo.review", "description": "A request",
              "answers": { "every-type": { "flag": true, "years": 2e1, "grounds": ["race"] }, "ground": { "national": null }, "facts": { "urgent": false } } }
            """;

        var scenario = Bind("""
            scenario from-file {
              checklist review
              description "From a request."
              answers-from "requests/a.json"
              answer every-type.flag no
              expect still-needed includes (ground.national)
            }
            """, ("requests/a.json", Request));

        Assert.Equal(["flag=no", "years=20", "grounds=race", "urgent=no"], scenario.Answers.Select(a => (a.Question.Question ?? a.Question.Owner.Name) + "=" + string.Join(",", a.Values.Select(v => v.Value))));
        Assert.Equal("example.treaty", scenario.Answers[0].Location.Path);
        Assert.Equal("requests/a.json", scenario.Answers[1].Location.Path);
    }

    [Fact]
    public void A_misspelt_checklist_gives_one_diagnostic_and_nothing_about_the_answers()
    {
        var diagnostics = Diagnostics("""
            scenario typo {
              checklist reveiw
              description "Typo."
              answer every-type.nothing yes
              expect decision proceed
            }
            """);

        Assert.Equal(["example.treaty(38,13): error SG0200: No checklist named 'reveiw' is declared in treaty 'demo' or its imports; did you mean 'review'?"], diagnostics);
    }

    [Fact]
    public void A_misspelt_question_gives_one_diagnostic_with_a_suggestion()
    {
        var diagnostics = Diagnostics("""
            scenario typo {
              checklist review
              description "Typo."
              answer every-type.flg yes
              expect decision proceed
            }
            """);

        Assert.Equal(["example.treaty(40,21): error SG0200: No question of safeguard 'every-type' named 'flg' is declared in treaty 'demo' or its imports; did you mean 'flag'?"], diagnostics);
    }

    [Fact]
    public void An_unknown_word_after_expect_is_one_syntax_error()
    {
        var diagnostics = Diagnostics("""
            scenario words {
              checklist review
              description "Words."
              expect decision refuse
              expect decision proceed
            }
            """);

        Assert.Single(diagnostics);
        Assert.Contains("SG0100: Expected a decision (proceed, may-refuse, must-refuse, incomplete, outside-instrument) but found", diagnostics[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_scenarios_needs_no_reference_of_its_own()
    {
        var result = Support.Compile(
            ("checklists.treaty", Checklist),
            ("scenarios.treaty", "treaty demo-scenarios {\n  title \"Scenarios\"\n}\n\nimport demo\n\nscenario s {\n  checklist review\n  description \"Nothing yet.\"\n  expect decision incomplete\n}\n"));

        Assert.Empty(Support.Lines(result.Diagnostics));
    }

    [Fact]
    public void A_list_of_ten_thousand_answers_parses_without_recursion()
    {
        var list = string.Join(", ", Enumerable.Repeat("race", 10_000));
        var scenario = Bind("scenario long {\n  checklist review\n  description \"Long.\"\n  answer every-type.grounds (" + list + ")\n  expect decision incomplete\n}\n");

        Assert.Equal(10_000, scenario.Answers.Single().Values.Count);
    }

    [Theory]
    [InlineData("{\"answers\": " + "[" + "]", "expected ',' or '}'")]
    [InlineData("{\"a\": \"\\x\"}", "invalid escape in a JSON string")]
    [InlineData("[1] 2", "unexpected text after the end of the JSON value")]
    [InlineData("{\"a\": 01}", "expected ',' or '}'")]
    public void Malformed_json_is_an_error_at_its_place_never_an_exception(string json, string message)
    {
        var (root, error, _) = AnswersFileParser.Parse(json);

        Assert.Null(root);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_nested_deeper_than_the_limit_is_an_error_not_a_stack_overflow()
    {
        var (root, error, _) = AnswersFileParser.Parse(new string('[', 100_000) + new string(']', 100_000));

        Assert.Null(root);
        Assert.StartsWith("the JSON nests more than 64 levels deep", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_strings_keep_escapes_and_surrogate_pairs()
    {
        var (root, _, _) = AnswersFileParser.Parse("{\"a\": \"\\u00e9\\ud83d\\ude00\\n\\\"\"}");

        Assert.Equal("é😀\n\"", root!.Members.Single().Value.Text);
    }
}
