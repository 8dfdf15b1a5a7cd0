using System.Linq;
using SafeguardGen.Language.Syntax;
using Xunit;

namespace SafeguardGen.Language.Tests;

/// <summary>What lawyers write as a matter of habit, and the help they get when a name is slightly off.</summary>
public sealed class AuthorFrictionTests
{
    private static string WithCitation(string citation) => Support.Header + """
        safeguard legal-basis : legality {
          title "Legal basis"

        """ + "  " + citation + "\n" + """
          question provided-by-law : yes-no {
            ask "Is the power provided for by law?"
            satisfied-by yes
          }
        }
        """;

    [Theory]
    [InlineData("cite demo article 8(2)", "cite demo article 8 paragraph 2")]
    [InlineData("cite demo article 24(1)(b) verified { source \"S\" quote \"Q\" }", "cite demo article 24 paragraph 1 letter b verified { source \"S\" quote \"Q\" }")]
    [InlineData("cite demo article 15(2) \"note\"", "cite demo article 15 paragraph 2 \"note\"")]
    public void A_paragraph_and_letter_in_parentheses_mean_what_the_words_mean(string written, string spelledOut)
    {
        var parenthesized = Support.Compile(WithCitation(written));
        var words = Support.Compile(WithCitation(spelledOut));

        Assert.Empty(parenthesized.Diagnostics);
        Assert.Equal(words.Model.Treaties.Single().Safeguards.Single().Citations, parenthesized.Model.Treaties.Single().Safeguards.Single().Citations);
    }

    [Fact]
    public void An_unclosed_paragraph_in_parentheses_is_one_error_at_the_place_of_the_missing_parenthesis()
    {
        var diagnostic = Assert.Single(Support.Compile(WithCitation("cite demo article 8(2 verified")).Diagnostics);

        Assert.Equal("SG0100", diagnostic.Id);
        Assert.Contains("')'", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("remedies", "remedy")]
    [InlineData("safeguards", "safeguard")]
    [InlineData("witnesses", "witness")]
    [InlineData("remedy", "remedies")]
    [InlineData("oversigt", "oversight")]
    public void A_plural_singular_or_small_typo_finds_the_name_meant(string written, string meant)
    {
        Assert.Equal(meant, Suggestions.Closest(written, new[] { "legality", meant, "proportionality" }));
    }

    [Fact]
    public void A_plural_kind_name_suggests_the_declared_kind()
    {
        var text = Support.Header + """
            kind remedy {
              title "Effective remedy"
            }

            safeguard s : remedies {
              title "S"
              cite demo article 13
              question q : yes-no { ask "Q?" satisfied-by yes }
            }
            """;

        var diagnostic = Assert.Single(Support.Compile(text).Diagnostics);

        Assert.Equal("SG0210", diagnostic.Id);
        Assert.Contains("did you mean 'remedy'?", diagnostic.Message, System.StringComparison.Ordinal);
    }
}
