using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace SafeguardGen.Runtime.Tests;

/// <summary>Outcomes, decisions and explanations in each UN language, and refusal grounds that apply or do not apply.</summary>
public sealed class WordingTests
{
    private static readonly QuestionInfo Risk = new("persecution.risk", new LocalizedText("Is there a risk?", "fr", "Existe-t-il un risque ?"), AnswerType.YesNo, false, [], "no", null);

    private static readonly ChecklistRules Rules = new(
        "t.review",
        [Risk],
        [new SafeguardRules(new SafeguardInfo("t.persecution", ["refusal-ground"], new LocalizedText("Persecution", "fr", "Persécution"), [new Citation("ETS 24", "ETS 24, Art. 3(2)", true, null)], [Risk], null, SafeguardSeverity.Blocking, RefusalGroundKind.Mandatory), null, null, [], [new TestRule(0, Rule.Not(Rule.Answer(0)))], [0])]);

    public static TheoryData<string> Languages() => new(Wording.Languages.Where(l => l != "en"));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_has_every_phrase_with_the_same_placeholders(string language)
    {
        var english = Wording.Table("en");
        var table = Wording.Table(language);

        Assert.Equal(english.Keys.OrderBy(k => k, StringComparer.Ordinal), table.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(english.Keys, key => Assert.Equal(Placeholders(english[key]), Placeholders(table[key])));
        Assert.All(table.Values, value => Assert.False(string.IsNullOrWhiteSpace(value)));
    }

    [Fact]
    public void A_ground_that_holds_applies_and_one_that_does_not_hold_does_not_apply()
    {
        var holds = Evaluator.Validate(Rules, [AnswerValue.YesNo(true)]);
        var free = Evaluator.Validate(Rules, [AnswerValue.YesNo(false)]);

        Assert.Equal("The ground applies: persecution.risk is yes.", holds.Safeguards[0].Reason);
        Assert.Equal("The ground applies", Wording.Outcome(holds.Safeguards[0].Safeguard, holds.Safeguards[0].Outcome));
        Assert.Equal("- the mandatory ground for refusal 'Persecution' (ETS 24, Art. 3(2)): The ground applies: persecution.risk is yes.", holds.Explanation[1]);
        Assert.Equal("The ground does not apply: persecution.risk is no.", free.Safeguards[0].Reason);
        Assert.Equal("Proceed: every applicable blocking safeguard is met and no ground for refusal applies.", free.Explanation[0]);
        Assert.DoesNotContain("atisf", string.Join("\n", holds.Explanation.Concat(free.Explanation)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_explained_in_another_language_keeps_its_decision_and_uses_the_checklists_translations()
    {
        var english = Evaluator.Validate(Rules, [AnswerValue.YesNo(true)]);
        var french = english.In("fr");

        Assert.Equal(english.Decision, french.Decision);
        Assert.Equal(english.Safeguards.Select(s => s.Outcome), french.Safeguards.Select(s => s.Outcome));
        Assert.Equal("fr", french.Language);
        Assert.Equal("Refus obligatoire :", french.Explanation[0]);
        Assert.Equal("- le motif obligatoire de refus « Persécution » (ETS 24, Art. 3(2)) : Le motif s’applique : persecution.risk vaut yes.", french.Explanation[1]);
        Assert.Equal("Refus obligatoire", Wording.Decision(french.Decision, "fr"));
        Assert.Equal(english.Explanation, french.In("en").Explanation);
    }

    [Fact]
    public void A_language_without_a_table_gets_English_and_a_hand_made_result_cannot_be_explained_again()
    {
        Assert.False(Wording.Has("de"));
        Assert.Equal(Evaluator.Validate(Rules, [AnswerValue.YesNo(true)]).Explanation, Evaluator.Validate(Rules, [AnswerValue.YesNo(true)], null, "de").Explanation);
        var made = new AssessmentResult("t.review", Decision.Proceed, [], [], []);
        Assert.Contains("validate the answers again with the language", Assert.Throws<InvalidOperationException>(() => made.In("fr")).Message, StringComparison.Ordinal);
    }

    private static string[] Placeholders(string text) => Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();
}
