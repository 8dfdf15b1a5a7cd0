using System;
using System.Linq;
using SafeguardGen;
using Xunit;

namespace SafeguardGen.Generator.Tests;

/// <summary>
/// Treaties whose names meet after C# naming, or meet C#'s own names. The rule: a treaty with no SG error
/// generates C# that compiles without a warning; where two checklists would generate the same type, one SG
/// diagnostic at the .treaty declaration says so and no C# error follows.
/// </summary>
public sealed class GeneratedNamesTests
{
    private static string Header(string name = "demo", string? @namespace = "Demo.Checklists") =>
        "// cites: " + name + "\n" + "treaty " + name + " {\n  title \"Demo\"\n  reference \"ETS 185\"\n" + (@namespace is null ? string.Empty : "  namespace " + @namespace + "\n") + "}\n\n";

    private static string Safeguard(string name, string title = "T", string questions = "  question q : yes-no { ask \"Q?\" satisfied-by yes }\n") =>
        "safeguard " + name + " : legality {\n  title \"" + title + "\"\n  cite {treaty} article 1\n" + questions + "}\n\n";

    private static string Checklist(string name, params string[] safeguards) =>
        "measure " + name + "-measure {\n  title \"M\"\n  safeguards " + string.Join(", ", safeguards) + "\n}\n\nchecklist " + name + " {\n  title \"C\"\n  measure " + name + "-measure\n}\n\n";

    /// <summary>Generates from files whose safeguards cite their own treaty (named on the file's first line).</summary>
    private static Harness.Run Generate((string Path, string Text)[] files) =>
        Harness.Generate(files.Select(f => (f.Path, f.Text.Replace("{treaty}", f.Text.Substring(10, f.Text.IndexOf('\n', StringComparison.Ordinal) - 10), StringComparison.Ordinal))));

    private static void AssertCompilesCleanly(Harness.Run run)
    {
        Assert.Empty(run.GeneratorDiagnostics.Select(Harness.Format));
        Assert.Empty(run.CompilationProblems.Select(Harness.Format));
    }

    [Fact]
    public void Names_that_meet_after_pascal_casing_or_meet_generated_and_inherited_members_compile_without_a_warning()
    {
        var questions = "  question to-string : yes-no { ask \"Q?\" satisfied-by yes }\n"
            + "  question get-type : yes-no { ask \"Q?\" satisfied-by yes }\n"
            + "  question x : choice { ask \"X?\" option to-string \"A\" option get-hash-code \"B\" satisfied-by any-of to-string }\n"
            + "  question x-option-converter : yes-no { ask \"Q?\" satisfied-by yes }\n"
            + "  question x-option-names : yes-no { ask \"Q?\" satisfied-by yes }\n"
            + "  question a-b : yes-no { ask \"Q?\" satisfied-by yes }\n"
            + "  question a_b : yes-no { ask \"Q?\" satisfied-by yes }\n";
        var names = new[] { "a-b", "a_b", "question0", "question1", "x", "evaluate-x", "to-string", "get-type", "memberwise-clone", "reference-equals", "equals", "finalize", "get-hash-code", "validate", "instance", "id" };
        var treaty = Header("demo", "Demo.Checklists.__arglist.@class")
            + string.Concat(names.Select(n => Safeguard(n, questions: n == "x" ? questions : "  question q : yes-no { ask \"Q?\" satisfied-by yes }\n")))
            + Checklist("review", names);

        var run = Generate([("demo.treaty", treaty.Replace(".@class", ".class", StringComparison.Ordinal))]);

        AssertCompilesCleanly(run);
    }

    [Fact]
    public void Characters_that_xml_forbids_in_a_title_do_not_break_the_documentation_comments()
    {
        var treaty = Header() + Safeguard("s", title: "Before \\u{FFFE} middle \\u{FFFF} after \\u{1F600}") + Checklist("review", "s");

        var run = Generate([("demo.treaty", treaty)]);

        AssertCompilesCleanly(run);
        var info = (SafeguardInfo)Harness.Load(run.Output).GetType("Demo.Checklists.ReviewChecklist")!.GetProperty("S")!.GetValue(null)!;
        Assert.Equal("Before \uFFFE middle \uFFFF after \U0001F600", info.Title.Text);
    }

    [Fact]
    public void A_safeguard_named_facts_reads_and_writes_its_answers_beside_the_facts()
    {
        var treaty = Header()
            + "fact urgent : yes-no {\n  ask \"Is it urgent?\"\n}\n\n"
            + Safeguard("facts", questions: "  question q : yes-no { ask \"Q?\" satisfied-by yes }\n  when urgent\n")
            + Checklist("review", "facts");

        var run = Generate([("demo.treaty", treaty)]);

        AssertCompilesCleanly(run);
        var checklist = (IChecklist)Harness.Load(run.Output).GetType("Demo.Checklists.ReviewChecklist")!.GetProperty("Instance")!.GetValue(null)!;
        var result = checklist.ValidateJson("""{"facts":{"urgent":true},"demo.facts":{"q":false}}""");
        Assert.Equal(SafeguardOutcome.NotSatisfied, result.Safeguards.Single().Outcome);
    }

    [Theory]
    [InlineData("Ab", "ab")]
    [InlineData("x", "x-checklist")]
    [InlineData("a-b", "a_b")]
    public void Two_checklists_that_generate_the_same_class_give_one_diagnostic_at_the_second_and_no_compiler_error(string first, string second)
    {
        var treaty = Header() + Safeguard("s") + Checklist(first, "s") + Checklist(second, "s");

        var run = Generate([("demo.treaty", treaty)]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SG0250", diagnostic.Id);
        var later = string.CompareOrdinal("demo." + first, "demo." + second) < 0 ? second : first;
        Assert.Contains("Checklist 'demo." + later + "' generates the C# class", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems.Select(Harness.Format));
        Assert.Equal(2, run.Result.GeneratedTrees.Length);
    }

    [Fact]
    public void Checklists_whose_ids_differ_only_in_case_get_distinct_files()
    {
        var treaty = Header() + Safeguard("s") + Checklist("Review", "s");
        var other = Header("Demo", "Other.Checklists") + Safeguard("s") + Checklist("review", "s");

        var run = Generate([("demo.treaty", treaty), ("Demo.treaty", other)]);

        AssertCompilesCleanly(run);
        Assert.Equal(["SafeguardChecklists.g.cs", "_demo.review.g.cs", "demo._review.g.cs"], run.Result.Results.Single().GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Treaties_that_share_a_namespace_and_a_checklist_name_are_reported_at_the_second_checklist()
    {
        var one = Header("one", "Shared") + Safeguard("s") + Checklist("review", "s");
        var two = Header("two", "Shared") + Safeguard("s") + Checklist("review", "s");

        var run = Generate([("one.treaty", one), ("two.treaty", two)]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("two.treaty(19,11): error SG0250: Checklist 'two.review' generates the C# class 'Shared.ReviewChecklist', which checklist 'one.review' (one.treaty line 19) also generates; rename one of the checklists, or give their treaties different namespaces", Harness.Format(diagnostic));
        Assert.Empty(run.CompilationProblems.Select(Harness.Format));
    }

    [Fact]
    public void A_class_with_the_full_name_of_another_treatys_namespace_is_reported()
    {
        var one = Header("one", "Shared") + Safeguard("s") + Checklist("x", "s");
        var two = Header("two", "Shared.XChecklist") + Safeguard("s") + Checklist("review", "s");

        var run = Generate([("one.treaty", one), ("two.treaty", two)]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SG0250", diagnostic.Id);
        Assert.Contains("Checklist 'one.x' generates the C# class 'Shared.XChecklist', which is also the name of the namespace of checklist 'two.review' (two.treaty line 19)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems.Select(Harness.Format));
    }

    [Theory]
    [InlineData("SafeguardGen")]
    [InlineData("SafeguardGen.Generated")]
    [InlineData("SafeguardGen.Logic")]
    public void A_namespace_reserved_for_safeguardgen_is_reported_and_nothing_is_emitted_for_it(string @namespace)
    {
        var run = Generate([("demo.treaty", Header("demo", @namespace) + Safeguard("s") + Checklist("review", "s"))]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SG0251", diagnostic.Id);
        Assert.Empty(run.CompilationProblems.Select(Harness.Format));
    }
}

/// <summary>The reserved names stay in step with the runtime, so a new runtime type cannot meet a treaty's namespace unnoticed.</summary>
public sealed class ReservedNamespaceListTests
{
    [Fact]
    public void The_reserved_names_are_the_runtimes_public_types_and_the_registrys_namespace()
    {
        var publicTypes = typeof(Evaluator).Assembly.GetExportedTypes().Where(t => t.Namespace == "SafeguardGen" && !t.IsNested).Select(t => t.Name.Split('`')[0]);

        Assert.Equal(publicTypes.Append("Generated").Distinct().Order(StringComparer.Ordinal), Language.Checks.GeneratedNames.ReservedNames.Order(StringComparer.Ordinal));
    }
}
