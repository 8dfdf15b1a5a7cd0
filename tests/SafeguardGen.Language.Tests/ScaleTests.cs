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
}
