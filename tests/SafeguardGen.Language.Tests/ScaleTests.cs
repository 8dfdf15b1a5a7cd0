using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Diagnostics;
using Xunit;

namespace SafeguardGen.Language.Tests;

/// <summary>
/// Inputs far larger than any real treaty, which once overflowed the stack or flooded the output. Each would
/// crash the test host (a stack overflow cannot be caught) or take minutes if the defect came back.
/// </summary>
public sealed class ScaleTests
{
    /// <summary>A safeguard with three yes-no questions and a <c>when</c> condition of <paramref name="terms"/> terms joined by <paramref name="op"/>.</summary>
    internal static string ChainTreaty(int terms, string op) =>
        Support.Header + """
        safeguard s : legality {
          title "S"
          cite demo article 15
          question q0 : yes-no { ask "Q0?" satisfied-by yes }
          question q1 : yes-no { ask "Q1?" satisfied-by yes }
          question q2 : yes-no { ask "Q2?" satisfied-by yes }
          when
        """ + " " + string.Join(" " + op + " ", Enumerable.Range(0, terms).Select(i => "s.q" + (i % 3))) + """

        }
        """;

    [Theory]
    [InlineData("and")]
    [InlineData("or")]
    public void A_condition_of_twenty_thousand_terms_binds_without_overflowing_the_stack(string op)
    {
        var result = Support.Compile(ChainTreaty(20_000, op));

        Assert.Empty(result.Diagnostics);
        var when = result.Model.Treaties.Single().Safeguards.Single().When!;
        var chain = Assert.IsType<LogicalExpression>(when.Expression);
        Assert.Equal(20_000, chain.Operands.Count);
        Assert.StartsWith("s.q0 " + op + " s.q1 " + op + " s.q2 " + op + " s.q0", when.Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_chains_keep_their_grouping_in_the_condition_text()
    {
        var text = Support.Header + """
            safeguard s : legality {
              title "S"
              cite demo article 15
              question a : yes-no { ask "A?" satisfied-by yes }
              question b : yes-no { ask "B?" satisfied-by yes }
              question c : yes-no { ask "C?" satisfied-by yes }
              when s.a and (s.b or s.c) and not (s.a and s.b)
            }
            """;

        var result = Support.Compile(text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("s.a and (s.b or s.c) and not (s.a and s.b)", result.Model.Treaties.Single().Safeguards.Single().When!.Text);
    }

    [Fact]
    public void Binding_errors_stop_at_the_same_cap_as_syntax_errors()
    {
        // Every term names a question that does not exist: 5,000 binding errors in one file.
        var text = ChainTreaty(5_000, "and").Replace("s.q", "s.missing", System.StringComparison.Ordinal);

        var diagnostics = Support.Compile(text).Diagnostics;

        Assert.Equal(DiagnosticBag.MaxErrorsPerFile, diagnostics.Count(d => d.IsError));
        var last = diagnostics[diagnostics.Count - 1];
        Assert.Equal("SG0008", last.Id);
        Assert.Equal(1, diagnostics.Count(d => d.Id == "SG0008"));
        Assert.True(last.Location.Span.Start > diagnostics[diagnostics.Count - 2].Location.Span.Start);
    }

    [Fact]
    public void Syntax_and_binding_errors_together_are_capped_once_in_position_order()
    {
        var broken = string.Concat(Enumerable.Range(0, 150).Select(_ => "@"));
        var text = ChainTreaty(300, "or").Replace("s.q", "s.missing", System.StringComparison.Ordinal) + "\n" + broken;

        var diagnostics = Support.Compile(text).Diagnostics;

        Assert.Equal(DiagnosticBag.MaxErrorsPerFile, diagnostics.Count(d => d.IsError));
        Assert.Equal(1, diagnostics.Count(d => d.Id == "SG0008"));
        Assert.Equal("SG0008", diagnostics[diagnostics.Count - 1].Id);
        Assert.All(diagnostics.Where(d => d.IsError), d => Assert.Equal("SG0200", d.Id));
    }

    [Fact]
    public void A_choice_of_sixty_four_thousand_options_tested_against_all_of_them_binds_in_linear_time()
    {
        // Each option in the 'in' list was once looked up by a scan of every option: minutes at this size.
        var options = Enumerable.Range(0, 64_000).Select(i => "o" + i).ToList();
        var text = Support.Header + "safeguard s : legality {\n  title \"S\"\n  cite demo article 1\n  question q : choice {\n    ask \"Q?\"\n"
            + string.Concat(options.Select(o => "    option " + o + " \"" + o + "\"\n"))
            + "    satisfied-by any-of " + string.Join(", ", options) + "\n  }\n  when s.q in (" + string.Join(", ", options) + ")\n}\n";

        var result = Support.Compile(text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(64_000, result.Model.Treaties.Single().Safeguards.Single().Questions.Single().Options.Count);
    }

    [Fact]
    public void An_unknown_option_among_many_names_the_first_options_and_counts_the_rest()
    {
        var text = Support.Header + "safeguard s : legality {\n  title \"S\"\n  cite demo article 1\n  question q : choice {\n    ask \"Q?\"\n"
            + string.Concat(Enumerable.Range(0, 40).Select(i => "    option o" + i + " \"O\"\n"))
            + "    satisfied-by any-of o0\n  }\n  when s.q == nothing\n}\n";

        var diagnostic = Assert.Single(Support.Compile(text).Diagnostics);

        Assert.Equal("SG0221", diagnostic.Id);
        Assert.Contains("'o10', 'o11' and 28 more", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_measure_of_sixteen_thousand_safeguards_adopting_a_profile_binds_in_linear_time()
    {
        // Repetitions, profile coverage and checklist membership were once checked by scanning lists: quadratic,
        // seconds at this size and minutes near the file limit.
        var safeguards = Enumerable.Range(0, 16_000).Select(i => "s" + i).ToList();
        var text = Support.Header
            + string.Concat(safeguards.Select(s => "safeguard " + s + " : legality, oversight(judicial) {\n  title \"T\"\n  cite demo article 1\n  question q : yes-no { ask \"Q?\" satisfied-by yes }\n}\n"))
            + "profile p {\n  title \"P\"\n  requires kind legality, oversight(judicial), proportionality\n  requires safeguard " + string.Join(", ", safeguards) + "\n}\n"
            + "measure m {\n  title \"M\"\n  adopts p\n  safeguards " + string.Join(", ", safeguards) + "\n}\n"
            + "checklist c {\n  title \"C\"\n  measure m\n}\n";

        var diagnostic = Assert.Single(Support.Compile(text).Diagnostics);

        Assert.Equal("SG0230", diagnostic.Id);
        Assert.Contains("kind 'proportionality'", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Fifty_thousand_unclosed_unicode_escapes_on_one_line_are_lexed_in_linear_time()
    {
        // Each '\u{' once looked for its '}' up to the end of the file: quadratic on one long line.
        var text = Support.Header + "safeguard s : legality { title " + string.Concat(Enumerable.Repeat("\"\\u{\" ", 50_000)) + "}\n";

        var diagnostics = Support.Compile(text).Diagnostics;

        Assert.Equal("SG0003", diagnostics[0].Id);
        Assert.Equal("SG0008", diagnostics[diagnostics.Count - 1].Id);
    }

    [Fact]
    public void A_safeguard_of_a_hundred_thousand_kinds_binds_in_linear_time()
    {
        // Found by the scaling benchmark: each kind was checked against the list of those before it.
        var kinds = Enumerable.Range(0, 100_000).Select(i => "k" + i).ToList();
        var text = Support.Header + string.Concat(kinds.Select(k => "kind " + k + " { title \"K\" }\n"))
            + "safeguard s : " + string.Join(", ", kinds) + " {\n  title \"S\"\n  cite demo article 1\n  question q : yes-no { ask \"Q?\" satisfied-by yes }\n}\n";

        var result = Support.Compile(text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(100_000, result.Model.Treaties.Single().Safeguards.Single().Kinds.Count);
    }
}
