using System.Linq;
using SafeguardGen.Language.Binding;

namespace SafeguardGen.Language.Tests;

/// <summary>Basis, hedges, quoted and sourced citations, and a measure's scope: what a lawyer needs said.</summary>
public sealed class LegalConceptsTests
{
    private static string Safeguard(string items, string citation = "cite demo article 15 paragraph 2") => Support.Header + $$"""
        safeguard supervision : oversight(independent) {
          title "Supervision"
          {{citation}}
          {{items}}
          question supervisor : yes-no {
            ask "Is the power supervised by a judge?"
            satisfied-by yes
          }
        }
        """;

    [Fact]
    public void A_safeguard_carries_its_basis_and_its_hedges_into_the_model()
    {
        var result = Support.Compile(Safeguard("basis human-rights-law\n  hedge as-appropriate \"as appropriate in view of the nature of the procedure\"\n  hedge subject-to-domestic-law"));

        Assert.Empty(Support.Lines(result.Diagnostics));
        var safeguard = result.Model.Treaties[0].Safeguards[0];
        Assert.Equal(Basis.HumanRightsLaw, safeguard.Basis);
        Assert.Equal([new Hedge(HedgeKind.AsAppropriate, "as appropriate in view of the nature of the procedure"), new Hedge(HedgeKind.SubjectToDomesticLaw, null)], safeguard.Hedges);
        Assert.Equal("required only as appropriate: “as appropriate in view of the nature of the procedure”", safeguard.Hedges[0].Describe());
    }

    [Fact]
    public void A_safeguard_that_says_nothing_has_an_unstated_basis()
    {
        Assert.Equal(Basis.Unstated, Support.Compile(Safeguard(string.Empty)).Model.Treaties[0].Safeguards[0].Basis);
    }

    [Theory]
    [InlineData("basis law", "Expected 'treaty', 'human-rights-law' or 'policy' but found 'law'")]
    [InlineData("hedge appropriate", "Expected a hedge ('as-appropriate', 'subject-to-domestic-law', 'may' or 'within-means') but found 'appropriate'")]
    public void A_misspelt_basis_or_hedge_is_one_error_naming_the_words_allowed(string items, string message)
    {
        var diagnostic = Assert.Single(Support.Compile(Safeguard(items)).Diagnostics);

        Assert.Equal("SG0100", diagnostic.Id);
        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void A_hedged_treaty_provision_that_blocks_every_request_is_warned_about_and_a_condition_settles_it()
    {
        var hedged = "basis treaty\n  hedge as-appropriate";

        Assert.Equal("SG0272", Assert.Single(Support.Compile(Safeguard(hedged)).Diagnostics).Id);
        Assert.Empty(Support.Compile(Safeguard(hedged + "\n  severity advisory")).Diagnostics);
        Assert.Empty(Support.Compile(Safeguard("basis human-rights-law\n  hedge as-appropriate")).Diagnostics);
        Assert.Empty(Support.Compile(Safeguard("basis treaty\n  hedge subject-to-domestic-law")).Diagnostics);
    }

    [Fact]
    public void A_hedged_provision_whose_condition_has_a_typo_gives_one_diagnostic_for_the_typo()
    {
        var diagnostic = Assert.Single(Support.Compile(Safeguard("basis treaty\n  hedge as-appropriate\n  when supervision.supervisr")).Diagnostics);

        Assert.Equal("SG0200", diagnostic.Id);
    }

    [Fact]
    public void A_permissive_provision_cannot_be_a_mandatory_ground()
    {
        var text = Safeguard("basis treaty\n  hedge may \"may refuse\"").Replace(": oversight(independent)", ": refusal-ground(mandatory)", System.StringComparison.Ordinal);

        var diagnostic = Assert.Single(Support.Compile(text).Diagnostics);

        Assert.Equal("SG0272", diagnostic.Id);
        Assert.Contains("hedged 'may refuse'", diagnostic.Message, System.StringComparison.Ordinal);
        Assert.Empty(Support.Compile(text.Replace("refusal-ground(mandatory)", "refusal-ground(optional)", System.StringComparison.Ordinal)).Diagnostics);
    }

    [Fact]
    public void A_citation_quotes_its_wording_in_the_files_language_or_the_one_its_tag_names_and_names_its_source()
    {
        var result = Support.Compile(Safeguard(string.Empty, "cite demo article 15 paragraph 2 verified {\n    source \"Official text\"\n    quote \"Such conditions and safeguards shall\"\n    quote@fr \"Ces conditions et sauvegardes\"\n  }"));

        Assert.Empty(Support.Lines(result.Diagnostics));
        var citation = result.Model.Treaties[0].Safeguards[0].Citations[0];
        Assert.Equal("Official text", citation.Source);
        Assert.Equal([new Quote("en", "Such conditions and safeguards shall"), new Quote("fr", "Ces conditions et sauvegardes")], citation.Quotes);
    }

    [Fact]
    public void An_instrument_names_the_source_of_all_its_citations_and_a_citations_own_source_replaces_it()
    {
        var text = Support.Header.Replace("reference \"ETS 185\"", "reference \"ETS 185\"\n  source \"Treaty database\"", System.StringComparison.Ordinal) + """
            instrument echr {
              title "ECHR"
              reference "ETS 5"
              source "ECHR, English text"
            }

            safeguard s : legality {
              title "S"
              cite demo article 15 verified { quote "Q" }
              cite echr article 8 verified { quote "Everyone has the right" }
              cite echr article 3 verified { source "Another copy" quote "No one shall be subjected to torture" }
              question q : yes-no {
                ask "Q?"
                satisfied-by yes
              }
            }
            """;

        var result = Support.Compile(text);

        Assert.Empty(Support.Lines(result.Diagnostics));
        Assert.Equal(["Treaty database", "ECHR, English text", "Another copy"], result.Model.Treaties[0].Safeguards[0].Citations.Select(c => c.Source));
    }

    [Fact]
    public void A_quote_is_the_instruments_wording_so_the_translation_check_does_not_ask_for_it()
    {
        var text = Support.Header.Replace("reference \"ETS 185\"", "reference \"ETS 185\"\n  source \"S\"\n  translations fr", System.StringComparison.Ordinal)
            .Replace("title \"Demo\"", "title \"Demo\"\n  title@fr \"Démo\"", System.StringComparison.Ordinal) + """
            safeguard s : legality {
              title "S"
              title@fr "S"
              cite demo article 15 verified { quote "Each Party shall ensure" }
              question q : yes-no {
                ask "Q?"
                ask@fr "Q ?"
                satisfied-by yes
              }
            }
            """;

        Assert.Empty(Support.Lines(Support.Compile(text).Diagnostics));
    }

    [Fact]
    public void A_second_quote_in_the_same_language_is_one_error()
    {
        var diagnostic = Assert.Single(Support.Compile(Safeguard(string.Empty, "cite demo article 15 { quote \"A\" quote \"B\" }")).Diagnostics);

        Assert.Equal("SG0104", diagnostic.Id);
        Assert.Equal("Citation of 'demo' already has a 'quote'; remove this one", diagnostic.Message);
    }

    [Fact]
    public void A_report_cited_as_a_whole_prints_as_its_reference()
    {
        var text = Support.Header + """
            instrument report {
              title "A report"
              reference "CyberPeace Institute (2023)"
            }

            safeguard s : legality {
              title "S"
              basis policy
              cite report document unverified
              question q : yes-no {
                ask "Q?"
                satisfied-by yes
              }
            }
            """;

        var result = Support.Compile(text);

        Assert.Empty(Support.Lines(result.Diagnostics));
        Assert.Equal("CyberPeace Institute (2023)", result.Model.Treaties[0].Safeguards[0].Citations[0].Display);
    }

    private const string Extradition = Support.Header + """
        fact convention-offence : yes-no {
          ask "Is the offence one the Convention establishes?"
        }

        safeguard persecution : refusal-ground(mandatory) {
          title "Persecution"
          cite demo article 3
          question grounds : list of choice {
            ask "On which grounds?"
            option race "Race"
            satisfied-by empty
          }
        }

        measure extradition {
          title "Extradition"
          SCOPE
          safeguards persecution
        }

        checklist review {
          title "Review"
          measure extradition
        }
        """;

    [Fact]
    public void A_measures_scope_is_bound_and_its_checklists_ask_the_facts_it_reads()
    {
        var result = Support.Compile(Extradition.Replace("SCOPE", "scope convention-offence", System.StringComparison.Ordinal));

        Assert.Empty(Support.Lines(result.Diagnostics));
        var treaty = result.Model.Treaties[0];
        Assert.Equal("convention-offence", treaty.Measures[0].Scope!.Text);
        Assert.Equal([new QualifiedName("demo", "convention-offence")], treaty.Checklists[0].Facts);
    }

    [Theory]
    [InlineData("scope persecution.grounds", "SG0226")]
    [InlineData("scope convention-ofence", "SG0200")]
    [InlineData("scope convention-offence\n  scope convention-offence", "SG0104")]
    public void A_scope_that_is_not_a_yes_no_condition_or_is_written_twice_is_one_error(string scope, string id)
    {
        Assert.Equal(id, Assert.Single(Support.Compile(Extradition.Replace("SCOPE", scope, System.StringComparison.Ordinal)).Diagnostics).Id);
    }

    [Fact]
    public void A_scope_that_reads_a_safeguard_outside_the_checklist_is_SG0231()
    {
        var text = Extradition.Replace("SCOPE", "scope other.confirmed", System.StringComparison.Ordinal) + """

            safeguard other : legality {
              title "Other"
              cite demo article 1
              question confirmed : yes-no {
                ask "Confirmed?"
                satisfied-by yes
              }
            }
            """;

        var diagnostic = Assert.Single(Support.Compile(text).Diagnostics);

        Assert.Equal("SG0231", diagnostic.Id);
        Assert.StartsWith("Safeguard 'scope of extradition' depends on question 'other.confirmed'", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_scope_with_an_error_does_not_also_make_outside_instrument_unreachable()
    {
        var text = Extradition.Replace("SCOPE", "scope convention-ofence", System.StringComparison.Ordinal) + """

            scenario outside {
              checklist review
              description "Not a Convention offence."
              expect decision outside-instrument
            }
            """;

        Assert.Equal("SG0200", Assert.Single(Support.Compile(text).Diagnostics).Id);
    }
}
