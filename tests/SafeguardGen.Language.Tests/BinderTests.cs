using System;
using System.Linq;
using SafeguardGen.Language.Binding;

namespace SafeguardGen.Language.Tests;

/// <summary>Names resolved across files, and the bound model the generator and the docs are built from.</summary>
public sealed class BinderTests
{
    private static readonly Lazy<Binding.TreatyModel> Examples = new(() =>
    {
        var result = Support.Compile(Support.ExampleFiles().ToArray());
        Assert.Empty(Support.Lines(result.Diagnostics));
        return result.Model;
    });

    [Fact]
    public void The_example_treaties_compile_without_a_diagnostic()
    {
        Assert.Equal(["budapest", "civil-society", "common", "ets24", "np", "uncc"], Examples.Value.Treaties.Select(t => t.Name));
    }

    [Fact]
    public void Removing_a_safeguard_from_a_measure_under_a_profile_gives_exactly_one_error_at_that_measure()
    {
        var files = Support.ExampleFiles().ToArray();
        var index = Array.FindIndex(files, f => f.Path == "budapest.treaty");
        var original = "safeguards legal-basis, proportionality, supervision, grounds-justifying-application, specific-investigation, third-parties\n";
        Assert.Contains(original, files[index].Text, StringComparison.Ordinal);
        files[index] = (files[index].Path, files[index].Text.Replace(original, original.Replace(" supervision,", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));

        var result = Support.Compile(files);

        var diagnostic = Assert.Single(result.Diagnostics);
        var line = files[index].Text.Split('\n').Select((text, i) => (text, i)).First(l => l.text == "measure production-order {").i + 1;
        Assert.Equal($"budapest.treaty({line},9): error SG0230: Measure 'production-order' does not cover kind 'oversight', required by profile 'article-15'; add a safeguard that covers it to the measure's safeguards", diagnostic.ToString());
    }

    [Fact]
    public void Every_requirement_a_measure_misses_is_named_in_one_diagnostic_per_profile()
    {
        var text = Support.Header + Support.LegalBasis + "profile p { title \"P\" requires kind legality, redress, notification requires safeguard legal-basis }\nmeasure m { title \"M\" adopts p }\n";

        var diagnostic = Assert.Single(Support.Compile(text).Diagnostics);

        Assert.Equal("Measure 'm' does not cover kind 'legality', kind 'redress', kind 'notification' and safeguard 'legal-basis', required by profile 'p'; add a safeguard that covers each of them to the measure's safeguards", diagnostic.Message);
    }

    [Fact]
    public void A_qualified_requirement_is_met_only_by_the_same_qualifier()
    {
        var text = Support.Header + Support.LegalBasis.Replace(": legality", ": oversight(independent)", StringComparison.Ordinal)
            + "profile p { title \"P\" requires kind oversight(judicial) }\nmeasure m { title \"M\" adopts p safeguards legal-basis }\n"
            + "profile q { title \"Q\" requires kind oversight }\nmeasure n { title \"N\" adopts q safeguards legal-basis }\n";

        var diagnostic = Assert.Single(Support.Compile(text).Diagnostics);

        Assert.Contains("Measure 'm' does not cover kind 'oversight(judicial)'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_safeguard_in_a_measure_gives_one_diagnostic_and_no_coverage_error()
    {
        var text = Support.Header + Support.LegalBasis + "profile p { title \"P\" requires kind legality }\nmeasure m { title \"M\" adopts p safeguards legal-basic }\n";

        Assert.Equal(["SG0200"], Support.Compile(text).Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void A_mistyped_kind_gives_one_diagnostic_and_no_coverage_error()
    {
        var text = Support.Header + Support.LegalBasis.Replace(": legality", ": legalty", StringComparison.Ordinal) + "profile p { title \"P\" requires kind legality }\nmeasure m { title \"M\" adopts p safeguards legal-basis }\n";

        Assert.Equal(["SG0210"], Support.Compile(text).Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Names_resolve_through_an_import_alias_and_through_the_own_treaty_name()
    {
        var library = Support.Header.Replace("treaty demo", "treaty library", StringComparison.Ordinal) + Support.LegalBasis.Replace("cite demo", "cite library", StringComparison.Ordinal);
        var user = Support.Header + "import library as lib\n" + Support.LegalBasis.Replace("legal-basis", "own-basis", StringComparison.Ordinal)
            + "measure m { title \"M\" safeguards lib.legal-basis, demo.own-basis }\nmeasure n { title \"N\" safeguards legal-basis }\n";

        var result = Support.Compile(("library.treaty", library), ("user.treaty", user));

        Assert.Empty(Support.Lines(result.Diagnostics));
        var measures = result.Model.FindTreaty("demo")!.Measures;
        Assert.Equal(["library.legal-basis", "demo.own-basis"], measures[0].Safeguards.Select(s => s.ToString()));
        Assert.Equal(["library.legal-basis"], measures[1].Safeguards.Select(s => s.ToString()));
        Assert.Equal(["library"], result.Model.FindTreaty("demo")!.Imports);
    }

    [Fact]
    public void Imports_are_not_transitive()
    {
        var a = "treaty a { title \"A\" reference \"A\" }\n" + Support.LegalBasis.Replace("cite demo", "cite a", StringComparison.Ordinal);
        var b = "treaty b { title \"B\" reference \"B\" }\nimport a\n";
        var c = "treaty c { title \"C\" reference \"C\" }\nimport b\nmeasure m { title \"M\" safeguards a.legal-basis }\n";

        var diagnostic = Assert.Single(Support.Compile(("a.treaty", a), ("b.treaty", b), ("c.treaty", c)).Diagnostics);

        Assert.Equal("c.treaty(3,34): error SG0206: 'a.legal-basis' refers to treaty 'a', which this file does not import; add 'import a'", diagnostic.ToString());
    }

    [Fact]
    public void A_treaty_importing_itself_is_a_cycle()
    {
        var diagnostic = Assert.Single(Support.Compile(Support.Header + "import demo\n").Diagnostics);

        Assert.Equal("Import cycle: demo -> demo; remove one of these imports", diagnostic.Message);
    }

    [Fact]
    public void Every_example_safeguard_says_whether_it_rests_on_treaty_text_human_rights_law_or_policy()
    {
        var safeguards = Examples.Value.Treaties.SelectMany(t => t.Safeguards).ToList();

        Assert.All(safeguards, s => Assert.True(s.Basis != Basis.Unstated, s.Name + " states no basis"));
        Assert.All(Examples.Value.FindTreaty("civil-society")!.Safeguards, s => Assert.Equal(Basis.Policy, s.Basis));
    }

    [Fact]
    public void Every_verified_example_citation_names_its_source_and_quotes_the_provision()
    {
        var citations = Examples.Value.Treaties.SelectMany(t => t.Safeguards.SelectMany(s => s.Citations).Concat(t.Measures.SelectMany(m => m.Citations)).Concat(t.Profiles.SelectMany(p => p.Citations))).Where(c => c.Verified).ToList();

        Assert.True(citations.Count > 60, citations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(citations, c => Assert.False(string.IsNullOrWhiteSpace(c.Source), c.Display + " names no source"));
        Assert.All(citations, c => Assert.NotEmpty(c.Quotes));
    }

    [Fact]
    public void Citations_print_as_a_lawyer_writes_them_and_are_unverified_unless_they_say_so()
    {
        var supervision = Examples.Value.FindSafeguard(new QualifiedName("budapest", "supervision"))!;
        var extradition = Examples.Value.FindMeasure(new QualifiedName("budapest", "extradition"))!;
        var legalBasis = Examples.Value.FindSafeguard(new QualifiedName("budapest", "legal-basis"))!;
        var torture = Examples.Value.FindSafeguard(new QualifiedName("common", "torture-risk"))!;

        Assert.Equal("ETS 185, Art. 15(2)", supervision.Citations[0].Display);
        Assert.True(supervision.Citations[0].Verified);
        Assert.Equal("ETS 185, Art. 24(1)(a)", extradition.Citations[0].Display);
        Assert.Equal("ICCPR, Art. 17(1)", legalBasis.Citations[2].Display);
        Assert.True(legalBasis.Citations[2].Verified);
        Assert.Equal("CAT, Art. 3(1)", torture.Citations[2].Display);
        Assert.False(torture.Citations[2].Verified);
        Assert.Equal("Principle 3", Examples.Value.FindSafeguard(new QualifiedName("np", "necessity"))!.Citations[0].Display.Split(", ")[1]);
    }

    [Fact]
    public void Refusal_grounds_carry_their_qualifier_into_the_model()
    {
        Assert.Equal(RefusalGround.Mandatory, Examples.Value.FindSafeguard(new QualifiedName("ets24", "persecution"))!.RefusalGround);
        Assert.Equal(RefusalGround.Optional, Examples.Value.FindSafeguard(new QualifiedName("uncc", "persecution-extradition"))!.RefusalGround);
        Assert.Equal(RefusalGround.None, Examples.Value.FindSafeguard(new QualifiedName("uncc", "effective-remedy"))!.RefusalGround);
    }

    [Fact]
    public void A_checklist_holds_its_measures_safeguards_and_the_facts_their_conditions_read()
    {
        var checklist = Examples.Value.FindTreaty("budapest")!.Checklists.Single(c => c.Name.Name == "mutual-assistance-review");

        Assert.Equal(new QualifiedName("budapest", "mutual-assistance"), checklist.Measure);
        Assert.Equal(7, checklist.Safeguards.Count);
        Assert.Equal(["common.mla-treaty-applies"], checklist.Facts.Select(f => f.ToString()));
    }

    [Fact]
    public void Conditions_are_bound_with_their_types_and_keep_their_text()
    {
        var assistance = Examples.Value.FindMeasure(new QualifiedName("uncc", "mutual-legal-assistance"))!;

        Assert.Equal("cooperation-purpose in (convention-offence, evidence-of-convention-offence) or (cooperation-purpose == evidence-of-serious-crime and requesting-max-years >= 4)", assistance.Scope!.Text);
        var either = Assert.IsType<LogicalExpression>(assistance.Scope.Expression);
        Assert.Equal(LogicalOperator.Or, either.Operator);
        var serious = Assert.IsType<LogicalExpression>(either.Operands[1]);
        var comparison = Assert.IsType<BinaryExpression>(serious.Operands[0]);
        Assert.Equal(BinaryOperator.Equal, comparison.Operator);
        Assert.Equal(new QuestionKey(new QualifiedName("uncc", "cooperation-purpose"), null), Assert.IsType<QuestionReference>(comparison.Left).Key);
        Assert.Equal(new Literal(Binding.ValueType.Choice, "evidence-of-serious-crime"), comparison.Right);
    }

    [Fact]
    public void Exceptions_are_ordered_by_descending_priority()
    {
        var text = Support.Header + Support.LegalBasis.Replace("  }\n}", "  }\n  exception low { when legal-basis.provided-by-law outcome satisfied priority 1 }\n  exception high { when not legal-basis.provided-by-law outcome not-applicable priority 5 because \"Why.\" }\n}", StringComparison.Ordinal);

        var result = Support.Compile(text);

        Assert.Empty(Support.Lines(result.Diagnostics));
        var exceptions = result.Model.Treaties[0].Safeguards[0].Exceptions;
        Assert.Equal(["high", "low"], exceptions.Select(e => e.Name));
        Assert.Equal(ExceptionOutcome.NotApplicable, exceptions[0].Outcome);
        Assert.Equal("not legal-basis.provided-by-law", exceptions[0].When.Text);
    }

    [Fact]
    public void Translations_are_available_by_language_tag()
    {
        var common = Examples.Value.FindTreaty("common")!;

        Assert.Equal(["en", "fr", "es"], common.Languages);
        Assert.Equal("Procès équitable", common.Kinds.Single(k => k.Name.Name == "fair-trial").Title.Get("fr"));
        Assert.Equal("Juicio justo", common.Kinds.Single(k => k.Name.Name == "fair-trial").Title.Get("es"));
        Assert.Equal("Fair trial", common.Kinds.Single(k => k.Name.Name == "fair-trial").Title.Get(null));
    }

    [Fact]
    public void A_missing_translation_names_what_the_text_belongs_to_and_how_to_add_it()
    {
        var result = Support.Compile(("t.treaty", """
            treaty demo {
              title "Demo"
              reference "ETS 185"
              translations fr
            }

            fact coercive : choice {
              ask "Coercive?"
              option a "A"
            }

            safeguard s : legality {
              title "S"
              cite demo article 1
              question q : choice {
                ask "Q?"
                guidance "G"
                option x "X"
                satisfied-by any-of x
              }
              exception e {
                when coercive == a
                outcome satisfied
                priority 1
                because "B"
              }
            }
            """));

        Assert.Equal(
        [
            "Treaty 'demo' has no title in 'fr', a language this file declares; add 'title@fr \"...\"'",
            "Fact 'coercive' has no ask in 'fr', a language this file declares; add 'ask@fr \"...\"'",
            "Option 'a' of fact 'coercive' has no label in 'fr', a language this file declares; add '@fr \"...\"' after its label",
            "Safeguard 's' has no title in 'fr', a language this file declares; add 'title@fr \"...\"'",
            "Question 'q' of safeguard 's' has no ask in 'fr', a language this file declares; add 'ask@fr \"...\"'",
            "Question 'q' of safeguard 's' has no guidance in 'fr', a language this file declares; add 'guidance@fr \"...\"'",
            "Option 'x' of question 'q' of safeguard 's' has no label in 'fr', a language this file declares; add '@fr \"...\"' after its label",
            "Exception 'e' of safeguard 's' has no because in 'fr', a language this file declares; add 'because@fr \"...\"'",
        ],
            result.Diagnostics.Where(d => d.Id == "SG0240").Select(d => d.Message));
    }

    [Fact]
    public void The_order_of_the_input_files_changes_nothing()
    {
        var files = Support.ExampleFiles().ToList();
        files.Add(("zz-broken.treaty", Support.Header.Replace("demo", "broken", StringComparison.Ordinal) + "import nothing\nsafeguard s : legalty { }"));
        var forward = Support.Compile(files.ToArray());
        files.Reverse();

        var backward = Support.Compile(files.ToArray());

        Assert.Equal(forward.Model, backward.Model);
        Assert.Equal(Support.Lines(forward.Diagnostics), Support.Lines(backward.Diagnostics));
        Assert.NotEmpty(forward.Diagnostics);
    }

    public static TheoryData<string> Variants() => ["examples", "typo", "cycle", "duplicate treaty", "not imported"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Binding_file_by_file_gives_what_binding_all_files_at_once_gives(string variant)
    {
        var files = Support.ExampleFiles().ToList();
        switch (variant)
        {
            case "typo":
                files[0] = (files[0].Path, files[0].Text.Replace("safeguards legal-basis", "safeguards legal-basic", StringComparison.Ordinal).Replace("cite common.echr", "cite commn.echr", StringComparison.Ordinal));
                break;
            case "cycle":
                files.Add(("zz-cycle.treaty", "treaty zz { title \"Z\" reference \"Z\" }\nimport budapest\n"));
                files[0] = (files[0].Path, files[0].Text + "\nimport zz\n");
                break;
            case "duplicate treaty":
                files.Add(("zz-duplicate.treaty", files[1].Text));
                break;
            case "not imported":
                files.Add(("zz-user.treaty", "treaty user { title \"U\" reference \"U\" }\nmeasure m { title \"M\" safeguards budapest.legal-basis }\n"));
                break;
        }

        var parsed = files.Select(f => Compilation.TreatyCompiler.Parse(f.Path, f.Text)).ToList();
        var (model, semantic) = Binder.Bind(parsed.OrderBy(f => f.Lines.Path, StringComparer.Ordinal).ToList());
        var together = Compilation.TreatyCompiler.Sort(parsed.SelectMany(f => f.Diagnostics).Concat(semantic)).ToList();

        var byFile = Compilation.TreatyCompiler.Bind(parsed);

        Assert.Equal(model, byFile.Model);
        Assert.Equal(Support.Lines(together), Support.Lines(byFile.Diagnostics));
        Assert.Equal(variant != "examples", together.Count > 0);
    }

    [Fact]
    public void Paths_are_printed_with_forward_slashes()
    {
        var result = Support.Compile(("treaties\\windows\\broken.treaty", "treaty x {"));

        Assert.All(result.Diagnostics, d => Assert.Equal("treaties/windows/broken.treaty", d.Location.Path));
    }
}
