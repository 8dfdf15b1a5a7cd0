using System.Linq;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Syntax;

namespace SafeguardGen.Language.Tests;

/// <summary>Every construct of dsl-spec/grammar.md, parsed into the tree with exact spans.</summary>
public sealed class ParserTests
{
    private static TreatyFileSyntax Parse(string text, bool expectClean = true)
    {
        var parsed = TreatyCompiler.Parse("example.treaty", text);
        if (expectClean)
        {
            Assert.Empty(Support.Lines(parsed.Diagnostics));
        }

        return parsed.Syntax;
    }

    private static T Single<T>(string declarations)
        where T : DeclarationSyntax => Assert.IsType<T>(Assert.Single(Parse(Support.Header + declarations).Declarations));

    private static ExpressionSyntax Condition(string condition) =>
        Single<SafeguardSyntax>(Support.LegalBasis.Replace("  title \"Legal basis\"", "  title \"Legal basis\"\n  when " + condition, System.StringComparison.Ordinal)).When!;

    [Fact]
    public void The_header_holds_every_item_with_exact_spans()
    {
        var file = Parse("""
            treaty uncc {
              title "United Nations Convention against Cybercrime"
              title@fr "Convention des Nations Unies contre la cybercriminalité"
              description "Adopted without a vote."
              reference "A/RES/79/243"
              version 2024-12-24
              namespace SafeguardGen.Examples.Uncc
              language en
              translations fr
            }
            """);

        var header = file.Header!;
        Assert.Equal("uncc", header.Name.Text);
        Assert.Equal(new Text.TextSpan(7, 4), header.Name.Span);
        Assert.Equal(["United Nations Convention against Cybercrime", "Convention des Nations Unies contre la cybercriminalité"], header.Title!.Entries.Select(e => e.Value));
        Assert.Equal([null, "fr"], header.Title.Entries.Select(e => e.Language));
        Assert.Equal("Adopted without a vote.", header.Description!.Entries[0].Value);
        Assert.Equal("A/RES/79/243", header.Reference!.Value);
        Assert.Equal("2024-12-24", header.Version!.Value);
        Assert.Equal("SafeguardGen.Examples.Uncc", header.Namespace!.Text);
        Assert.Equal("en", header.Language!.Text);
        Assert.Equal("fr", Assert.Single(header.Translations).Text);
        Assert.Equal(0, header.Span.Start);
    }

    [Fact]
    public void A_version_may_be_a_string()
    {
        var file = Parse("treaty np { title \"N&P\" reference \"N&P\" version \"2014-05\" }");

        Assert.Equal("2014-05", file.Header!.Version!.Value);
    }

    [Fact]
    public void Imports_take_an_optional_alias()
    {
        var file = Parse(Support.Header + "import common\nimport european-extradition as ets24\n");

        Assert.Equal(["common", "european-extradition"], file.Imports.Select(i => i.Treaty.Text));
        Assert.Null(file.Imports[0].Alias);
        Assert.Equal("ets24", file.Imports[1].Alias!.Text);
    }

    [Fact]
    public void An_instrument_has_a_title_and_a_reference()
    {
        var instrument = Single<InstrumentSyntax>("instrument iccpr { title \"ICCPR\" reference \"ICCPR\" }");

        Assert.Equal("iccpr", instrument.Name.Text);
        Assert.Equal("ICCPR", instrument.Title!.Entries[0].Value);
        Assert.Equal("ICCPR", instrument.Reference!.Value);
    }

    [Fact]
    public void A_kind_has_a_title_and_a_description()
    {
        var kind = Single<KindSyntax>("kind fair-trial { title \"Fair trial\" description \"Rights of the defence.\" }");

        Assert.Equal("fair-trial", kind.Name.Text);
        Assert.Equal("Rights of the defence.", kind.Description!.Entries[0].Value);
    }

    [Fact]
    public void A_fact_is_a_question_outside_any_safeguard()
    {
        var fact = Single<FactSyntax>("fact coercive : yes-no { ask \"Coercive?\" guidance \"Search or seizure.\" }");

        Assert.Equal("coercive", fact.Question.Name.Text);
        Assert.Equal("yes-no", fact.Question.Type.Name.Text);
        Assert.Equal("Search or seizure.", fact.Question.Guidance!.Entries[0].Value);
    }

    [Fact]
    public void A_safeguard_holds_kinds_citations_severity_questions_conditions_and_exceptions()
    {
        var safeguard = Single<SafeguardSyntax>("""
            safeguard death-penalty : refusal-ground(optional), common.fair-trial {
              title "Death penalty"
              guidance "See Art. 11."
              cite ets24 article 11 verified
              severity advisory
              when common.coercive
              unless common.mla-treaty-applies
              question punishable : yes-no { ask "Punishable by death?" satisfied-by no }
              question assurances : yes-no { ask "Assurances given?" }
              exception sufficient-assurances {
                when death-penalty.assurances
                outcome satisfied
                priority 1
                because "Art. 11."
              }
            }
            """);

        Assert.Equal(["refusal-ground", "common.fair-trial"], safeguard.Kinds.Select(k => k.Name.Text));
        Assert.Equal("optional", safeguard.Kinds[0].Qualifier!.Text);
        Assert.Null(safeguard.Kinds[1].Qualifier);
        Assert.Equal("advisory", safeguard.Severity!.Text);
        Assert.Equal("See Art. 11.", safeguard.Guidance!.Entries[0].Value);
        Assert.Single(safeguard.Citations);
        Assert.Equal(["punishable", "assurances"], safeguard.Questions.Select(q => q.Name.Text));
        Assert.Equal("common.coercive", Assert.IsType<NameExpressionSyntax>(safeguard.When).Name.Text);
        Assert.Equal("common.mla-treaty-applies", Assert.IsType<NameExpressionSyntax>(safeguard.Unless).Name.Text);
        var exception = Assert.Single(safeguard.Exceptions);
        Assert.Equal("sufficient-assurances", exception.Name.Text);
        Assert.Equal("satisfied", exception.Outcome!.Text);
        Assert.Equal("1", exception.Priority!.Value);
        Assert.Equal("Art. 11.", exception.Because!.Entries[0].Value);
    }

    [Theory]
    [InlineData("cite uncc article 24 paragraph 2 letter b verified \"note\"", "uncc", "article", "24", "2", "b", "verified", "note")]
    [InlineData("cite uncc article 37 paragraph \"15?\" unverified", "uncc", "article", "37", "15?", null, "unverified", null)]
    [InlineData("cite np principle 3", "np", "principle", "3", null, null, null, null)]
    [InlineData("cite common.untoc annex I", "common.untoc", "annex", "I", null, null, null, null)]
    [InlineData("cite uncc preamble", "uncc", "preamble", null, null, null, null, null)]
    public void Citations_name_an_instrument_a_unit_and_optional_parts(string citation, string instrument, string unit, string? number, string? paragraph, string? letter, string? verification, string? note)
    {
        var safeguard = Single<SafeguardSyntax>(Support.LegalBasis.Replace("cite demo article 15", citation, System.StringComparison.Ordinal));

        var cite = Assert.Single(safeguard.Citations);
        Assert.Equal(instrument, cite.Instrument.Text);
        Assert.Equal(unit, cite.Unit.Text);
        Assert.Equal(number, cite.Number?.Value);
        Assert.Equal(paragraph, cite.Paragraph?.Value);
        Assert.Equal(letter, cite.Letter?.Text);
        Assert.Equal(verification, cite.Verification?.Text);
        Assert.Equal(note, cite.Note?.Value);
    }

    [Theory]
    [InlineData("yes-no", "satisfied-by yes", "yes")]
    [InlineData("yes-no", "satisfied-by no", "no")]
    [InlineData("text", "satisfied-by provided", "provided")]
    [InlineData("list of text", "satisfied-by empty", "empty")]
    public void Word_criteria_are_parsed(string type, string criterion, string word)
    {
        var safeguard = Single<SafeguardSyntax>($"safeguard s : legality {{ question q : {type} {{ ask \"?\" {criterion} }} }}");

        Assert.Equal(word, safeguard.Questions[0].Criterion!.Word!.Text);
    }

    [Theory]
    [InlineData("number", ">= 4", ">=", "4")]
    [InlineData("number", "< 0.5", "<", "0.5")]
    [InlineData("date", "<= 2025-12-31", "<=", "2025-12-31")]
    [InlineData("number", "== 90", "==", "90")]
    [InlineData("number", "!= 1", "!=", "1")]
    [InlineData("number", "> 1", ">", "1")]
    public void Comparison_criteria_are_parsed(string type, string criterion, string op, string operand)
    {
        var safeguard = Single<SafeguardSyntax>($"safeguard s : legality {{ question q : {type} {{ ask \"?\" satisfied-by {criterion} }} }}");

        var parsed = safeguard.Questions[0].Criterion!;
        Assert.Equal(op, parsed.Operator);
        Assert.Equal(operand, parsed.Operand!.Value);
    }

    [Fact]
    public void Choice_questions_have_options_with_translated_labels_and_option_criteria()
    {
        var safeguard = Single<SafeguardSyntax>("""
            safeguard s : legality {
              question grounds : list of choice {
                ask "Grounds?"
                option race "Race" @fr "Race" @es "Raza"
                option religion "Religion"
                satisfied-by none-of race, religion
              }
              question supervisor : choice {
                ask "Who?"
                option judge "A judge"
                satisfied-by any-of judge
              }
            }
            """);

        var grounds = safeguard.Questions[0];
        Assert.Equal("list", grounds.Type.Name.Text);
        Assert.Equal("choice", grounds.Type.ListElement!.Text);
        Assert.Equal(["race", "religion"], grounds.Options.Select(o => o.Name.Text));
        Assert.Equal([null, "fr", "es"], grounds.Options[0].Label!.Entries.Select(e => e.Language));
        Assert.Equal("none-of", grounds.Criterion!.Word!.Text);
        Assert.Equal(["race", "religion"], grounds.Criterion.Options.Select(o => o.Text));
        Assert.Equal("any-of", safeguard.Questions[1].Criterion!.Word!.Text);
    }

    [Fact]
    public void A_measure_lists_citations_profiles_and_safeguards_over_several_lines()
    {
        var measure = Single<MeasureSyntax>("""
            measure extradition {
              title "Extradition"
              description "Art. 24."
              cite budapest article 24 verified
              adopts ets24.extradition-review, review
              safeguards dual-criminality,
                ets24.persecution
              safeguards reasons
            }
            """);

        Assert.Equal(["ets24.extradition-review", "review"], measure.Profiles.Select(p => p.Text));
        Assert.Equal(["dual-criminality", "ets24.persecution", "reasons"], measure.Safeguards.Select(p => p.Text));
        Assert.Single(measure.Citations);
    }

    [Fact]
    public void A_profile_requires_kinds_with_qualifiers_and_named_safeguards()
    {
        var profile = Single<ProfileSyntax>("""
            profile article-15 {
              title "Art. 15"
              description "Conditions and safeguards."
              cite budapest article 15 verified
              requires kind legality, oversight(judicial), refusal-ground
              requires safeguard common.fair-hearing
            }
            """);

        Assert.Equal(["legality", "oversight", "refusal-ground"], profile.RequiredKinds.Select(k => k.Name.Text));
        Assert.Equal("judicial", profile.RequiredKinds[1].Qualifier!.Text);
        Assert.Equal("common.fair-hearing", Assert.Single(profile.RequiredSafeguards).Text);
    }

    [Fact]
    public void A_checklist_names_its_measure_and_includes()
    {
        var checklist = Single<ChecklistSyntax>("checklist review { title \"Review\" description \"d\" measure budapest.extradition include a, b.c }");

        Assert.Equal("budapest.extradition", checklist.Measure!.Text);
        Assert.Equal(["a", "b.c"], checklist.Includes.Select(i => i.Text));
    }

    [Fact]
    public void Not_binds_tighter_than_and_which_binds_tighter_than_or()
    {
        var or = Assert.IsType<LogicalExpressionSyntax>(Condition("not a and b or c"));

        Assert.Equal("or", or.Operator);
        var and = Assert.IsType<LogicalExpressionSyntax>(or.Operands[0]);
        Assert.Equal("and", and.Operator);
        Assert.IsType<NotExpressionSyntax>(and.Operands[0]);
    }

    [Fact]
    public void A_chain_of_one_operator_is_one_flat_node_whatever_its_length()
    {
        var chain = string.Join(" or ", Enumerable.Range(0, 1000).Select(i => "q" + i));

        var or = Assert.IsType<LogicalExpressionSyntax>(Condition(chain));

        Assert.Equal(1000, or.Operands.Count);
        Assert.All(or.Operands, operand => Assert.IsType<NameExpressionSyntax>(operand));
    }

    [Fact]
    public void Parentheses_group_a_condition()
    {
        var and = Assert.IsType<LogicalExpressionSyntax>(Condition("a and (b or c)"));

        Assert.Equal("and", and.Operator);
        Assert.Equal("or", Assert.IsType<LogicalExpressionSyntax>(and.Operands[1]).Operator);
    }

    [Theory]
    [InlineData("q == yes", "==", LiteralKind.Yes)]
    [InlineData("q != no", "!=", LiteralKind.No)]
    [InlineData("q < 4", "<", LiteralKind.Number)]
    [InlineData("q <= 4.5", "<=", LiteralKind.Number)]
    [InlineData("q > 2024-12-24", ">", LiteralKind.Date)]
    [InlineData("q >= \"x\"", ">=", LiteralKind.Text)]
    public void Comparisons_take_every_operator_and_literal(string condition, string op, LiteralKind kind)
    {
        var comparison = Assert.IsType<BinaryExpressionSyntax>(Condition(condition));

        Assert.Equal(op, comparison.Operator);
        Assert.Equal(kind, Assert.IsType<LiteralSyntax>(comparison.Right).Kind);
    }

    [Fact]
    public void Membership_tests_take_in_and_not_in()
    {
        var @in = Assert.IsType<InExpressionSyntax>(Condition("basis in (a, b)"));
        var notIn = Assert.IsType<InExpressionSyntax>(Condition("basis not in (a)"));

        Assert.False(@in.Negated);
        Assert.Equal(2, @in.Values.Count);
        Assert.True(notIn.Negated);
    }

    [Fact]
    public void Lists_are_tested_with_contains_and_answers_with_is_answered()
    {
        var contains = Assert.IsType<ContainsExpressionSyntax>(Condition("s.grounds contains race"));
        var answered = Assert.IsType<AnsweredExpressionSyntax>(Condition("s.q is answered"));
        var unanswered = Assert.IsType<AnsweredExpressionSyntax>(Condition("s.q is unanswered"));

        Assert.Equal("race", Assert.IsType<NameExpressionSyntax>(contains.Element).Name.Text);
        Assert.True(answered.Answered);
        Assert.False(unanswered.Answered);
    }

    [Fact]
    public void A_condition_span_covers_its_text_exactly()
    {
        var text = Support.Header + Support.LegalBasis.Replace("  title \"Legal basis\"", "  title \"Legal basis\"\n  when a.b >= 4", System.StringComparison.Ordinal);
        var safeguard = Assert.IsType<SafeguardSyntax>(Assert.Single(Parse(text).Declarations));

        Assert.Equal("a.b >= 4", text.Substring(safeguard.When!.Span.Start, safeguard.When.Span.Length));
    }

    [Fact]
    public void Triple_quoted_strings_keep_markdown_and_lose_the_closing_indentation()
    {
        var safeguard = Single<SafeguardSyntax>("safeguard s : legality {\n  guidance \"\"\"\n    First **line**.\n      Indented \\n stays raw.\n    \"\"\"\n}");

        Assert.Equal("First **line**.\n  Indented \\n stays raw.", safeguard.Guidance!.Entries[0].Value);
    }

    [Fact]
    public void String_escapes_are_decoded()
    {
        var kind = Single<KindSyntax>("kind k { title \"a\\\"b\\\\c\\nd\\te\\r\\u{e9}\\u{1F600}\" }");

        Assert.Equal("a\"b\\c\nd\te\r\u00e9\U0001F600", kind.Title!.Entries[0].Value);
    }

    [Fact]
    public void Comments_are_ignored_wherever_they_stand()
    {
        var kind = Single<KindSyntax>("// line\nkind /* inline */ k { /* block\n over lines */ title \"T\" // trailing\n }");

        Assert.Equal("k", kind.Name.Text);
    }

    [Fact]
    public void Keywords_are_contextual_so_a_question_may_be_called_title()
    {
        var safeguard = Single<SafeguardSyntax>("safeguard kind : legality { question title : yes-no { ask \"?\" satisfied-by yes } }");

        Assert.Equal("kind", safeguard.Name.Text);
        Assert.Equal("title", safeguard.Questions[0].Name.Text);
    }

    [Fact]
    public void Identifiers_join_parts_with_single_hyphens()
    {
        var kind = Single<KindSyntax>("kind dual_criminality-2-b { title \"T\" }");

        Assert.Equal("dual_criminality-2-b", kind.Name.Text);
    }

    [Fact]
    public void Every_example_treaty_parses_without_a_diagnostic()
    {
        foreach (var (path, text) in Support.ExampleFiles())
        {
            var parsed = TreatyCompiler.Parse(path, text);

            Assert.Empty(Support.Lines(parsed.Diagnostics));
            Assert.False(parsed.Syntax.HasSyntaxErrors);
        }
    }

    [Fact]
    public void Parsing_the_same_text_twice_gives_equal_trees()
    {
        var text = Support.ExampleFiles()[0].Text;

        Assert.Equal(TreatyCompiler.Parse("a.treaty", text), TreatyCompiler.Parse("a.treaty", text));
    }
}
