using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Lexing;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Syntax;

/// <summary>
/// A recursive-descent parser with error recovery. Every keyword is contextual: a word is a keyword only where
/// the grammar expects one. After an error the parser skips to the next property or declaration, and it
/// reports at most one syntax error per position, so one typo gives one diagnostic.
/// </summary>
internal sealed class Parser
{
    public const int MaxExpressionDepth = 64;

    private static readonly string[] DeclarationKeywords = { "import", "instrument", "kind", "fact", "safeguard", "measure", "profile", "checklist", "scenario", "baseline", "comparison" };
    private static readonly string[] HeaderProperties = { "title", "description", "reference", "source", "url", "version", "namespace", "language", "translations" };
    private static readonly string[] InstrumentProperties = { "title", "reference", "source", "url" };
    private static readonly string[] KindProperties = { "title", "description" };
    private static readonly string[] SafeguardProperties = { "title", "guidance", "cite", "basis", "hedge", "severity", "question", "when", "unless", "exception" };
    private static readonly string[] CitationProperties = { "source", "quote" };
    private static readonly string[] QuestionProperties = { "ask", "guidance", "option", "satisfied-by" };
    private static readonly string[] ExceptionProperties = { "when", "outcome", "priority", "because" };
    private static readonly string[] MeasureProperties = { "title", "description", "cite", "scope", "adopts", "safeguards" };
    private static readonly string[] ProfileProperties = { "title", "description", "cite", "requires" };
    private static readonly string[] ChecklistProperties = { "title", "description", "measure", "include" };
    private static readonly string[] ScenarioProperties = { "checklist", "description", "answers-from", "answer", "expect" };
    private static readonly string[] BaselineProperties = { "title", "description", "profile", "safeguards", "requirement" };
    private static readonly string[] RequirementProperties = { "title", "description", "cite", "ground" };
    private static readonly string[] ComparisonProperties = { "title", "description", "reviews", "baseline", "judge", "excess" };
    private static readonly string[] JudgementProperties = { "counterpart", "cite", "rationale", "gap", "hedge", "ground" };
    private static readonly string[] ExcessProperties = { "title", "cite", "rationale" };
    private static readonly string[] RelationshipWords = { "equivalent", "stronger", "weaker", "hedged", "absent" };
    private static readonly string[] DecisionWords = { "proceed", "may-refuse", "must-refuse", "incomplete", "outside-instrument" };
    private static readonly string[] OutcomeWords = { "satisfied", "not-satisfied", "not-applicable", "unanswered", "holds", "does-not-hold" };
    private static readonly string[] StillNeededWords = { "exactly", "includes", "excludes" };
    private static readonly string[] ExpressionKeywords = { "and", "or", "not", "in", "contains", "is" };

    private readonly SourceText source;
    private readonly IReadOnlyList<Token> tokens;
    private readonly DiagnosticBag diagnostics;
    private int position;
    private int lastErrorPosition = -1;
    private int syntaxErrors;

    private Parser(SourceText source, IReadOnlyList<Token> tokens, DiagnosticBag diagnostics)
    {
        this.source = source;
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    public static TreatyFileSyntax Parse(SourceText source, IReadOnlyList<Token> tokens, DiagnosticBag diagnostics) =>
        new Parser(source, tokens, diagnostics).ParseFile();

    private Token Current => tokens[Math.Min(position, tokens.Count - 1)];

    private Token Peek(int offset) => tokens[Math.Min(position + offset, tokens.Count - 1)];

    private Token Next()
    {
        var token = Current;
        if (position < tokens.Count - 1)
        {
            position++;
        }

        return token;
    }

    private int PreviousEnd => position > 0 ? tokens[position - 1].Span.End : 0;

    private TextSpan SpanFrom(int start) => TextSpan.FromBounds(start, Math.Max(start, PreviousEnd));

    private void ReportSyntax(DiagnosticDescriptor descriptor, TextSpan span, params object[] args)
    {
        syntaxErrors++;

        // One position, one error: the errors that would follow from the first one are not news.
        if (span.Start == lastErrorPosition)
        {
            return;
        }

        lastErrorPosition = span.Start;
        diagnostics.Report(descriptor, span, args);
    }

    private bool Expect(TokenKind kind, out Token token)
    {
        if (Current.Kind == kind)
        {
            token = Next();
            return true;
        }

        ReportExpected(Token.Describe(kind));
        token = new Token(kind, new TextSpan(Current.Span.Start, 0), string.Empty);
        return false;
    }

    private void ReportExpected(string what)
    {
        // A bad token was reported by the lexer already.
        if (Current.Kind == TokenKind.Bad)
        {
            syntaxErrors++;
            lastErrorPosition = Current.Span.Start;
            return;
        }

        ReportSyntax(DiagnosticDescriptors.ExpectedToken, ErrorSpan(Current), what, Current.Describe());
    }

    private static TextSpan ErrorSpan(Token token) => token.Kind == TokenKind.StringLiteral && token.Span.Length > 40 ? new TextSpan(token.Span.Start, 1) : token.Span;

    private IdentifierSyntax ExpectIdentifier(string what)
    {
        if (Current.Kind == TokenKind.Identifier)
        {
            var token = Next();
            return new IdentifierSyntax(token.Value, token.Span);
        }

        ReportExpected(what);
        return new IdentifierSyntax(string.Empty, new TextSpan(Current.Span.Start, 0));
    }

    private StringSyntax ExpectString(string what)
    {
        if (Current.Kind == TokenKind.StringLiteral)
        {
            var token = Next();
            return new StringSyntax(token.Value, token.Span);
        }

        ReportExpected(what);
        return new StringSyntax(string.Empty, new TextSpan(Current.Span.Start, 0));
    }

    private NameSyntax ParseName(string what)
    {
        var start = Current.Span.Start;
        var parts = new List<IdentifierSyntax> { ExpectIdentifier(what) };
        while (Current.Kind == TokenKind.Dot && Peek(1).Kind == TokenKind.Identifier)
        {
            Next();
            parts.Add(ExpectIdentifier("a name after '.'"));
        }

        return new NameSyntax(parts.ToEquatableArray(), SpanFrom(start));
    }

    private List<NameSyntax> ParseNameList(string what)
    {
        var names = new List<NameSyntax> { ParseName(what) };
        while (Current.Kind == TokenKind.Comma)
        {
            Next();
            names.Add(ParseName(what));
        }

        return names;
    }

    private bool IsDeclarationStart(int offset = 0) =>
        Peek(offset).Kind == TokenKind.Identifier
        && DeclarationKeywords.Contains(Peek(offset).Value, StringComparer.Ordinal)
        && Peek(offset + 1).Kind == TokenKind.Identifier
        && (Peek(offset).Value == "import" || Peek(offset + 2).Kind is TokenKind.OpenBrace or TokenKind.Colon);

    private TreatyFileSyntax ParseFile()
    {
        HeaderSyntax? header = null;
        if (Current.IsWord("treaty"))
        {
            header = ParseHeader();
        }
        else if (Current.Kind != TokenKind.Bad)
        {
            var span = Current.Kind == TokenKind.EndOfFile ? new TextSpan(0, 0) : ErrorSpan(Current);
            ReportSyntax(DiagnosticDescriptors.MissingHeader, span);
        }

        var imports = new List<ImportSyntax>();
        var declarations = new List<DeclarationSyntax>();
        while (Current.Kind != TokenKind.EndOfFile)
        {
            var startPosition = position;
            if (Current.Kind == TokenKind.Identifier && Current.Value == "import")
            {
                imports.Add(ParseImport());
            }
            else if (Current.Kind == TokenKind.Identifier && DeclarationKeywords.Contains(Current.Value, StringComparer.Ordinal))
            {
                var declaration = ParseDeclaration();
                if (declaration is not null)
                {
                    declarations.Add(declaration);
                }
            }
            else
            {
                if (Current.Kind != TokenKind.Bad)
                {
                    ReportSyntax(DiagnosticDescriptors.ExpectedDeclaration, ErrorSpan(Current), Current.Describe());
                }

                SkipToTopLevel();
            }

            if (position == startPosition)
            {
                Next();
            }
        }

        return new TreatyFileSyntax(source.Path, header, imports.ToEquatableArray(), declarations.ToEquatableArray(), syntaxErrors > 0);
    }

    /// <summary>Skips to the next declaration keyword outside braces.</summary>
    private void SkipToTopLevel()
    {
        var depth = 0;
        Next();
        while (Current.Kind != TokenKind.EndOfFile)
        {
            if (Current.Kind == TokenKind.OpenBrace)
            {
                depth++;
            }
            else if (Current.Kind == TokenKind.CloseBrace)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && Current.Kind == TokenKind.Identifier && DeclarationKeywords.Contains(Current.Value, StringComparer.Ordinal))
            {
                return;
            }
            else if (IsDeclarationStart())
            {
                return;
            }

            Next();
        }
    }

    private ImportSyntax ParseImport()
    {
        var start = Next().Span.Start;
        var treaty = ExpectIdentifier("the name of the treaty to import");
        IdentifierSyntax? alias = null;
        if (Current.IsWord("as"))
        {
            Next();
            alias = ExpectIdentifier("an alias after 'as'");
        }

        return new ImportSyntax(treaty, alias, SpanFrom(start));
    }

    private HeaderSyntax ParseHeader()
    {
        var start = Next().Span.Start;
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the treaty's name");
        var texts = new TextCollector(this, "treaty", name.Text);
        StringSyntax? reference = null, version = null, headerSource = null, headerUrl = null;
        NameSyntax? ns = null;
        IdentifierSyntax? language = null;
        var translations = new List<IdentifierSyntax>();
        ParseBlock("treaty header", HeaderProperties, keyword =>
        {
            switch (keyword.Value)
            {
                case "reference":
                    reference = Single(reference, keyword, "treaty", name.Text, () => ExpectString("the instrument's reference, e.g. \"ETS 185\""));
                    break;
                case "source":
                    headerSource = Single(headerSource, keyword, "treaty", name.Text, () => ExpectString(SourceHint));
                    break;
                case "url":
                    headerUrl = Single(headerUrl, keyword, "treaty", name.Text, () => ExpectString(UrlHint));
                    break;
                case "version":
                    version = Single(version, keyword, "treaty", name.Text, ParseVersion);
                    break;
                case "namespace":
                    ns = Single(ns, keyword, "treaty", name.Text, () => ParseName("a C# namespace"));
                    break;
                case "language":
                    language = Single(language, keyword, "treaty", name.Text, () => ExpectIdentifier("a language tag, e.g. en"));
                    break;
                case "translations":
                    translations.Add(ExpectIdentifier("a language tag, e.g. fr"));
                    while (Current.Kind == TokenKind.Comma)
                    {
                        Next();
                        translations.Add(ExpectIdentifier("a language tag"));
                    }

                    break;
                default:
                    texts.Add(keyword);
                    break;
            }
        });
        return new HeaderSyntax(name, texts.Get("title"), texts.Get("description"), reference, version, ns, language, translations.ToEquatableArray(), SpanFrom(start), syntaxErrors > errorsBefore, headerSource, headerUrl);
    }

    private const string UrlHint = "the web address of the official text, e.g. \"https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=185\"";

    private const string SourceHint = "the text the wording was checked against, e.g. \"English text, Netherlands treaty database (BWBV0001839)\"";

    private StringSyntax ParseVersion()
    {
        if (Current.Kind == TokenKind.Date)
        {
            var token = Next();
            return new StringSyntax(token.Value, token.Span);
        }

        return ExpectString("a version string or a date (YYYY-MM-DD)");
    }

    /// <summary>Reads a property that may appear once; a repetition is reported and its value still parsed.</summary>
    private T Single<T>(T? existing, Token keyword, string owner, string ownerName, Func<T> parse)
        where T : class
    {
        var value = parse();
        if (existing is not null)
        {
            ReportSyntax(DiagnosticDescriptors.DuplicateProperty, keyword.Span, Capitalize(owner), ownerName, "a '" + keyword.Value + "'");
            return existing;
        }

        return value;
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);

    private DeclarationSyntax? ParseDeclaration()
    {
        var keyword = Current.Value;
        switch (keyword)
        {
            case "instrument":
                return ParseInstrument();
            case "kind":
                return ParseKind();
            case "fact":
                return ParseFact();
            case "safeguard":
                return ParseSafeguard();
            case "measure":
                return ParseMeasure();
            case "profile":
                return ParseProfile();
            case "scenario":
                return ParseScenario();
            case "baseline":
                return ParseBaseline();
            case "comparison":
                return ParseComparison();
            default:
                return ParseChecklist();
        }
    }

    /// <summary>
    /// Parses <c>{ property… }</c>. Each property starts with one of <paramref name="properties"/>; anything else is
    /// reported once and skipped up to the next property, so the rest of the block is still read.
    /// </summary>
    private void ParseBlock(string blockName, string[] properties, Action<Token> parseProperty)
    {
        if (!Expect(TokenKind.OpenBrace, out _))
        {
            // Without '{' there is no block to read: skip to something we recognise.
            if (!(Current.Kind == TokenKind.Identifier && properties.Contains(Current.Value, StringComparer.Ordinal)))
            {
                return;
            }
        }

        while (Current.Kind != TokenKind.CloseBrace && Current.Kind != TokenKind.EndOfFile)
        {
            var itemStart = position;
            if (Current.Kind == TokenKind.Identifier && properties.Contains(Current.Value, StringComparer.Ordinal))
            {
                var errorsBefore = syntaxErrors;
                parseProperty(Next());
                if (syntaxErrors > errorsBefore)
                {
                    SkipToProperty(properties, skipCurrent: false);
                }
            }
            else if (IsDeclarationStart())
            {
                // The block's '}' is missing and a new declaration begins.
                break;
            }
            else
            {
                if (Current.Kind == TokenKind.Identifier)
                {
                    ReportSyntax(DiagnosticDescriptors.UnknownProperty, Current.Span, Current.Value, blockName, Suggest(Current.Value, properties));
                }
                else if (Current.Kind != TokenKind.Bad)
                {
                    ReportSyntax(DiagnosticDescriptors.ExpectedToken, ErrorSpan(Current), "a property of the " + blockName + " (" + string.Join(", ", properties) + ") or '}'", Current.Describe());
                }
                else
                {
                    syntaxErrors++;
                }

                SkipToProperty(properties, skipCurrent: true);
            }

            if (position == itemStart)
            {
                Next();
            }
        }

        Expect(TokenKind.CloseBrace, out _);
    }

    private void SkipToProperty(string[] properties, bool skipCurrent)
    {
        if (skipCurrent)
        {
            SkipOne();
        }

        while (Current.Kind != TokenKind.EndOfFile && Current.Kind != TokenKind.CloseBrace)
        {
            if (Current.Kind == TokenKind.Identifier && properties.Contains(Current.Value, StringComparer.Ordinal))
            {
                return;
            }

            if (IsDeclarationStart())
            {
                return;
            }

            SkipOne();
        }
    }

    /// <summary>Skips one token, or a whole balanced <c>{ … }</c> group.</summary>
    private void SkipOne()
    {
        if (Current.Kind != TokenKind.OpenBrace)
        {
            Next();
            return;
        }

        var depth = 0;
        do
        {
            if (Current.Kind == TokenKind.OpenBrace)
            {
                depth++;
            }
            else if (Current.Kind == TokenKind.CloseBrace)
            {
                depth--;
            }

            Next();
        }
        while (depth > 0 && Current.Kind != TokenKind.EndOfFile);
    }

    internal static string Suggest(string word, IEnumerable<string> candidates)
    {
        var best = Suggestions.Closest(word, candidates);
        return best is not null ? "did you mean '" + best + "'?" : "expected one of " + string.Join(", ", candidates.Select(c => "'" + c + "'"));
    }

    private InstrumentSyntax ParseInstrument()
    {
        var start = Next().Span.Start;
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the instrument's name");
        var texts = new TextCollector(this, "instrument", name.Text);
        StringSyntax? reference = null, instrumentSource = null, instrumentUrl = null;
        ParseBlock("instrument", InstrumentProperties, keyword =>
        {
            switch (keyword.Value)
            {
                case "reference":
                    reference = Single(reference, keyword, "instrument", name.Text, () => ExpectString("the instrument's reference, e.g. \"ETS 185\""));
                    break;
                case "source":
                    instrumentSource = Single(instrumentSource, keyword, "instrument", name.Text, () => ExpectString(SourceHint));
                    break;
                case "url":
                    instrumentUrl = Single(instrumentUrl, keyword, "instrument", name.Text, () => ExpectString(UrlHint));
                    break;
                default:
                    texts.Add(keyword);
                    break;
            }
        });
        return new InstrumentSyntax(name, texts.Get("title"), reference, SpanFrom(start), syntaxErrors > errorsBefore, instrumentSource, instrumentUrl);
    }

    private KindSyntax ParseKind()
    {
        var start = Next().Span.Start;
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the kind's name");
        var texts = new TextCollector(this, "kind", name.Text);
        ParseBlock("kind", KindProperties, texts.Add);
        return new KindSyntax(name, texts.Get("title"), texts.Get("description"), SpanFrom(start), syntaxErrors > errorsBefore);
    }

    private FactSyntax ParseFact()
    {
        var start = Next().Span.Start;
        var errorsBefore = syntaxErrors;
        var question = ParseQuestionRest(start, "fact");
        return new FactSyntax(question, SpanFrom(start), syntaxErrors > errorsBefore);
    }

    private SafeguardSyntax ParseSafeguard()
    {
        var start = Next().Span.Start;
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the safeguard's name");
        var kinds = new List<KindReferenceSyntax>();
        if (Expect(TokenKind.Colon, out _))
        {
            kinds.Add(ParseKindReference());
            while (Current.Kind == TokenKind.Comma)
            {
                Next();
                kinds.Add(ParseKindReference());
            }
        }

        var texts = new TextCollector(this, "safeguard", name.Text);
        var citations = new List<CitationSyntax>();
        var questions = new List<QuestionSyntax>();
        var exceptions = new List<ExceptionSyntax>();
        IdentifierSyntax? severity = null, basis = null;
        var hedges = new List<HedgeSyntax>();
        ExpressionSyntax? when = null, unless = null;
        ParseBlock("safeguard", SafeguardProperties, keyword =>
        {
            switch (keyword.Value)
            {
                case "cite":
                    citations.Add(ParseCitation(keyword));
                    break;
                case "basis":
                    basis = Single(basis, keyword, "safeguard", name.Text, () => ExpectIdentifier("'treaty', 'human-rights-law' or 'policy'"));
                    break;
                case "hedge":
                    hedges.Add(ParseHedge(keyword));
                    break;
                case "severity":
                    severity = Single(severity, keyword, "safeguard", name.Text, () => ExpectIdentifier("'blocking' or 'advisory'"));
                    break;
                case "question":
                    questions.Add(ParseQuestionRest(keyword.Span.Start, "question"));
                    break;
                case "when":
                    when = Single(when, keyword, "safeguard", name.Text, ParseCondition);
                    break;
                case "unless":
                    unless = Single(unless, keyword, "safeguard", name.Text, ParseCondition);
                    break;
                case "exception":
                    exceptions.Add(ParseException(keyword));
                    break;
                default:
                    texts.Add(keyword);
                    break;
            }
        });
        return new SafeguardSyntax(
            name,
            kinds.ToEquatableArray(),
            texts.Get("title"),
            texts.Get("guidance"),
            citations.ToEquatableArray(),
            severity,
            questions.ToEquatableArray(),
            when,
            unless,
            exceptions.ToEquatableArray(),
            SpanFrom(start),
            syntaxErrors > errorsBefore,
            basis,
            hedges.ToEquatableArray());
    }

    /// <summary><c>hedge as-appropriate "wording"</c>: the hedge's keyword and, optionally, the provision's hedging words.</summary>
    private HedgeSyntax ParseHedge(Token keyword)
    {
        var hedgeKind = ExpectIdentifier("a hedge: 'as-appropriate', 'subject-to-domestic-law', 'may' or 'within-means'");
        StringSyntax? wording = null;
        if (Current.Kind == TokenKind.StringLiteral)
        {
            var token = Next();
            wording = new StringSyntax(token.Value, token.Span);
        }

        return new HedgeSyntax(hedgeKind, wording, SpanFrom(keyword.Span.Start));
    }

    private KindReferenceSyntax ParseKindReference()
    {
        var start = Current.Span.Start;
        var name = ParseName("a safeguard kind, e.g. legality");
        IdentifierSyntax? qualifier = null;
        if (Current.Kind == TokenKind.OpenParen)
        {
            Next();
            qualifier = ExpectIdentifier("a qualifier, e.g. mandatory or judicial");
            Expect(TokenKind.CloseParen, out _);
        }

        return new KindReferenceSyntax(name, qualifier, SpanFrom(start));
    }

    private CitationSyntax ParseCitation(Token keyword)
    {
        var instrument = ParseName("the cited instrument's name");
        IdentifierSyntax unit;
        StringSyntax? number = null;
        if (Current.Kind == TokenKind.Identifier && Current.Value is "article" or "principle" or "preamble" or "annex" or "document")
        {
            var token = Next();
            unit = new IdentifierSyntax(token.Value, token.Span);
            if (unit.Text is not ("preamble" or "document"))
            {
                number = ParseLocatorValue("the " + unit.Text + "'s number");
            }
        }
        else
        {
            ReportExpected("'article', 'principle', 'annex', 'preamble' or 'document'");
            unit = new IdentifierSyntax(string.Empty, new TextSpan(Current.Span.Start, 0));
        }

        StringSyntax? paragraph = null;
        IdentifierSyntax? letter = null, verification = null;
        StringSyntax? note = null;
        if (number is not null && Current.Kind == TokenKind.OpenParen)
        {
            // The way lawyers write it: 'article 8(2)' and 'article 24(1)(b)' mean 'article 8 paragraph 2' and
            // 'article 24 paragraph 1 letter b'.
            Next();
            paragraph = ParseLocatorValue("the paragraph's number, as in 'article 8(2)'");
            Expect(TokenKind.CloseParen, out _);
            if (Current.Kind == TokenKind.OpenParen)
            {
                Next();
                letter = ExpectIdentifier("the letter, as in 'article 24(1)(b)'");
                Expect(TokenKind.CloseParen, out _);
            }
        }

        if (paragraph is null && Current.IsWord("paragraph"))
        {
            Next();
            paragraph = ParseLocatorValue("the paragraph's number");
        }

        if (letter is null && Current.IsWord("letter"))
        {
            Next();
            letter = ExpectIdentifier("the letter, e.g. b");
        }

        if (Current.IsWord("verified") || Current.IsWord("unverified"))
        {
            var token = Next();
            verification = new IdentifierSyntax(token.Value, token.Span);
        }

        if (Current.Kind == TokenKind.StringLiteral)
        {
            var token = Next();
            note = new StringSyntax(token.Value, token.Span);
        }

        // An optional block: where the wording was checked, and the wording itself.
        StringSyntax? citationSource = null;
        var quotes = new List<QuoteSyntax>();
        if (Current.Kind == TokenKind.OpenBrace)
        {
            ParseBlock("citation", CitationProperties, property =>
            {
                if (property.Value == "source")
                {
                    citationSource = Single(citationSource, property, "citation of", instrument.Text, () => ExpectString(SourceHint));
                    return;
                }

                var language = AttachedLanguageTag(property);
                var text = ExpectString("the quoted wording, e.g. quote \"Each Party shall ensure …\"");
                if (quotes.Any(q => q.Language == language))
                {
                    ReportSyntax(DiagnosticDescriptors.DuplicateProperty, property.Span, "Citation of", instrument.Text, language is null ? "a 'quote'" : "a 'quote@" + language + "'");
                    return;
                }

                quotes.Add(new QuoteSyntax(language, text, TextSpan.FromBounds(property.Span.Start, text.Span.End)));
            });
        }

        return new CitationSyntax(instrument, unit, number, paragraph, letter, verification, note, SpanFrom(keyword.Span.Start), citationSource, quotes.ToEquatableArray());
    }

    /// <summary>Reads the language tag written right after a keyword, with no space (<c>title@fr</c>, <c>quote@ar</c>), if there is one.</summary>
    private string? AttachedLanguageTag(Token keyword) =>
        Current.Kind == TokenKind.LanguageTag && Current.Span.Start == keyword.Span.End ? Next().Value : null;

    private StringSyntax ParseLocatorValue(string what)
    {
        if (Current.Kind is TokenKind.Number or TokenKind.StringLiteral or TokenKind.Identifier)
        {
            var token = Next();
            return new StringSyntax(token.Value, token.Span);
        }

        ReportExpected(what);
        return new StringSyntax(string.Empty, new TextSpan(Current.Span.Start, 0));
    }

    private QuestionSyntax ParseQuestionRest(int start, string what)
    {
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the " + what + "'s name");
        AnswerTypeSyntax type;
        if (Expect(TokenKind.Colon, out _))
        {
            type = ParseAnswerType();
        }
        else
        {
            type = new AnswerTypeSyntax(new IdentifierSyntax(string.Empty, new TextSpan(Current.Span.Start, 0)), null, new TextSpan(Current.Span.Start, 0));
        }

        var texts = new TextCollector(this, what, name.Text);
        var options = new List<OptionSyntax>();
        CriterionSyntax? criterion = null;
        ParseBlock(what, QuestionProperties, keyword =>
        {
            switch (keyword.Value)
            {
                case "option":
                    var optionStart = keyword.Span.Start;
                    var optionName = ExpectIdentifier("the option's name");
                    var labels = new TextCollector(this, "option", optionName.Text);
                    labels.AddValue("label", null, keyword.Span.Start);
                    while (Current.Kind == TokenKind.LanguageTag && Peek(1).Kind == TokenKind.StringLiteral)
                    {
                        var tag = Next();
                        labels.AddValue("label", tag.Value, tag.Span.Start);
                    }

                    options.Add(new OptionSyntax(optionName, labels.Get("label"), SpanFrom(optionStart)));
                    break;
                case "satisfied-by":
                    criterion = Single(criterion, keyword, what, name.Text, () => ParseCriterion(keyword));
                    break;
                default:
                    texts.Add(keyword);
                    break;
            }
        });
        return new QuestionSyntax(name, type, texts.Get("ask"), texts.Get("guidance"), options.ToEquatableArray(), criterion, SpanFrom(start), syntaxErrors > errorsBefore);
    }

    private AnswerTypeSyntax ParseAnswerType()
    {
        var start = Current.Span.Start;
        var name = ExpectIdentifier("an answer type (yes-no, choice, text, date, number or list of …)");
        IdentifierSyntax? element = null;
        if (name.Text == "list")
        {
            if (Current.IsWord("of"))
            {
                Next();
            }
            else
            {
                ReportExpected("'of' after 'list'");
            }

            element = ExpectIdentifier("the list's element type (choice, text, date or number)");
        }

        return new AnswerTypeSyntax(name, element, SpanFrom(start));
    }

    private CriterionSyntax ParseCriterion(Token keyword)
    {
        var start = Current.Span.Start;
        if (Current.Kind == TokenKind.Identifier && Current.Value is "any-of" or "none-of")
        {
            var word = Next();
            var options = new List<IdentifierSyntax> { ExpectIdentifier("an option's name") };
            while (Current.Kind == TokenKind.Comma)
            {
                Next();
                options.Add(ExpectIdentifier("an option's name"));
            }

            return new CriterionSyntax(new IdentifierSyntax(word.Value, word.Span), null, null, options.ToEquatableArray(), SpanFrom(start));
        }

        if (Current.Kind == TokenKind.Identifier)
        {
            var word = Next();
            return new CriterionSyntax(new IdentifierSyntax(word.Value, word.Span), null, null, default, SpanFrom(start));
        }

        if (IsComparison(Current.Kind))
        {
            var op = Next().Value;
            var operand = ParseLiteralOperand();
            return new CriterionSyntax(null, op, operand, default, SpanFrom(start));
        }

        ReportExpected("yes, no, provided, empty, any-of …, none-of … or a comparison such as '>= 4'");
        return new CriterionSyntax(new IdentifierSyntax(string.Empty, new TextSpan(keyword.Span.End, 0)), null, null, default, new TextSpan(keyword.Span.End, 0));
    }

    private LiteralSyntax? ParseLiteralOperand()
    {
        var literal = TryLiteral(yesNo: false);
        if (literal is null)
        {
            ReportExpected("a number, a date or a string");
        }

        return literal;
    }

    /// <summary>Reads a literal if one stands here: a number, a date, a string, and with <paramref name="yesNo"/> also yes or no; otherwise reads nothing.</summary>
    private LiteralSyntax? TryLiteral(bool yesNo)
    {
        var token = Current;
        var kind = token.Kind switch
        {
            TokenKind.Number => LiteralKind.Number,
            TokenKind.Date => LiteralKind.Date,
            TokenKind.StringLiteral => LiteralKind.Text,
            TokenKind.Identifier when yesNo && token.Value == "yes" => LiteralKind.Yes,
            TokenKind.Identifier when yesNo && token.Value == "no" => LiteralKind.No,
            _ => (LiteralKind?)null,
        };
        if (kind is null)
        {
            return null;
        }

        Next();
        return new LiteralSyntax(kind.Value, token.Value, token.Span);
    }

    private static bool IsComparison(TokenKind kind) =>
        kind is TokenKind.EqualsEquals or TokenKind.NotEquals or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual;

    private ExceptionSyntax ParseException(Token keyword)
    {
        var start = keyword.Span.Start;
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the exception's name");
        var texts = new TextCollector(this, "exception", name.Text);
        ExpressionSyntax? when = null;
        IdentifierSyntax? outcome = null;
        StringSyntax? priority = null;
        ParseBlock("exception", ExceptionProperties, property =>
        {
            switch (property.Value)
            {
                case "when":
                    when = Single(when, property, "exception", name.Text, ParseCondition);
                    break;
                case "outcome":
                    outcome = Single(outcome, property, "exception", name.Text, () => ExpectIdentifier("satisfied, not-satisfied or not-applicable"));
                    break;
                case "priority":
                    priority = Single(priority, property, "exception", name.Text, () =>
                    {
                        if (Current.Kind == TokenKind.Number)
                        {
                            var token = Next();
                            return new StringSyntax(token.Value, token.Span);
                        }

                        ReportExpected("a whole number");
                        return new StringSyntax(string.Empty, new TextSpan(Current.Span.Start, 0));
                    });
                    break;
                default:
                    texts.Add(property);
                    break;
            }
        });
        return new ExceptionSyntax(name, when, outcome, priority, texts.Get("because"), SpanFrom(start), syntaxErrors > errorsBefore);
    }

    private MeasureSyntax ParseMeasure()
    {
        var start = Next().Span.Start;
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the measure's name");
        var texts = new TextCollector(this, "measure", name.Text);
        var citations = new List<CitationSyntax>();
        var profiles = new List<NameSyntax>();
        var safeguards = new List<NameSyntax>();
        ExpressionSyntax? scope = null;
        ParseBlock("measure", MeasureProperties, keyword =>
        {
            switch (keyword.Value)
            {
                case "cite":
                    citations.Add(ParseCitation(keyword));
                    break;
                case "scope":
                    scope = Single(scope, keyword, "measure", name.Text, ParseCondition);
                    break;
                case "adopts":
                    profiles.AddRange(ParseNameList("a profile's name"));
                    break;
                case "safeguards":
                    safeguards.AddRange(ParseNameList("a safeguard's name"));
                    break;
                default:
                    texts.Add(keyword);
                    break;
            }
        });
        return new MeasureSyntax(name, texts.Get("title"), texts.Get("description"), citations.ToEquatableArray(), profiles.ToEquatableArray(), safeguards.ToEquatableArray(), SpanFrom(start), syntaxErrors > errorsBefore, scope);
    }

    private ProfileSyntax ParseProfile()
    {
        var start = Next().Span.Start;
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the profile's name");
        var texts = new TextCollector(this, "profile", name.Text);
        var citations = new List<CitationSyntax>();
        var kinds = new List<KindReferenceSyntax>();
        var safeguards = new List<NameSyntax>();
        ParseBlock("profile", ProfileProperties, keyword =>
        {
            switch (keyword.Value)
            {
                case "cite":
                    citations.Add(ParseCitation(keyword));
                    break;
                case "requires":
                    if (Current.IsWord("kind"))
                    {
                        Next();
                        kinds.Add(ParseKindReference());
                        while (Current.Kind == TokenKind.Comma)
                        {
                            Next();
                            kinds.Add(ParseKindReference());
                        }
                    }
                    else if (Current.IsWord("safeguard"))
                    {
                        Next();
                        safeguards.AddRange(ParseNameList("a safeguard's name"));
                    }
                    else
                    {
                        ReportExpected("'kind' or 'safeguard' after 'requires'");
                    }

                    break;
                default:
                    texts.Add(keyword);
                    break;
            }
        });
        return new ProfileSyntax(name, texts.Get("title"), texts.Get("description"), citations.ToEquatableArray(), kinds.ToEquatableArray(), safeguards.ToEquatableArray(), SpanFrom(start), syntaxErrors > errorsBefore);
    }

    private ChecklistSyntax ParseChecklist()
    {
        var start = Next().Span.Start;
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the checklist's name");
        var texts = new TextCollector(this, "checklist", name.Text);
        NameSyntax? measure = null;
        var includes = new List<NameSyntax>();
        ParseBlock("checklist", ChecklistProperties, keyword =>
        {
            switch (keyword.Value)
            {
                case "measure":
                    measure = Single(measure, keyword, "checklist", name.Text, () => ParseName("the measure's name"));
                    break;
                case "include":
                    includes.AddRange(ParseNameList("a safeguard's name"));
                    break;
                default:
                    texts.Add(keyword);
                    break;
            }
        });
        return new ChecklistSyntax(name, texts.Get("title"), texts.Get("description"), measure, includes.ToEquatableArray(), SpanFrom(start), syntaxErrors > errorsBefore);
    }

    private ScenarioSyntax ParseScenario()
    {
        var start = Next().Span.Start;
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the scenario's name");
        var texts = new TextCollector(this, "scenario", name.Text);
        NameSyntax? checklist = null;
        StringSyntax? answersFrom = null;
        var answers = new List<ScenarioAnswerSyntax>();
        var expectations = new List<ExpectationSyntax>();
        ParseBlock("scenario", ScenarioProperties, keyword =>
        {
            switch (keyword.Value)
            {
                case "checklist":
                    checklist = Single(checklist, keyword, "scenario", name.Text, () => ParseName("the checklist's name"));
                    break;
                case "answers-from":
                    answersFrom = Single(answersFrom, keyword, "scenario", name.Text, () => ExpectString("the path of a request file, e.g. \"requests/case.json\""));
                    break;
                case "answer":
                    var question = ParseName("the question answered, e.g. 'persecution.grounds'");
                    var value = ParseScenarioValue();
                    answers.Add(new ScenarioAnswerSyntax(question, value, TextSpan.FromBounds(keyword.Span.Start, Math.Max(keyword.Span.End, PreviousEnd))));
                    break;
                case "expect":
                    var expectation = ParseExpectation(keyword);
                    if (expectation is not null)
                    {
                        if (expectation.Kind == "decision" && expectations.Any(e => e.Kind == "decision"))
                        {
                            ReportSyntax(DiagnosticDescriptors.DuplicateProperty, keyword.Span, "Scenario", name.Text, "an 'expect decision'");
                        }
                        else
                        {
                            expectations.Add(expectation);
                        }
                    }

                    break;
                default:
                    texts.Add(keyword);
                    break;
            }
        });
        return new ScenarioSyntax(name, checklist, texts.Get("description"), answersFrom, answers.ToEquatableArray(), expectations.ToEquatableArray(), SpanFrom(start), syntaxErrors > errorsBefore);
    }

    private BaselineSyntax ParseBaseline()
    {
        var start = Next().Span.Start;
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the baseline's name");
        var texts = new TextCollector(this, "baseline", name.Text);
        var profiles = new List<NameSyntax>();
        var safeguards = new List<NameSyntax>();
        var requirements = new List<RequirementSyntax>();
        ParseBlock("baseline", BaselineProperties, keyword =>
        {
            switch (keyword.Value)
            {
                case "profile":
                    profiles.AddRange(ParseNameList("a profile's name"));
                    break;
                case "safeguards":
                    safeguards.AddRange(ParseNameList("a safeguard's name"));
                    break;
                case "requirement":
                    requirements.Add(ParseRequirement(keyword));
                    break;
                default:
                    texts.Add(keyword);
                    break;
            }
        });
        return new BaselineSyntax(name, texts.Get("title"), texts.Get("description"), profiles.ToEquatableArray(), safeguards.ToEquatableArray(), requirements.ToEquatableArray(), SpanFrom(start), syntaxErrors > errorsBefore);
    }

    private RequirementSyntax ParseRequirement(Token keyword)
    {
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the requirement's name");
        var texts = new TextCollector(this, "requirement", name.Text);
        var citations = new List<CitationSyntax>();
        IdentifierSyntax? ground = null;
        ParseBlock("requirement", RequirementProperties, property =>
        {
            switch (property.Value)
            {
                case "cite":
                    citations.Add(ParseCitation(property));
                    break;
                case "ground":
                    ground = Single(ground, property, "requirement", name.Text, () => ExpectIdentifier("'mandatory' or 'optional'"));
                    break;
                default:
                    texts.Add(property);
                    break;
            }
        });
        return new RequirementSyntax(name, texts.Get("title"), texts.Get("description"), citations.ToEquatableArray(), ground, SpanFrom(keyword.Span.Start), syntaxErrors > errorsBefore);
    }

    private ComparisonSyntax ParseComparison()
    {
        var start = Next().Span.Start;
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the comparison's name");
        var texts = new TextCollector(this, "comparison", name.Text);
        NameSyntax? reviews = null, baseline = null;
        var judgements = new List<JudgementSyntax>();
        var excess = new List<ExcessPowerSyntax>();
        ParseBlock("comparison", ComparisonProperties, keyword =>
        {
            switch (keyword.Value)
            {
                case "reviews":
                    reviews = Single(reviews, keyword, "comparison", name.Text, () => ParseName("the instrument under review, e.g. 'uncc'"));
                    break;
                case "baseline":
                    baseline = Single(baseline, keyword, "comparison", name.Text, () => ParseName("the baseline's name"));
                    break;
                case "judge":
                    judgements.Add(ParseJudgement(keyword));
                    break;
                case "excess":
                    excess.Add(ParseExcessPower(keyword));
                    break;
                default:
                    texts.Add(keyword);
                    break;
            }
        });
        return new ComparisonSyntax(name, texts.Get("title"), texts.Get("description"), reviews, baseline, judgements.ToEquatableArray(), excess.ToEquatableArray(), SpanFrom(start), syntaxErrors > errorsBefore);
    }

    /// <summary><c>judge &lt;requirement&gt; &lt;relationship&gt; { … }</c>.</summary>
    private JudgementSyntax ParseJudgement(Token keyword)
    {
        var errorsBefore = syntaxErrors;
        var requirement = ExpectIdentifier("the baseline requirement judged");
        IdentifierSyntax relationship;
        if (Current.Kind == TokenKind.Identifier && RelationshipWords.Contains(Current.Value, StringComparer.Ordinal))
        {
            var token = Next();
            relationship = new IdentifierSyntax(token.Value, token.Span);
        }
        else
        {
            ReportExpected("a relationship (" + string.Join(", ", RelationshipWords) + ")");
            relationship = new IdentifierSyntax(string.Empty, new TextSpan(Current.Span.Start, 0));
        }

        var texts = new TextCollector(this, "judgement", requirement.Text);
        var counterparts = new List<NameSyntax>();
        var citations = new List<CitationSyntax>();
        var hedges = new List<HedgeSyntax>();
        IdentifierSyntax? ground = null;
        ParseBlock("judgement", JudgementProperties, property =>
        {
            switch (property.Value)
            {
                case "counterpart":
                    counterparts.AddRange(ParseNameList("a safeguard of the instrument under review"));
                    break;
                case "cite":
                    citations.Add(ParseCitation(property));
                    break;
                case "hedge":
                    hedges.Add(ParseHedge(property));
                    break;
                case "ground":
                    ground = Single(ground, property, "judgement", requirement.Text, () => ExpectIdentifier("'mandatory', 'optional' or 'absent'"));
                    break;
                default:
                    texts.Add(property);
                    break;
            }
        });
        return new JudgementSyntax(requirement, relationship, counterparts.ToEquatableArray(), citations.ToEquatableArray(), texts.Get("rationale"), texts.Get("gap"), hedges.ToEquatableArray(), ground, SpanFrom(keyword.Span.Start), syntaxErrors > errorsBefore);
    }

    private ExcessPowerSyntax ParseExcessPower(Token keyword)
    {
        var errorsBefore = syntaxErrors;
        var name = ExpectIdentifier("the excess power's name");
        var texts = new TextCollector(this, "excess power", name.Text);
        var citations = new List<CitationSyntax>();
        ParseBlock("excess power", ExcessProperties, property =>
        {
            if (property.Value == "cite")
            {
                citations.Add(ParseCitation(property));
            }
            else
            {
                texts.Add(property);
            }
        });
        return new ExcessPowerSyntax(name, texts.Get("title"), citations.ToEquatableArray(), texts.Get("rationale"), SpanFrom(keyword.Span.Start), syntaxErrors > errorsBefore);
    }

    /// <summary>One value, or a parenthesised list of values read in a loop, however long.</summary>
    private ScenarioValueSyntax ParseScenarioValue()
    {
        var start = Current.Span.Start;
        if (Current.Kind != TokenKind.OpenParen)
        {
            return new ScenarioValueSyntax(false, new[] { ParseScenarioItem() }.ToEquatableArray(), SpanFrom(start));
        }

        Next();
        var items = new List<ExpressionSyntax>();
        if (Current.Kind != TokenKind.CloseParen)
        {
            items.Add(ParseScenarioItem());
            while (Current.Kind == TokenKind.Comma)
            {
                Next();
                items.Add(ParseScenarioItem());
            }
        }

        Expect(TokenKind.CloseParen, out _);
        return new ScenarioValueSyntax(true, items.ToEquatableArray(), SpanFrom(start));
    }

    private ExpressionSyntax ParseScenarioItem()
    {
        if (TryLiteral(yesNo: true) is { } literal)
        {
            return literal;
        }

        var token = Current;
        if (token.Kind == TokenKind.Identifier)
        {
            Next();
            return new NameExpressionSyntax(new NameSyntax(new[] { new IdentifierSyntax(token.Value, token.Span) }.ToEquatableArray(), token.Span));
        }

        ReportExpected("an answer: yes, no, a number, a date, a string, an option's name, or a list in parentheses");
        return new ErrorExpressionSyntax(new TextSpan(token.Span.Start, 0));
    }

    /// <summary><c>expect decision …</c>, <c>expect outcome &lt;safeguard&gt; …</c> or <c>expect still-needed exactly|includes|excludes (…)</c>.</summary>
    private ExpectationSyntax? ParseExpectation(Token keyword)
    {
        var kind = Current.Value;
        if (Current.Kind != TokenKind.Identifier || kind is not ("decision" or "outcome" or "still-needed"))
        {
            ReportExpected("'decision', 'outcome' or 'still-needed' after 'expect'");
            return null;
        }

        Next();
        NameSyntax? safeguard = null;
        string[] words;
        string what;
        switch (kind)
        {
            case "decision":
                words = DecisionWords;
                what = "a decision";
                break;
            case "outcome":
                safeguard = ParseName("the safeguard's name");
                words = OutcomeWords;
                what = "an outcome";
                break;
            default:
                words = StillNeededWords;
                what = "how to compare the questions still needed";
                break;
        }

        if (Current.Kind != TokenKind.Identifier || !words.Contains(Current.Value, StringComparer.Ordinal))
        {
            ReportExpected(what + " (" + string.Join(", ", words) + ")");
            return null;
        }

        var word = Next();
        var questions = new List<NameSyntax>();
        if (kind == "still-needed")
        {
            Expect(TokenKind.OpenParen, out _);
            if (Current.Kind != TokenKind.CloseParen)
            {
                questions.AddRange(ParseNameList("a question, e.g. 'persecution.grounds'"));
            }

            Expect(TokenKind.CloseParen, out _);
        }

        return new ExpectationSyntax(kind, safeguard, new IdentifierSyntax(word.Value, word.Span), questions.ToEquatableArray(), TextSpan.FromBounds(keyword.Span.Start, PreviousEnd));
    }

    // Conditions: or > and > not > comparison > primary. Depth is bounded so that hostile input cannot
    // exhaust the stack.
    private ExpressionSyntax ParseCondition() => ParseOr(0);

    private ExpressionSyntax ParseOr(int depth) => ParseChain("or", depth, ParseAnd);

    private ExpressionSyntax ParseAnd(int depth) => ParseChain("and", depth, ParseNot);

    /// <summary>Operands joined by one operator, collected into one flat node (a single operand is returned as it is).</summary>
    private ExpressionSyntax ParseChain(string @operator, int depth, System.Func<int, ExpressionSyntax> operand)
    {
        var first = operand(depth);
        if (!Current.IsWord(@operator))
        {
            return first;
        }

        var operands = new List<ExpressionSyntax> { first };
        while (Current.IsWord(@operator))
        {
            Next();
            operands.Add(operand(depth));
        }

        return new LogicalExpressionSyntax(@operator, operands.ToEquatableArray(), first.Span.Cover(operands[operands.Count - 1].Span));
    }

    private ExpressionSyntax ParseNot(int depth)
    {
        if (!Current.IsWord("not"))
        {
            return ParseComparison(depth);
        }

        var start = Current.Span.Start;
        if (depth >= MaxExpressionDepth)
        {
            ReportSyntax(DiagnosticDescriptors.NestingTooDeep, Current.Span, MaxExpressionDepth);
            while (Current.IsWord("not"))
            {
                Next();
            }

            ParseComparison(depth);
            return new ErrorExpressionSyntax(SpanFrom(start));
        }

        Next();
        var inner = ParseNot(depth + 1);
        return new NotExpressionSyntax(inner, SpanFrom(start));
    }

    private ExpressionSyntax ParseComparison(int depth)
    {
        var left = ParsePrimary(depth);
        if (IsComparison(Current.Kind))
        {
            var op = Next().Value;
            var right = ParsePrimary(depth);
            return new BinaryExpressionSyntax(op, left, right, left.Span.Cover(right.Span));
        }

        if (Current.IsWord("in") || (Current.IsWord("not") && Peek(1).IsWord("in")))
        {
            var negated = Current.IsWord("not");
            if (negated)
            {
                Next();
            }

            Next();
            var values = new List<ExpressionSyntax>();
            Expect(TokenKind.OpenParen, out _);
            values.Add(ParsePrimary(depth));
            while (Current.Kind == TokenKind.Comma)
            {
                Next();
                values.Add(ParsePrimary(depth));
            }

            Expect(TokenKind.CloseParen, out _);
            return new InExpressionSyntax(left, negated, values.ToEquatableArray(), TextSpan.FromBounds(left.Span.Start, PreviousEnd));
        }

        if (Current.IsWord("contains"))
        {
            Next();
            var element = ParsePrimary(depth);
            return new ContainsExpressionSyntax(left, element, left.Span.Cover(element.Span));
        }

        if (Current.IsWord("is"))
        {
            Next();
            var answered = true;
            if (Current.IsWord("answered"))
            {
                Next();
            }
            else if (Current.IsWord("unanswered"))
            {
                Next();
                answered = false;
            }
            else
            {
                ReportExpected("'answered' or 'unanswered'");
            }

            return new AnsweredExpressionSyntax(left, answered, TextSpan.FromBounds(left.Span.Start, PreviousEnd));
        }

        return left;
    }

    private ExpressionSyntax ParsePrimary(int depth)
    {
        if (TryLiteral(yesNo: true) is { } literal)
        {
            return literal;
        }

        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.OpenParen:
                if (depth >= MaxExpressionDepth)
                {
                    ReportSyntax(DiagnosticDescriptors.NestingTooDeep, token.Span, MaxExpressionDepth);
                    SkipBalancedParentheses();
                    return new ErrorExpressionSyntax(SpanFrom(token.Span.Start));
                }

                Next();
                var inner = ParseOr(depth + 1);
                Expect(TokenKind.CloseParen, out _);
                return inner;
            case TokenKind.Identifier when !ExpressionKeywords.Contains(token.Value, StringComparer.Ordinal):
                return new NameExpressionSyntax(ParseName("a question or fact"));
            default:
                ReportExpected("a question, a fact, a value or '('");
                return new ErrorExpressionSyntax(new TextSpan(token.Span.Start, 0));
        }
    }

    /// <summary>Skips a parenthesised group however deep, without recursion.</summary>
    private void SkipBalancedParentheses()
    {
        var depth = 0;
        do
        {
            if (Current.Kind == TokenKind.OpenParen)
            {
                depth++;
            }
            else if (Current.Kind == TokenKind.CloseParen)
            {
                depth--;
            }

            Next();
        }
        while (depth > 0 && Current.Kind != TokenKind.EndOfFile && Current.Kind != TokenKind.CloseBrace);
    }

    /// <summary>Gathers the entries of localised text properties (<c>title</c>, <c>title@fr</c>) in one block.</summary>
    private sealed class TextCollector
    {
        private readonly Parser parser;
        private readonly string owner;
        private readonly string ownerName;
        private readonly Dictionary<string, List<TextEntrySyntax>> entries = new(StringComparer.Ordinal);

        public TextCollector(Parser parser, string owner, string ownerName)
        {
            this.parser = parser;
            this.owner = owner;
            this.ownerName = ownerName;
        }

        public void Add(Token keyword)
        {
            var language = parser.AttachedLanguageTag(keyword);
            var value = parser.ExpectString("a string after '" + keyword.Value + "'");
            Append(keyword.Value, new TextEntrySyntax(language, value.Value, TextSpan.FromBounds(keyword.Span.Start, value.Span.End)), keyword.Span);
        }

        public void AddValue(string property, string? language, int start)
        {
            var value = parser.ExpectString(language is null ? "the option's label" : "the label in '" + language + "'");
            Append(property, new TextEntrySyntax(language, value.Value, TextSpan.FromBounds(start, value.Span.End)), new TextSpan(start, 0));
        }

        public LocalizedTextSyntax? Get(string property)
        {
            if (!entries.TryGetValue(property, out var list))
            {
                return null;
            }

            var span = list[0].Span;
            foreach (var entry in list)
            {
                span = span.Cover(entry.Span);
            }

            return new LocalizedTextSyntax(property, list.ToEquatableArray(), span);
        }

        private void Append(string property, TextEntrySyntax entry, TextSpan keywordSpan)
        {
            if (!entries.TryGetValue(property, out var list))
            {
                entries[property] = list = new List<TextEntrySyntax>();
            }

            if (list.Any(e => e.Language == entry.Language))
            {
                var what = entry.Language is null ? "a '" + property + "'" : "a '" + property + "@" + entry.Language + "'";
                parser.ReportSyntax(DiagnosticDescriptors.DuplicateProperty, keywordSpan.Length > 0 ? keywordSpan : entry.Span, Capitalize(owner), ownerName, what);
                return;
            }

            list.Add(entry);
        }
    }
}
