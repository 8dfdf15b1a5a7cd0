using System;
using System.IO;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Reports;

namespace SafeguardGen.Language.Tests;

/// <summary>Baselines, comparisons and their gap reports: complete at compile time, grounds judged by their strength.</summary>
public sealed class ComparisonTests
{
    private static readonly string ComparisonsFolder = Path.Combine(Support.RepositoryRoot, "examples", "comparisons");

    private static (string Path, string Text)[] ExamplesWith(string name, Func<string, string> edit) =>
        Support.ExampleFiles()
            .Concat(Directory.GetFiles(ComparisonsFolder, "*.treaty").OrderBy(p => p, StringComparer.Ordinal).Select(p => (Path.GetFileName(p), File.ReadAllText(p))))
            .Select(f => f.Item1 == name ? (f.Item1, edit(f.Item2)) : f)
            .ToArray();

    private static CompilationResultView Examples() => new(Support.Compile(ExamplesWith(string.Empty, t => t)));

    private sealed record CompilationResultView(Compilation.CompilationResult Result)
    {
        public Comparison Comparison(string name) => Result.Model.Treaties.SelectMany(t => t.Comparisons).Single(c => c.Name.Name == name);

        public ComparisonReport Report(string name) => ComparisonReport.Build(Result.Model, Comparison(name))!;
    }

    private const string Demo = """
        treaty demo {
          title "Demo"
          reference "UNCC"
        }

        instrument budapest {
          title "Convention on Cybercrime"
          reference "ETS 185"
        }

        safeguard persecution : refusal-ground(optional) {
          title "Persecution"
          cite demo article 37
          question grounds : yes-no {
            ask "Is there a risk of persecution?"
            satisfied-by no
          }
        }

        baseline grounds {
          title "Grounds"
          requirement persecution {
            title "Persecution"
            cite budapest article 3
            ground mandatory
          }
          requirement supervision {
            title "Supervision"
            cite budapest article 15
          }
        }

        comparison review {
          title "Review"
          reviews demo
          baseline grounds
          JUDGEMENTS
        }
        """;

    private static Compilation.CompilationResult Compile(string judgements) => Support.Compile(Demo.Replace("JUDGEMENTS", judgements, StringComparison.Ordinal));

    [Fact]
    public void The_examples_compile_without_a_diagnostic_and_use_every_relationship()
    {
        var examples = Examples();

        Assert.Empty(Support.Lines(examples.Result.Diagnostics));
        var used = examples.Result.Model.Treaties.SelectMany(t => t.Comparisons).SelectMany(c => c.Judgements).Select(j => j.Relationship).Distinct().Order();
        Assert.Equal(Enum.GetValues<Relationship>().Order(), used);
    }

    [Fact]
    public void Removing_a_judgement_from_an_example_gives_the_completeness_error_at_the_comparison()
    {
        var file = "uncc-vs-budapest-article-15.treaty";
        var text = File.ReadAllText(Path.Combine(ComparisonsFolder, file));
        var start = text.IndexOf("  judge third-parties", StringComparison.Ordinal);
        var end = text.IndexOf("  excess any-criminal-offence", StringComparison.Ordinal);
        var result = Support.Compile(ExamplesWith(file, t => t.Remove(start, end - start)));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SG0280", diagnostic.Id);
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("comparison uncc-against-article-15", StringComparison.Ordinal)) + 1;
        Assert.Equal((file, line, 12), (diagnostic.Location.Path, diagnostic.Location.Start.Line, diagnostic.Location.Start.Column));
        Assert.Contains("add a judgement for it, e.g. 'judge third-parties", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_unjudged_requirements_are_named_in_one_error()
    {
        var diagnostic = Assert.Single(Compile(string.Empty).Diagnostics);

        Assert.Equal("SG0280", diagnostic.Id);
        Assert.Contains("does not judge 2 requirements: 'persecution' and 'supervision' of baseline 'grounds'; add a judgement for each of them", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_requirement_is_one_error_with_a_suggestion_and_no_completeness_error()
    {
        var result = Compile("""
            judge persecution weaker { counterpart persecution rationale "Optional, not mandatory." gap "Mandatory refusal." }
            judge supervison absent { rationale "None." }
            """);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SG0200", diagnostic.Id);
        Assert.EndsWith("did you mean 'supervision'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_instruments_strength_for_a_ground_comes_from_its_counterpart_and_a_contradiction_is_warned_about()
    {
        var weaker = Compile("""
            judge persecution weaker { counterpart persecution rationale "Optional, not mandatory." gap "Mandatory refusal." }
            judge supervision absent { rationale "None." }
            """);
        Assert.Empty(weaker.Diagnostics);
        var judgement = weaker.Model.Treaties[0].Comparisons[0].Judgements[0];
        Assert.Equal((Relationship.Weaker, GroundStrength.Optional), (judgement.Relationship, judgement.Ground));
        Assert.Equal("demo", judgement.Citations.Single().Instrument.Treaty);

        var equivalent = Compile("""
            judge persecution equivalent { counterpart persecution rationale "Same grounds." }
            judge supervision absent { rationale "None." }
            """);
        var warning = Assert.Single(equivalent.Diagnostics);
        Assert.Equal("SG0283", warning.Id);
        Assert.EndsWith("the baseline's ground for refusal is mandatory and the instrument's is optional; judge it 'weaker'", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("judge persecution absent { rationale \"None.\" }\njudge supervision hedged { cite demo article 24 rationale \"Only as appropriate.\" gap \"Always.\" }", "SG0281")]
    [InlineData("judge persecution absent { rationale \"None.\" }\njudge supervision equivalent { rationale \"Same.\" }", "SG0282")]
    [InlineData("judge persecution absent { rationale \"None.\" }\njudge supervision absent { ground optional rationale \"None.\" }", "SG0284")]
    [InlineData("judge persecution absent { rationale \"None.\" }\njudge supervision absent { }", "SG0106")]
    [InlineData("judge persecution absent { rationale \"None.\" }\njudge supervision weaker { cite demo article 24 rationale \"Less.\" }", "SG0106")]
    [InlineData("judge persecution absent { rationale \"None.\" }\njudge supervision absent { rationale \"None.\" }\njudge supervision absent { rationale \"Again.\" }", "SG0201")]
    [InlineData("judge persecution absent { rationale \"None.\" }\njudge supervision absent { rationale \"None.\" }\nexcess powers { title \"Powers\" rationale \"More.\" }", "SG0106")]
    public void Each_rule_of_a_judgement_is_one_diagnostic(string judgements, string id)
    {
        Assert.Equal(id, Assert.Single(Compile(judgements).Diagnostics).Id);
    }

    [Fact]
    public void A_profile_baseline_has_a_requirement_per_required_kind_and_safeguard()
    {
        var baseline = Examples().Result.Model.Treaties.SelectMany(t => t.Baselines).Single(b => b.Name.Name == "civil-society-demands");

        Assert.Equal(11, baseline.Requirements.Count);
        var persecution = baseline.Requirements.Single(r => r.Name == "mandatory-refusal-on-persecution");
        Assert.Equal((GroundStrength?)GroundStrength.Mandatory, persecution.Ground);
        Assert.Equal(new QualifiedName("civil-society", "mandatory-refusal-on-persecution"), persecution.Safeguard);
    }

    [Fact]
    public void The_report_lists_gaps_first_absent_then_weaker_then_hedged_each_in_the_baselines_order()
    {
        var report = Examples().Report("uncc-against-civil-society");

        var relationships = report.Rows.Select(r => r.Judgement.Relationship).ToList();
        Assert.Equal(relationships.Order(), relationships);
        Assert.Equal(["human-rights-impact-assessment", "multi-stakeholder-implementation"], report.Rows.TakeWhile(r => r.Judgement.Relationship == Relationship.Absent).Select(r => r.Requirement.Name));
        Assert.Equal((2, 7, 1, 0, 1), (report.Count(Relationship.Absent), report.Count(Relationship.Weaker), report.Count(Relationship.Hedged), report.Count(Relationship.Equivalent), report.Count(Relationship.Stronger)));
    }

    [Fact]
    public void The_article_15_report_counts_and_lists_the_grounds_of_the_extradition_report()
    {
        var examples = Examples();
        var article15 = examples.Report("uncc-against-article-15");
        Assert.Equal((0, 1, 3, 4, 0), (article15.Count(Relationship.Absent), article15.Count(Relationship.Weaker), article15.Count(Relationship.Hedged), article15.Count(Relationship.Equivalent), article15.Count(Relationship.Stronger)));
        Assert.Equal(3, article15.Comparison.Excess.Count);
        Assert.Empty(article15.Grounds);

        var grounds = examples.Report("uncc-against-extradition-grounds").Grounds;
        Assert.Equal(10, grounds.Count);
        var persecution = grounds.Single(r => r.Requirement.Name == "persecution");
        Assert.Equal((GroundStrength?)GroundStrength.Mandatory, persecution.Requirement.Ground);
        Assert.Equal((GroundStrength?)GroundStrength.Optional, persecution.Judgement.Ground);
    }

    [Fact]
    public void An_unverified_citation_names_no_source_even_when_its_instrument_has_one()
    {
        var uncc = Examples().Result.Model.FindTreaty("uncc")!;
        var citations = uncc.Safeguards.SelectMany(s => s.Citations).Where(c => c.Instrument.Treaty == "uncc").ToList();

        Assert.All(citations.Where(c => !c.Verified), c => Assert.Null(c.Source));
        Assert.All(citations.Where(c => c.Verified), c => Assert.NotNull(c.Source));
    }
}
