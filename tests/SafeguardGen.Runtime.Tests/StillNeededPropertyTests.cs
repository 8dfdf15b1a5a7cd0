using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace SafeguardGen.Runtime.Tests;

/// <summary>
/// The definition of "still needed", checked against brute force on random small checklists: an unanswered question
/// is needed if and only if, for some answers to the other unanswered questions (each may stay unanswered), some
/// answer to it gives another decision than leaving it unanswered. The brute force tries more values than the
/// analysis's representatives (every option, every subset, numbers between and around the constants).
/// </summary>
public sealed class StillNeededPropertyTests
{
    private static readonly OptionInfo[] Options = new[] { "a", "b", "c" }.Select(o => new OptionInfo(o, new LocalizedText(o))).ToArray();
    private static readonly decimal[] Constants = [1m, 2m, 3m];
    /// <summary>The numbers the random cases answer with.</summary>
    private static readonly decimal[] AnswerNumbers = [0m, 0.5m, 1m, 1.5m, 2m, 2.5m, 3m, 3.5m, 4m];

    /// <summary>
    /// The numbers the brute force tries: beyond the answers' range on both sides (answers may be negative, though no
    /// constant is), so that up to four questions compared with one another can take every order below and above them.
    /// </summary>
    private static readonly decimal[] WideNumbers = [-2m, -1.5m, -1m, -0.5m, .. AnswerNumbers, 4.5m, 5m, 5.5m, 6m];

    private sealed record Case(ChecklistRules Rules, AnswerValue[] Answers, int Seed)
    {
        public override string ToString() => "seed " + Seed;
    }

    private static readonly Gen<Case> Cases = Gen.Int[0, int.MaxValue].Select(Build);

    [Fact]
    public void Still_needed_is_exactly_the_questions_that_can_change_the_decision()
    {
        Cases.Sample(
            c =>
            {
                var expected = BruteForce(c.Rules, c.Answers);
                var actual = Evaluator.Validate(c.Rules, c.Answers).StillNeeded.Select(q => q.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
                return expected.SequenceEqual(actual);
            },
            iter: 400,
            seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Every_question_still_needed_is_unanswered_and_listed_once()
    {
        Cases.Sample(
            c =>
            {
                var needed = Evaluator.Validate(c.Rules, c.Answers).StillNeeded.Select(q => c.Rules.QuestionPositions[q.Id]).ToList();
                return needed.Distinct().Count() == needed.Count && needed.All(p => !c.Answers[p].IsAnswered);
            },
            iter: 400);
    }

    [Fact]
    public void The_decision_the_analysis_weighs_is_the_decision_validation_gives()
    {
        Cases.Sample(c => Evaluator.DecisionOnly(c.Rules, c.Answers) == Evaluator.Validate(c.Rules, c.Answers).Decision, iter: 400);
    }

    /// <summary>Cases random sampling once found: a number compared with another question, one of them answered.</summary>
    [Theory]
    [InlineData(16956596)]
    [InlineData(451279503)]
    [InlineData(1925871281)]
    [InlineData(316070002)]
    [InlineData(107102454)]
    public void Still_needed_is_exact_where_a_question_is_compared_with_an_answered_one(int seed)
    {
        var c = Build(seed);

        Assert.Equal(BruteForce(c.Rules, c.Answers), Evaluator.Validate(c.Rules, c.Answers).StillNeeded.Select(q => q.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    private static List<string> BruteForce(ChecklistRules rules, AnswerValue[] answers)
    {
        var open = Enumerable.Range(0, answers.Length).Where(i => !answers[i].IsAnswered).ToList();
        var domains = open.Select(q => new[] { AnswerValue.Unanswered }.Concat(Wide(rules.Questions[q])).ToArray()).ToList();
        var needed = new HashSet<int>();
        var scratch = (AnswerValue[])answers.Clone();
        var digits = new int[open.Count];
        while (true)
        {
            for (var j = 0; j < open.Count; j++)
            {
                scratch[open[j]] = domains[j][digits[j]];
            }

            var decision = Evaluator.DecisionOnly(rules, scratch);
            for (var j = 0; j < open.Count; j++)
            {
                if (digits[j] != 0 || needed.Contains(open[j]))
                {
                    continue;
                }

                for (var v = 1; v < domains[j].Length && !needed.Contains(open[j]); v++)
                {
                    scratch[open[j]] = domains[j][v];
                    if (Evaluator.DecisionOnly(rules, scratch) != decision)
                    {
                        needed.Add(open[j]);
                    }
                }

                scratch[open[j]] = AnswerValue.Unanswered;
            }

            var k = 0;
            while (k < digits.Length && ++digits[k] == domains[k].Length)
            {
                digits[k++] = 0;
            }

            if (k == digits.Length)
            {
                break;
            }
        }

        return needed.Select(q => rules.Questions[q].Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<AnswerValue> Wide(QuestionInfo question) => Values(question, WideNumbers);

    private static IEnumerable<AnswerValue> Values(QuestionInfo question, decimal[] numbers) => (question.Type, question.IsList) switch
    {
        (AnswerType.YesNo, _) => [AnswerValue.YesNo(true), AnswerValue.YesNo(false)],
        (AnswerType.Choice, false) => Enumerable.Range(0, Options.Length).Select(AnswerValue.Choice),
        (AnswerType.Choice, true) => Enumerable.Range(0, 1 << Options.Length).Select(mask => AnswerValue.List(Enumerable.Range(0, Options.Length).Where(o => (mask & (1 << o)) != 0).Select(AnswerValue.Choice).ToArray())),
        _ => numbers.Select(AnswerValue.Number),
    };

    /// <summary>A random checklist of 1 to 4 questions and 1 to 3 safeguards, with conditions, exceptions and answers.</summary>
    private static Case Build(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(1, 5);
        var questions = new QuestionInfo[count];
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(10);
            var (type, isList) = roll < 5 ? (AnswerType.YesNo, false) : roll < 7 ? (AnswerType.Choice, false) : roll < 9 ? (AnswerType.Number, false) : (AnswerType.Choice, true);
            questions[i] = new QuestionInfo("q" + i, new LocalizedText("Q" + i), type, isList, type == AnswerType.Choice ? Options : [], null, null);
        }

        var safeguards = new List<SafeguardRules>();
        var tested = Enumerable.Range(0, count).OrderBy(_ => random.Next()).ToList();
        var safeguardCount = Math.Min(count, random.Next(1, 4));
        for (var s = 0; s < safeguardCount; s++)
        {
            var test = tested[s];
            var info = new SafeguardInfo(
                "t.s" + s,
                ["legality"],
                new LocalizedText("S" + s),
                [],
                [questions[test]],
                null,
                random.Next(4) == 0 ? SafeguardSeverity.Advisory : SafeguardSeverity.Blocking,
                (RefusalGroundKind)random.Next(3));
            var when = random.Next(10) < 4 ? new ConditionRule("when", Condition(random, questions)) : null;
            var unless = random.Next(10) < 2 ? new ConditionRule("unless", Condition(random, questions)) : null;
            var exceptions = Enumerable.Range(0, random.Next(3))
                .Select(e => new ExceptionRule("e" + e, 10 - e, new ConditionRule("e", Condition(random, questions)), (SafeguardOutcome)random.Next(3), null))
                .ToArray();
            safeguards.Add(new SafeguardRules(info, when, unless, exceptions, [new TestRule(test, Test(random, questions[test], test))], Enumerable.Range(0, count).ToArray()));
        }

        var answers = questions.Select(q => random.Next(2) == 0 ? AnswerValue.Unanswered : Values(q, AnswerNumbers).OrderBy(_ => random.Next()).First()).ToArray();

        // A measure's scope in about a third of the cases, drawn from a generator of its own so that the seeds pinned
        // below still build the checklists they were found with.
        var scopeRandom = new Random(unchecked((seed * 31) + 7));
        var scope = scopeRandom.Next(3) == 0 ? new ScopeRule("I", new ConditionRule("scope", Condition(scopeRandom, questions)), Enumerable.Range(0, count).ToArray()) : null;
        return new Case(new ChecklistRules("c", questions, safeguards, scope), answers, seed);
    }

    private static Rule Test(Random random, QuestionInfo question, int q) => (question.Type, question.IsList) switch
    {
        (AnswerType.YesNo, _) => random.Next(2) == 0 ? Rule.Answer(q) : Rule.Not(Rule.Answer(q)),
        (AnswerType.Choice, false) => Rule.In(q, Subset(random)),
        (AnswerType.Choice, true) => random.Next(3) switch { 0 => Rule.Empty(q), 1 => Rule.Provided(q), _ => Rule.Not(Rule.In(q, Subset(random))) },
        _ => Rule.Compare(q, (Comparison)random.Next(6), AnswerValue.Number(Constants[random.Next(Constants.Length)])),
    };

    private static AnswerValue[] Subset(Random random) =>
        Enumerable.Range(0, Options.Length).Where(_ => random.Next(2) == 0).Select(AnswerValue.Choice).DefaultIfEmpty(AnswerValue.Choice(0)).ToArray();

    private static Rule Condition(Random random, QuestionInfo[] questions) => random.Next(4) switch
    {
        0 => Rule.All(Atom(random, questions), Atom(random, questions)),
        1 => Rule.Any(Atom(random, questions), Atom(random, questions)),
        _ => Atom(random, questions),
    };

    private static Rule Atom(Random random, QuestionInfo[] questions)
    {
        var q = random.Next(questions.Length);
        if (random.Next(8) == 0)
        {
            return random.Next(2) == 0 ? Rule.IsAnswered(q) : Rule.Not(Rule.IsAnswered(q));
        }

        return (questions[q].Type, questions[q].IsList) switch
        {
            (AnswerType.YesNo, _) => random.Next(3) == 0 ? Rule.Not(Rule.Answer(q)) : Rule.Answer(q),
            (AnswerType.Choice, false) => random.Next(2) == 0 ? Rule.Compare(q, Comparison.Equal, AnswerValue.Choice(random.Next(3))) : Rule.In(q, Subset(random)),
            (AnswerType.Choice, true) => Rule.Contains(q, AnswerValue.Choice(random.Next(3))),
            _ => random.Next(5) == 0 && questions.Any(o => o.Type == AnswerType.Number && o != questions[q])
                ? Rule.CompareQuestions(q, (Comparison)random.Next(6), Array.FindIndex(questions, o => o.Type == AnswerType.Number && o != questions[q]))
                : Rule.Compare(q, (Comparison)random.Next(6), AnswerValue.Number(Constants[random.Next(Constants.Length)])),
        };
    }
}
