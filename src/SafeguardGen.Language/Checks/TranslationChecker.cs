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

        foreach (var (owner, text, fix) in Texts(file))
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
                    Report(DiagnosticDescriptors.MissingTranslation, main.Span, owner, text.Property, language, fix(language));
                }
            }
        }
    }

    /// <summary>Every localisable text of the file, with the thing it belongs to and how to add a translation.</summary>
    private static IEnumerable<(string Owner, LocalizedTextSyntax Text, System.Func<string, string> Fix)> Texts(TreatyFileSyntax file)
    {
        System.Func<string, string> Property(string property) => language => "'" + property + "@" + language + " \"...\"'";

        var header = file.Header!;
        foreach (var text in new[] { header.Title, header.Description })
        {
            if (text is not null)
            {
                yield return ("Treaty '" + header.Name.Text + "'", text, Property(text.Property));
            }
        }

        foreach (var declaration in file.Declarations)
        {
            var owner = Capitalize(declaration.Keyword) + " '" + declaration.Name.Text + "'";
            var texts = declaration switch
            {
                InstrumentSyntax i => new[] { i.Title },
                KindSyntax k => new[] { k.Title, k.Description },
                SafeguardSyntax s => new[] { s.Title, s.Guidance },
                MeasureSyntax m => new[] { m.Title, m.Description },
                ProfileSyntax p => new[] { p.Title, p.Description },
                ChecklistSyntax c => new[] { c.Title, c.Description },
                BaselineSyntax b => new[] { b.Title, b.Description },
                ComparisonSyntax c => new[] { c.Title, c.Description },
                _ => System.Array.Empty<LocalizedTextSyntax?>(),
            };
            foreach (var text in texts)
            {
                if (text is not null)
                {
                    yield return (owner, text, Property(text.Property));
                }
            }

            var questions = declaration switch
            {
                FactSyntax f => new[] { (f.Question, "Fact '" + f.Name.Text + "'") },
                SafeguardSyntax s => s.Questions.Select(q => (q, "Question '" + q.Name.Text + "' of safeguard '" + s.Name.Text + "'")).ToArray(),
                _ => System.Array.Empty<(QuestionSyntax, string)>(),
            };
            foreach (var (question, questionOwner) in questions)
            {
                foreach (var text in new[] { question.Ask, question.Guidance })
                {
                    if (text is not null)
                    {
                        yield return (questionOwner, text, Property(text.Property));
                    }
                }

                foreach (var option in question.Options)
                {
                    if (option.Label is not null)
                    {
                        yield return ("Option '" + option.Name.Text + "' of " + Uncapitalize(questionOwner), option.Label, language => "'@" + language + " \"...\"' after its label");
                    }
                }
            }

            var parts = declaration switch
            {
                BaselineSyntax b => b.Requirements.Select(r => ("Requirement '" + r.Name.Text + "' of baseline '" + b.Name.Text + "'", new[] { r.Title, r.Description })),
                ComparisonSyntax c => c.Judgements.Select(j => ("Judgement of '" + j.Requirement.Text + "' in comparison '" + c.Name.Text + "'", new[] { j.Rationale, j.Gap }))
                    .Concat(c.Excess.Select(e => ("Excess power '" + e.Name.Text + "' of comparison '" + c.Name.Text + "'", new[] { e.Title, e.Rationale }))),
                _ => Enumerable.Empty<(string, LocalizedTextSyntax?[])>(),
            };
            foreach (var (partOwner, partTexts) in parts)
            {
                foreach (var text in partTexts)
                {
                    if (text is not null)
                    {
                        yield return (partOwner, text, Property(text.Property));
                    }
                }
            }

            if (declaration is SafeguardSyntax safeguard)
            {
                foreach (var exception in safeguard.Exceptions)
                {
                    if (exception.Because is not null)
                    {
                        yield return ("Exception '" + exception.Name.Text + "' of safeguard '" + safeguard.Name.Text + "'", exception.Because, Property("because"));
                    }
                }
            }
        }
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);

    private static string Uncapitalize(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s.Substring(1);
}
