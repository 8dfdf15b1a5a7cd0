using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Lexing;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Services;

public enum CompletionSort
{
    Keyword,
    Name,
    Value,
}

/// <summary>One completion: the text, what it is, and the span it replaces (the part of a name already typed).</summary>
public sealed record CompletionItem(string Label, CompletionSort Sort, string Detail, SymbolSort? Symbol = null);

public sealed record CompletionList(EquatableArray<CompletionItem> Items, TextSpan Replace);

/// <summary>
/// Completion in context, from the tokens before the cursor: the keywords a block takes at the start of an item,
/// the names of the sort the grammar expects after a keyword (kinds, safeguards, profiles, instruments…), the
/// options of the question a condition or criterion is about, and the fixed words (bases, hedges, outcomes).
/// </summary>
public static class Completions
{
    private static readonly Dictionary<string, string[]> ItemKeywords = new(StringComparer.Ordinal)
    {
        [string.Empty] = new[] { "import", "instrument", "kind", "fact", "safeguard", "measure", "profile", "checklist", "scenario", "baseline", "comparison" },
        ["treaty"] = new[] { "title", "description", "reference", "source", "url", "version", "namespace", "language", "translations" },
        ["instrument"] = new[] { "title", "reference", "source", "url" },
        ["kind"] = new[] { "title", "description" },
        ["fact"] = new[] { "ask", "guidance", "option", "satisfied-by" },
        ["question"] = new[] { "ask", "guidance", "option", "satisfied-by" },
        ["safeguard"] = new[] { "title", "guidance", "cite", "basis", "hedge", "severity", "question", "when", "unless", "exception" },
        ["cite"] = new[] { "source", "quote" },
        ["exception"] = new[] { "when", "outcome", "priority", "because" },
        ["measure"] = new[] { "title", "description", "cite", "scope", "adopts", "safeguards" },
        ["profile"] = new[] { "title", "description", "cite", "requires" },
        ["checklist"] = new[] { "title", "description", "measure", "include" },
        ["scenario"] = new[] { "checklist", "description", "answers-from", "answer", "expect" },
        ["baseline"] = new[] { "title", "description", "profile", "safeguards", "requirement" },
        ["requirement"] = new[] { "title", "description", "cite", "ground" },
        ["comparison"] = new[] { "title", "description", "reviews", "baseline", "judge", "excess" },
        ["judge"] = new[] { "counterpart", "cite", "rationale", "gap", "hedge", "ground" },
        ["excess"] = new[] { "title", "cite", "rationale" },
    };

    private static readonly Dictionary<string, string[]> Words = new(StringComparer.Ordinal)
    {
        ["basis"] = new[] { "treaty", "human-rights-law", "policy" },
        ["severity"] = new[] { "blocking", "advisory" },
        ["hedge"] = new[] { "as-appropriate", "subject-to-domestic-law", "may", "within-means" },
        ["outcome"] = new[] { "satisfied", "not-satisfied", "not-applicable" },
        ["ground"] = new[] { "mandatory", "optional", "absent" },
        ["satisfied-by"] = new[] { "yes", "no", "provided", "empty", "any-of", "none-of" },
        ["expect"] = new[] { "decision", "outcome", "still-needed" },
        ["decision"] = new[] { "proceed", "may-refuse", "must-refuse", "incomplete", "outside-instrument" },
        ["still-needed"] = new[] { "exactly", "includes", "excludes" },
        ["requires"] = new[] { "kind", "safeguard" },
        ["list"] = new[] { "of" },
    };

    private static readonly string[] AnswerTypes = { "yes-no", "choice", "text", "date", "number", "list of choice", "list of text", "list of date", "list of number" };

    private static readonly string[] CitationWords = { "article", "paragraph", "letter", "verified", "unverified", "preamble", "annex", "principle", "document" };

    private static readonly string[] ConditionWords = { "and", "or", "not", "in", "contains", "is answered", "is unanswered" };

    /// <summary>The six official languages of the UN, offered first for 'language' and 'translations'.</summary>
    private static readonly string[] LanguageTags = { "en", "fr", "es", "ar", "ru", "zh" };

    public static CompletionList At(EditorWorkspace workspace, FileAnalysis file, int offset)
    {
        offset = Math.Max(0, Math.Min(offset, file.Text.Length));
        var tokens = Lexer.Tokenize(new SourceText(file.Path, file.Text), new DiagnosticBag(file.Parsed.Lines));
        var lines = file.Parsed.Lines;

        // The name being typed, if the cursor is in or just after one: it is replaced, and the token before it is the context.
        var index = 0;
        while (index < tokens.Count && tokens[index].Kind != TokenKind.EndOfFile && tokens[index].Span.End < offset)
        {
            index++;
        }

        var replace = new TextSpan(offset, 0);
        var contextIndex = index - 1;
        if (index < tokens.Count && tokens[index].Kind == TokenKind.Identifier && tokens[index].Span.Start < offset && offset <= tokens[index].Span.End)
        {
            replace = TextSpan.FromBounds(tokens[index].Span.Start, offset);
        }
        else if (index < tokens.Count && tokens[index].Kind != TokenKind.EndOfFile && tokens[index].Span.End <= offset)
        {
            contextIndex = index;
        }

        // The blocks the cursor is in, by the keyword that opened each, and the first token of the cursor's line.
        var blocks = new Stack<string>();
        var lineOf = lines.GetPosition(offset).Line;
        string? head = null;
        Token? lineStart = null;
        for (var i = 0; i <= contextIndex; i++)
        {
            var token = tokens[i];
            var line = lines.GetPosition(token.Span.Start).Line;
            var startsLine = i == 0 || lines.GetPosition(tokens[i - 1].Span.End).Line != line;
            if (startsLine)
            {
                lineStart = token;
            }

            if (token.Kind == TokenKind.OpenBrace)
            {
                blocks.Push(lineStart?.Kind == TokenKind.Identifier ? lineStart.Value.Value : string.Empty);
            }
            else if (token.Kind == TokenKind.CloseBrace && blocks.Count > 0)
            {
                blocks.Pop();
            }

            if (line == lineOf && startsLine)
            {
                head = token.Kind == TokenKind.Identifier ? token.Value : null;
            }
        }

        var block = blocks.Count > 0 ? blocks.Peek() : string.Empty;
        var previous = contextIndex >= 0 ? tokens[contextIndex] : (Token?)null;
        var atItemStart = previous is null || lines.GetPosition(previous.Value.Span.End).Line != lineOf || previous.Value.Kind is TokenKind.OpenBrace or TokenKind.CloseBrace;
        var items = atItemStart
            ? ItemStart(file, block)
            : InItem(workspace, file, tokens, contextIndex, head ?? string.Empty, block, offset);
        return new CompletionList(items.GroupBy(i => i.Label, StringComparer.Ordinal).Select(g => g.First()).ToEquatableArray(), replace);
    }

    private static IEnumerable<CompletionItem> ItemStart(FileAnalysis file, string block)
    {
        if (block.Length == 0 && file.Parsed.Syntax.Header is null)
        {
            return new[] { new CompletionItem("treaty", CompletionSort.Keyword, "the treaty header a file begins with") };
        }

        return ItemKeywords.TryGetValue(block, out var words) ? Keywords(words) : Array.Empty<CompletionItem>();
    }

    private static IEnumerable<CompletionItem> InItem(EditorWorkspace workspace, FileAnalysis file, IReadOnlyList<Token> tokens, int contextIndex, string head, string block, int offset)
    {
        var previous = tokens[contextIndex];
        var word = previous.Kind == TokenKind.Identifier ? previous.Value : null;
        var afterHeadOrComma = word == head || previous.Kind == TokenKind.Comma;

        if (previous.Kind == TokenKind.Dot && contextIndex > 0 && tokens[contextIndex - 1].Kind == TokenKind.Identifier)
        {
            return Members(workspace, file, tokens[contextIndex - 1].Value, head);
        }

        if (previous.Kind == TokenKind.Colon || (head == "safeguard" && previous.Kind == TokenKind.Comma))
        {
            return head == "safeguard" ? Kinds(workspace, file) : AnswerTypes.Select(t => new CompletionItem(t, CompletionSort.Value, "answer type"));
        }

        if (word is not null && Words.TryGetValue(word, out var fixedWords) && !(word == "outcome" && head == "expect"))
        {
            return Values(fixedWords, word);
        }

        switch (head)
        {
            case "import" when word == "import":
                return workspace.Files.Select(f => f.Imports.Treaty).Where(t => t is not null && t != file.Imports.Treaty).Select(t => new CompletionItem(t!, CompletionSort.Name, "treaty", SymbolSort.Treaty));
            case "cite" when word == "cite":
                return Visible(workspace, file, SymbolSort.Instrument).Concat(VisibleTreaties(file));
            case "cite":
                return Keywords(CitationWords);
            case "reviews":
                return Visible(workspace, file, SymbolSort.Instrument).Concat(VisibleTreaties(file));
            case "language" or "translations" when afterHeadOrComma:
                return LanguageTags.Select(t => new CompletionItem(t, CompletionSort.Value, "language tag"));
            case "adopts" when afterHeadOrComma:
            case "profile" when block == "baseline" && afterHeadOrComma:
                return Visible(workspace, file, SymbolSort.Profile);
            case "safeguards" or "include" or "counterpart" when afterHeadOrComma:
                return Visible(workspace, file, SymbolSort.Safeguard);
            case "requires" when word == "kind" || (previous.Kind == TokenKind.Comma && tokens.Take(contextIndex).Any(t => t.IsWord("kind"))):
                return Kinds(workspace, file);
            case "requires" when afterHeadOrComma || word == "safeguard":
                return Visible(workspace, file, SymbolSort.Safeguard);
            case "measure" when block == "checklist" && word == "measure":
                return Visible(workspace, file, SymbolSort.Measure);
            case "checklist" when block == "scenario" && word == "checklist":
                return Visible(workspace, file, SymbolSort.Checklist);
            case "baseline" when block == "comparison" && word == "baseline":
                return Visible(workspace, file, SymbolSort.Baseline);
            case "satisfied-by" when word is "any-of" or "none-of" || previous.Kind == TokenKind.Comma:
                return OptionsOfEnclosingQuestion(file, offset);
            case "expect" when word == "outcome":
                return Visible(workspace, file, SymbolSort.Safeguard);
            case "when" or "unless" or "scope" or "answer":
                return Condition(workspace, file, tokens, contextIndex, head);
        }

        return Array.Empty<CompletionItem>();
    }

    /// <summary>In a condition: after an operator that takes a value, the options of the question on its left; otherwise the questions and the operators.</summary>
    private static IEnumerable<CompletionItem> Condition(EditorWorkspace workspace, FileAnalysis file, IReadOnlyList<Token> tokens, int contextIndex, string head)
    {
        var previous = tokens[contextIndex];
        var takesValue = previous.Kind is TokenKind.EqualsEquals or TokenKind.NotEquals || previous.IsWord("contains") || previous.Kind == TokenKind.OpenParen || (previous.Kind == TokenKind.Comma && head != "answer");
        if (takesValue || (head == "answer" && !previous.IsWord("answer")))
        {
            // The question is the last name before the operator (or before the list's parenthesis).
            for (var i = contextIndex; i >= 0 && !tokens[i].IsWord(head); i--)
            {
                if (tokens[i].Kind != TokenKind.Identifier || tokens[i].IsWord("in") || tokens[i].IsWord("not") || tokens[i].IsWord("contains"))
                {
                    continue;
                }

                var reference = file.References.FirstOrDefault(r => r.Span.Equals(tokens[i].Span) && r.Symbol.Sort is SymbolSort.Fact or SymbolSort.Question);
                if (reference is not null)
                {
                    return workspace.Declaration(reference.Symbol)?.Children.Select(o => new CompletionItem(o.Name, CompletionSort.Name, o.Title ?? "option", SymbolSort.Option)) ?? Array.Empty<CompletionItem>();
                }
            }

            return Array.Empty<CompletionItem>();
        }

        var questions = Visible(workspace, file, SymbolSort.Fact)
            .Concat(file.Declared.Where(d => d.Key.Sort == SymbolSort.Question).Select(q => new CompletionItem(QuestionName(q), CompletionSort.Name, q.Title ?? "question", SymbolSort.Question)));
        return previous.Kind == TokenKind.Identifier && !previous.IsWord(head) && !previous.IsWord("and") && !previous.IsWord("or") && !previous.IsWord("not")
            ? Keywords(ConditionWords)
            : questions;
    }

    /// <summary>A safeguard's question as a condition names it: <c>safeguard.question</c>.</summary>
    private static string QuestionName(DeclaredSymbol question)
    {
        var parts = question.Key.Name.Split('.');
        return parts[parts.Length - 2] + "." + parts[parts.Length - 1];
    }

    private static IEnumerable<CompletionItem> OptionsOfEnclosingQuestion(FileAnalysis file, int offset) => file.Declared
        .Where(d => d.Key.Sort is SymbolSort.Fact or SymbolSort.Question && d.Span.Start <= offset && offset <= d.Span.End)
        .OrderByDescending(d => d.Span.Start)
        .Take(1)
        .SelectMany(d => d.Children)
        .Select(o => new CompletionItem(o.Name, CompletionSort.Name, o.Title ?? "option", SymbolSort.Option));

    /// <summary>After <c>x.</c>: the declarations of treaty (or alias) x, or the questions of safeguard x.</summary>
    private static IEnumerable<CompletionItem> Members(EditorWorkspace workspace, FileAnalysis file, string qualifier, string head)
    {
        var treaty = Imported(file).FirstOrDefault(i => i.Alias == qualifier).Treaty ?? (qualifier == file.Imports.Treaty ? qualifier : null);
        if (treaty is not null)
        {
            return workspace.Files.Where(f => f.Imports.Treaty == treaty).SelectMany(f => f.Outline.Skip(1))
                .Select(d => new CompletionItem(d.Name, CompletionSort.Name, Navigation.Describe(d.Key.Sort) + (d.Title is null ? string.Empty : ": " + d.Title), d.Key.Sort));
        }

        var safeguard = file.Declared.FirstOrDefault(d => d.Key.Sort == SymbolSort.Safeguard && d.Name == qualifier);
        return safeguard?.Children.Select(q => new CompletionItem(q.Name, CompletionSort.Name, q.Title ?? "question", SymbolSort.Question)) ?? Array.Empty<CompletionItem>();
    }

    /// <summary>The names of one sort this file can use: its own, then its imports' (which it can name without the treaty).</summary>
    private static IEnumerable<CompletionItem> Visible(EditorWorkspace workspace, FileAnalysis file, SymbolSort sort)
    {
        var own = file.Imports.Treaty;
        var treaties = new HashSet<string>(Imported(file).Select(i => i.Treaty), StringComparer.Ordinal);
        return workspace.Files
            .Where(f => f.Imports.Treaty is not null && (f.Imports.Treaty == own || treaties.Contains(f.Imports.Treaty!)))
            .OrderBy(f => f.Imports.Treaty == own ? 0 : 1)
            .SelectMany(f => f.Outline.Skip(1).Where(d => d.Key.Sort == sort))
            .Select(d => new CompletionItem(d.Name, CompletionSort.Name, Navigation.Describe(sort) + " in " + d.Key.Name.Substring(0, d.Key.Name.IndexOf('.')) + (d.Title is null ? string.Empty : ": " + d.Title), sort));
    }

    private static IEnumerable<CompletionItem> VisibleTreaties(FileAnalysis file) =>
        new[] { file.Imports.Treaty }.Concat(Imported(file).Select(i => i.Alias)).Where(t => t is not null)
            .Select(t => new CompletionItem(t!, CompletionSort.Name, "treaty", SymbolSort.Treaty));

    private static IEnumerable<CompletionItem> Kinds(EditorWorkspace workspace, FileAnalysis file) =>
        BuiltInKinds.All.Select(k => new CompletionItem(k.Name, CompletionSort.Name, "built-in kind: " + k.Title + (k.Qualifiers is null ? string.Empty : " (" + string.Join(" or ", k.Qualifiers) + ")"), SymbolSort.Kind))
            .Concat(Visible(workspace, file, SymbolSort.Kind));

    private static IEnumerable<(string Treaty, string Alias)> Imported(FileAnalysis file) =>
        file.Parsed.Syntax.Imports.Where(i => i.Treaty.Text.Length > 0).Select(i => (i.Treaty.Text, i.Alias?.Text ?? i.Treaty.Text));

    private static IEnumerable<CompletionItem> Keywords(IEnumerable<string> words) => words.Select(w => new CompletionItem(w, CompletionSort.Keyword, "keyword"));

    private static IEnumerable<CompletionItem> Values(IEnumerable<string> words, string after) => words.Select(w => new CompletionItem(w, CompletionSort.Value, "after '" + after + "'"));
}
