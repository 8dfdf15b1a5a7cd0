using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Lexing;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Checks;

/// <summary>
/// A file that declares translations must give every text in each of them; a text in a language the file does
/// not declare is an error too, so that a typo in a tag cannot hide a missing translation.
/// </summary>
internal static class TranslationChecker
{
    public static void Check(TreatyFileSyntax file, LineMap lines, List<Diagnostic> diagnostics)
    {
        var header = file.Header;
        if (header is null)
        {
            return;
        }

        void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] args) =>
            diagnostics.Add(Diagnostic.Create(descriptor, lines.GetLocation(span), args));

        var declared = new List<string>();
        foreach (var tag in header.Translations.Concat(header.Language is null ? Enumerable.Empty<IdentifierSyntax>() : new[] { header.Language }))
        {
            if (tag.Text.Length > 0 && !Lexer.IsLanguageTag(tag.Text))
            {
                Report(DiagnosticDescriptors.InvalidLanguageTag, tag.Span, tag.Text);
            }
        }

        var own = header.Language?.Text ?? "en";
        foreach (var tag in header.Translations)
        {
            if (tag.Text.Length > 0 && tag.Text != own && Lexer.IsLanguageTag(tag.Text) && !declared.Contains(tag.Text))
            {
                declared.Add(tag.Text);
            }
        }

        foreach (var (owner, text, optionLabel) in Texts(file))
        {
            var undeclared = false;
            foreach (var entry in text.Entries)
            {
                if (entry.Language is not null && !declared.Contains(entry.Language))
                {
                    undeclared = true;
                    var suggestion = Suggestions.Closest(entry.Language, declared);
                    Report(DiagnosticDescriptors.UndeclaredLanguage, entry.Span, entry.Language, suggestion is null ? "add it to 'translations' or remove this text" : "did you mean '" + suggestion + "'?");
                }
            }

            // A mistyped tag is one mistake: the translation it was meant to be is not reported missing as well.
            var main = text.Entries.FirstOrDefault(e => e.Language is null);
            if (main is null || undeclared)
            {
                continue;
            }

            foreach (var language in declared)
            {
                if (!text.Entries.Any(e => e.Language == language))
                {
                    // The owner and the fix are written out only here, for a missing translation: most texts have all of theirs.
                    Report(DiagnosticDescriptors.MissingTranslation, main.Span, owner.Describe(), text.Property, language, optionLabel ? "'@" + language + " \"...\"' after its label" : "'" + text.Property + "@" + language + " \"...\"'");
                }
            }
        }
    }

    /// <summary>What a text belongs to, written out only when a message names it: "Question 'x' of safeguard 'y'".</summary>
    private readonly struct Owner(string format, string first, string? second = null, string? third = null)
    {
        public string Describe() => format.Replace("{0}", first).Replace("{1}", second).Replace("{2}", third).Replace("{K}", Capitalize(second ?? string.Empty));

        /// <summary>The same owner naming another thing first (an option of the question).</summary>
        public Owner With(string name) => new(format, name, second, third);
    }

    /// <summary>Every localisable text of the file, with the thing it belongs to and whether it is an option's label (whose fix differs).</summary>
    private static IEnumerable<(Owner Owner, LocalizedTextSyntax Text, bool OptionLabel)> Texts(TreatyFileSyntax file)
    {
        var header = file.Header!;
        foreach (var text in new[] { header.Title, header.Description })
        {
            if (text is not null)
            {
                yield return (new Owner("Treaty '{0}'", header.Name.Text), text, false);
            }
        }

        foreach (var declaration in file.Declarations)
        {
            var owner = new Owner("{K} '{0}'", declaration.Name.Text, declaration.Keyword);
            var (first, second) = declaration switch
            {
                InstrumentSyntax i => (i.Title, null),
                KindSyntax k => (k.Title, k.Description),
                SafeguardSyntax s => (s.Title, s.Guidance),
                MeasureSyntax m => (m.Title, m.Description),
                ProfileSyntax p => (p.Title, p.Description),
                ChecklistSyntax c => (c.Title, c.Description),
                BaselineSyntax b => (b.Title, b.Description),
                ComparisonSyntax c => (c.Title, c.Description),
                _ => ((LocalizedTextSyntax?)null, (LocalizedTextSyntax?)null),
            };
            if (first is not null)
            {
                yield return (owner, first, false);
            }

            if (second is not null)
            {
                yield return (owner, second, false);
            }

            if (declaration is FactSyntax fact)
            {
                foreach (var text in QuestionTexts(fact.Question, new Owner("Fact '{0}'", fact.Name.Text), new Owner("Option '{0}' of fact '{1}'", string.Empty, fact.Name.Text)))
                {
                    yield return text;
                }
            }

            if (declaration is SafeguardSyntax safeguard)
            {
                foreach (var question in safeguard.Questions)
                {
                    foreach (var text in QuestionTexts(question, new Owner("Question '{0}' of safeguard '{1}'", question.Name.Text, safeguard.Name.Text), new Owner("Option '{0}' of question '{1}' of safeguard '{2}'", string.Empty, question.Name.Text, safeguard.Name.Text)))
                    {
                        yield return text;
                    }
                }

                foreach (var exception in safeguard.Exceptions)
                {
                    if (exception.Because is not null)
                    {
                        yield return (new Owner("Exception '{0}' of safeguard '{1}'", exception.Name.Text, safeguard.Name.Text), exception.Because, false);
                    }
                }
            }

            if (declaration is BaselineSyntax baseline)
            {
                foreach (var requirement in baseline.Requirements)
                {
                    var part = new Owner("Requirement '{0}' of baseline '{1}'", requirement.Name.Text, baseline.Name.Text);
                    foreach (var text in new[] { requirement.Title, requirement.Description })
                    {
                        if (text is not null)
                        {
                            yield return (part, text, false);
                        }
                    }
                }
            }

            if (declaration is ComparisonSyntax comparison)
            {
                foreach (var judgement in comparison.Judgements)
                {
                    var part = new Owner("Judgement of '{0}' in comparison '{1}'", judgement.Requirement.Text, comparison.Name.Text);
                    foreach (var text in new[] { judgement.Rationale, judgement.Gap })
                    {
                        if (text is not null)
                        {
                            yield return (part, text, false);
                        }
                    }
                }

                foreach (var excess in comparison.Excess)
                {
                    var part = new Owner("Excess power '{0}' of comparison '{1}'", excess.Name.Text, comparison.Name.Text);
                    foreach (var text in new[] { excess.Title, excess.Rationale })
                    {
                        if (text is not null)
                        {
                            yield return (part, text, false);
                        }
                    }
                }
            }
        }
    }

    /// <summary>A question's ask and guidance, and its options' labels.</summary>
    private static IEnumerable<(Owner Owner, LocalizedTextSyntax Text, bool OptionLabel)> QuestionTexts(QuestionSyntax question, Owner owner, Owner optionOwner)
    {
        if (question.Ask is not null)
        {
            yield return (owner, question.Ask, false);
        }

        if (question.Guidance is not null)
        {
            yield return (owner, question.Guidance, false);
        }

        foreach (var option in question.Options)
        {
            if (option.Label is not null)
            {
                yield return (optionOwner.With(option.Name.Text), option.Label, true);
            }
        }
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);
}
