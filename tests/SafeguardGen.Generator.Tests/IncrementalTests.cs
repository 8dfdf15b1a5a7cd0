using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafeguardGen.Language.Compilation;

namespace SafeguardGen.Generator.Tests;

/// <summary>The generator's caching, read from the driver's step-run reasons.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] AllSteps = [TrackingNames.ParseTreaty, TrackingNames.BindGroups, TrackingNames.Bind, TrackingNames.TreatyDiagnostics, TrackingNames.Checklists, TrackingNames.Signatures];

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun((string Path, string Text)[] treaties)
    {
        var compilation = Harness.Compilation(("Program.cs", "public static class Program { public static int Answer => 42; }"));
        return (Harness.Driver(treaties).RunGenerators(compilation), compilation);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void Editing_a_csharp_file_parses_no_treaty_file_again_and_emits_nothing_again()
    {
        var (driver, compilation) = FirstRun(Harness.ExampleTreaties());
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText("public static class Program { public static int Answer => 43; }", Harness.ParseOptions, tree.FilePath));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in AllSteps)
        {
            Assert.All(Reasons(result, step), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_treaty_file_reparses_it_alone_and_re_emits_only_the_checklists_that_depend_on_it()
    {
        var treaties = Harness.ExampleTreaties();
        var texts = treaties.Select(t => (AdditionalText)new InMemoryAdditionalText(t.Path, t.Text)).ToList();
        var compilation = Harness.Compilation(("Program.cs", "public static class Program { }"));
        var driver = Harness.Driver(texts).RunGenerators(compilation);
        var np = texts.Single(t => t.Path == "necessary-and-proportionate.treaty");
        var edited = np.GetText()!.ToString().Replace("title \"Adequacy\"", "title \"Adequacy of the measure\"", StringComparison.Ordinal);
        Assert.NotEqual(np.GetText()!.ToString(), edited);

        var after = driver
            .ReplaceAdditionalText(np, new InMemoryAdditionalText(np.Path, edited))
            .RunGenerators(compilation)
            .GetRunResult().Results.Single();

        var parses = Reasons(after, TrackingNames.ParseTreaty).ToList();
        Assert.Equal(1, parses.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(treaties.Length - 1, parses.Count(r => r == IncrementalStepRunReason.Cached));

        // Only the edited file is bound again: no other file imports it.
        var binds = after.TrackedSteps[TrackingNames.Bind].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, binds.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(treaties.Length - 1, binds.Count(r => r == IncrementalStepRunReason.Cached));

        var checklists = after.TrackedSteps[TrackingNames.Checklists].SelectMany(s => s.Outputs).ToList();
        var modified = checklists.Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).Select(o => ((Language.Emit.ChecklistSlice)o.Value).Id).ToList();
        Assert.Equal(["np.surveillance-review"], modified);
        Assert.All(checklists.Where(o => ((Language.Emit.ChecklistSlice)o.Value).Id != "np.surveillance-review"), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    /// <summary>The driver's run after replacing one text in one example file, from a driver that has run once.</summary>
    private static GeneratorRunResult Edit(string path, string before, string after)
    {
        var texts = Harness.ExampleTreaties().Select(t => (AdditionalText)new InMemoryAdditionalText(t.Path, t.Text)).ToList();
        var compilation = Harness.Compilation(("Program.cs", "public static class Program { }"));
        var driver = Harness.Driver(texts).RunGenerators(compilation);
        var file = texts.Single(t => t.Path == path);
        var edited = file.GetText()!.ToString().Replace(before, after, StringComparison.Ordinal);
        Assert.NotEqual(file.GetText()!.ToString(), edited);
        return driver.ReplaceAdditionalText(file, new InMemoryAdditionalText(path, edited)).RunGenerators(compilation).GetRunResult().Results.Single();
    }

    /// <summary>The files bound again: their bind step ran (its output changed, or ran to an equal value), rather than being cached.</summary>
    private static List<string> Rebound(GeneratorRunResult result) => result.TrackedSteps[TrackingNames.Bind]
        .SelectMany(s => s.Outputs)
        .Where(o => o.Reason != IncrementalStepRunReason.Cached)
        .Select(o => ((BoundFile)o.Value).Path)
        .Order(StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void An_edit_that_changes_no_import_leaves_the_import_index_alone_and_forms_one_bind_group_again()
    {
        var after = Edit("necessary-and-proportionate.treaty", "title \"Adequacy\"", "title \"Adequacy of the measure\"");

        Assert.All(Reasons(after, TrackingNames.ImportIndex), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(after, TrackingNames.ImportedFiles), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        var groups = Reasons(after, TrackingNames.BindGroups).ToList();
        Assert.Equal(1, groups.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(groups.Count - 1, groups.Count(r => r == IncrementalStepRunReason.Cached));
        Assert.Equal(["necessary-and-proportionate.treaty"], Rebound(after));
    }

    [Fact]
    public void Editing_an_imported_file_binds_it_and_the_files_that_import_it_directly_or_not_and_no_other()
    {
        // ets24 is imported by budapest, which civil-society imports: civil-society binds with both.
        var after = Edit("european-extradition.treaty", "title \"European Convention on Extradition\"", "title \"The European Convention on Extradition\"");

        Assert.All(Reasons(after, TrackingNames.ImportIndex), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(after, TrackingNames.ImportedFiles).Single());
        Assert.Equal(["budapest.treaty", "civil-society.treaty", "european-extradition.treaty"], Rebound(after));
    }

    [Fact]
    public void Adding_an_import_changes_the_index_but_binds_only_the_importing_file_again()
    {
        var after = Edit("necessary-and-proportionate.treaty", "import common\n", "import common\nimport ets24\n");

        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(after, TrackingNames.ImportIndex).Single());
        Assert.Equal(["necessary-and-proportionate.treaty"], Rebound(after));
    }

    [Fact]
    public void Editing_a_scenario_binds_its_file_again_and_emits_no_checklist_again()
    {
        const string Scenarios = "treaty demo-scenarios {\n  title \"Scenarios\"\n}\n\nimport np\n\nscenario first-look {\n  checklist surveillance-review\n  description \"Nothing answered.\"\n  expect decision incomplete\n}\n";
        var texts = Harness.ExampleTreaties().Append((Path: "scenarios.treaty", Text: Scenarios)).Select(t => (AdditionalText)new InMemoryAdditionalText(t.Path, t.Text)).ToList();
        var compilation = Harness.Compilation(("Program.cs", "public static class Program { }"));
        var driver = Harness.Driver(texts).RunGenerators(compilation);
        var scenarios = texts.Single(t => t.Path == "scenarios.treaty");

        var after = driver
            .ReplaceAdditionalText(scenarios, new InMemoryAdditionalText(scenarios.Path, Scenarios.Replace("Nothing answered.", "Nothing is answered yet.", StringComparison.Ordinal)))
            .RunGenerators(compilation)
            .GetRunResult().Results.Single();

        var binds = Reasons(after, TrackingNames.Bind).ToList();
        Assert.Equal(1, binds.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.All(after.TrackedSteps[TrackingNames.Checklists].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Equal(IncrementalStepRunReason.Modified, Reasons(after, TrackingNames.Scenarios).Single());
    }

    [Fact]
    public void No_pipeline_value_holds_a_compilation_a_symbol_a_syntax_node_or_a_location()
    {
        var (driver, _) = FirstRun(Harness.ExampleTreaties());
        var result = driver.GetRunResult().Results.Single();

        foreach (var step in result.TrackedSteps.Values.SelectMany(s => s))
        {
            foreach (var output in step.Outputs)
            {
                AssertNoRoslynObjects(output.Value, step.Name ?? "?", new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 40 || (!value.GetType().IsValueType && !seen.Add(value)))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or Location or SemanticModel or SyntaxTree, $"Step {step} holds a {value.GetType().Name}");
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoRoslynObjects(item, step, seen, depth + 1);
            }

            return;
        }

        if (value.GetType().Namespace?.StartsWith("SafeguardGen", StringComparison.Ordinal) == true || value.GetType().Name.StartsWith("ValueTuple", StringComparison.Ordinal))
        {
            foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                AssertNoRoslynObjects(field.GetValue(value), step, seen, depth + 1);
            }
        }
    }

    [Fact]
    public void Running_twice_on_the_same_input_gives_only_cached_steps()
    {
        var (driver, compilation) = FirstRun(Harness.ExampleTreaties());

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var step in AllSteps)
        {
            Assert.All(Reasons(result, step), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }
    }
}
