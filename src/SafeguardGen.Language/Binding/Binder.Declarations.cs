using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SafeguardGen.Language.Checks;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Binding;

internal sealed partial class Binder
{
    private readonly Dictionary<QualifiedName, HashSet<QuestionKey>> safeguardReads = new();

    /// <summary>The questions each measure's <c>scope</c> reads; its checklists ask them.</summary>
    private readonly Dictionary<QualifiedName, HashSet<QuestionKey>> measureScopeReads = new();

    private void BindSafeguards(Scope scope)
    {
        foreach (var syntax in scope.Symbols.Values.OfType<SafeguardSyntax>().OrderBy(s => s.Span.Start))
        {
            var name = new QualifiedName(scope.Name, syntax.Name.Text);
            var kinds = new List<KindUse>();
            var seenKinds = new HashSet<KindUse>();
            var kindsOk = true;
            foreach (var kindSyntax in syntax.Kinds)
            {
                var kind = BindKind(scope, kindSyntax, isRequirement: false);
                if (kind is null)
                {
                    kindsOk = false;
                }
                else if (seenKinds.Add(kind))
                {
                    kinds.Add(kind);
                }
            }

            Require(scope, syntax.Title is not null, syntax, "title", "'title \"...\"'");
            Require(scope, !syntax.Citations.IsEmpty, syntax, "citation", "'cite <instrument> article <n>' naming where the safeguard comes from");
            var hasQuestions = Require(scope, !syntax.Questions.IsEmpty, syntax, "question", "'question <name> : yes-no { ask \"...\" satisfied-by yes }'");
            var citations = BindCitations(scope, syntax.Citations, syntax.HasErrors);

            var severity = Severity.Blocking;
            if (syntax.Severity is { Text.Length: > 0 } severitySyntax)
            {
                switch (severitySyntax.Text)
                {
                    case "blocking":
                        break;
                    case "advisory":
                        severity = Severity.Advisory;
                        break;
                    default:
                        Report(scope, DiagnosticDescriptors.ExpectedToken, severitySyntax.Span, "'blocking' or 'advisory'", "'" + severitySyntax.Text + "'");
                        break;
                }
            }

            var basis = BindBasis(scope, syntax.Basis);
            var hedges = BindHedges(scope, syntax.Hedges);

            var ownQuestions = syntax.Questions
                .Select(q => questions.TryGetValue(new QuestionKey(name, q.Name.Text), out var bound) ? bound : null)
                .Where(q => q is not null)
                .Select(q => q!)
                .Distinct()
                .ToList();
            if (hasQuestions && !syntax.HasErrors && ownQuestions.Count == syntax.Questions.Count && syntax.Questions.All(q => q.Criterion is null))
            {
                Report(scope, DiagnosticDescriptors.NoCriterion, syntax.Name.Span, syntax.Name.Text);
            }

            var reads = new HashSet<QuestionKey>();
            var when = syntax.When is null ? null : BindCondition(scope, syntax.When, reads);
            var unless = syntax.Unless is null ? null : BindCondition(scope, syntax.Unless, reads);
            var exceptions = BindExceptions(scope, syntax, reads);
            safeguardReads[name] = reads;

            safeguards[name] = new Safeguard(
                name,
                kinds.ToEquatableArray(),
                Text(syntax.Title) ?? LocalizedText.Plain(syntax.Name.Text),
                Text(syntax.Guidance),
                citations,
                severity,
                ownQuestions.ToEquatableArray(),
                when,
                unless,
                exceptions,
                scope.Lines.GetLocation(syntax.Name.Span),
                basis,
                hedges);
            CheckHedgedRequirement(scope, syntax, safeguards[name]);
            if (!kindsOk)
            {
                incompleteSafeguards.Add(name);
            }
        }
    }

    private Basis BindBasis(Scope scope, IdentifierSyntax? syntax)
    {
        switch (syntax?.Text)
        {
            case null or "":
                return Basis.Unstated;
            case "treaty":
                return Basis.Treaty;
            case "human-rights-law":
                return Basis.HumanRightsLaw;
            case "policy":
                return Basis.Policy;
            default:
                Report(scope, DiagnosticDescriptors.ExpectedToken, syntax.Span, "'treaty', 'human-rights-law' or 'policy'", "'" + syntax.Text + "'");
                return Basis.Unstated;
        }
    }

    private EquatableArray<Hedge> BindHedges(Scope scope, EquatableArray<HedgeSyntax> syntaxes)
    {
        var hedges = new List<Hedge>();
        foreach (var syntax in syntaxes)
        {
            var kind = Hedge.FromKeyword(syntax.Kind.Text);
            if (kind is null)
            {
                if (syntax.Kind.Text.Length > 0)
                {
                    Report(scope, DiagnosticDescriptors.ExpectedToken, syntax.Kind.Span, "a hedge ('as-appropriate', 'subject-to-domestic-law', 'may' or 'within-means')", "'" + syntax.Kind.Text + "'");
                }

                continue;
            }

            hedges.Add(new Hedge(kind.Value, syntax.Wording?.Value));
        }

        return hedges.ToEquatableArray();
    }

    /// <summary>
    /// SG0272: a blocking safeguard whose only stated basis is the treaty, while the treaty hedges the obligation
    /// ("as appropriate", "may"), and nothing says when it applies. The checklist would then require in every case
    /// what the treaty requires only in some.
    /// </summary>
    private void CheckHedgedRequirement(Scope scope, SafeguardSyntax syntax, Safeguard safeguard)
    {
        // A condition that did not bind is still a condition: judging without it would add a second diagnostic to a typo.
        if (syntax.HasErrors || safeguard.Basis != Basis.Treaty || safeguard.Severity != Severity.Blocking || syntax.When is not null || syntax.Unless is not null)
        {
            return;
        }

        var ground = safeguard.RefusalGround;
        foreach (var hedge in safeguard.Hedges)
        {
            var absolute = hedge.Kind switch
            {
                HedgeKind.AsAppropriate or HedgeKind.WithinMeans => ground == RefusalGround.None,
                HedgeKind.May => ground != RefusalGround.Optional,
                _ => false,
            };
            if (absolute)
            {
                var at = syntax.Hedges.First(h => h.Kind.Text == Hedge.Keyword(hedge.Kind));
                Report(scope, DiagnosticDescriptors.HedgedRequirementMadeAbsolute, at.Span, syntax.Name.Text, hedge.Wording ?? Hedge.Keyword(hedge.Kind));
                return;
            }
        }
    }

    /// <summary>Safeguards whose kinds did not all bind: profile coverage is not judged on them.</summary>
    private readonly HashSet<QualifiedName> incompleteSafeguards = new();

    private KindUse? BindKind(Scope scope, KindReferenceSyntax syntax, bool isRequirement)
    {
        var name = syntax.Name;
        if (name.Parts.Any(p => p.Text.Length == 0))
        {
            return null;
        }

        var qualifier = syntax.Qualifier?.Text;
        if (name.Parts.Count == 1 && BuiltInKinds.Find(name.Text) is { } builtIn)
        {
            if (qualifier is null)
            {
                // A requirement may leave the qualifier open: 'refusal-ground' then means either.
                if (builtIn.QualifierRequired && !isRequirement)
                {
                    Report(scope, DiagnosticDescriptors.InvalidKindQualifier, syntax.Span, name.Text, "needs a qualifier: write " + string.Join(" or ", builtIn.Qualifiers!.Select(q => name.Text + "(" + q + ")")));
                    return null;
                }
            }
            else if (builtIn.Qualifiers is null)
            {
                Report(scope, DiagnosticDescriptors.InvalidKindQualifier, syntax.Qualifier!.Span, name.Text, "takes no qualifier; write '" + name.Text + "'");
                return null;
            }
            else if (!builtIn.Qualifiers.Contains(qualifier, StringComparer.Ordinal))
            {
                Report(scope, DiagnosticDescriptors.InvalidKindQualifier, syntax.Qualifier!.Span, name.Text, "has no qualifier '" + qualifier + "'; use " + string.Join(" or ", builtIn.Qualifiers));
                return null;
            }

            Refer(scope, name.Span, SymbolSort.Kind, name.Text);
            return new KindUse(name.Text, qualifier, null);
        }

        var custom = FindCustomKind(scope, name);
        if (custom is null)
        {
            var candidates = BuiltInKinds.Names.Concat(VisibleNames(scope, "kind"));
            var suggestion = Suggest(scope, name.Text, candidates);
            Report(scope, DiagnosticDescriptors.UnknownKind, name.Span, name.Text, suggestion is null ? string.Join(", ", BuiltInKinds.Names) : "did you mean '" + suggestion + "'?");
            return null;
        }

        if (qualifier is not null)
        {
            Report(scope, DiagnosticDescriptors.InvalidKindQualifier, syntax.Qualifier!.Span, name.Text, "is declared by the author and takes no qualifier; write '" + name.Text + "'");
            return null;
        }

        if (name.Parts.Count == 2 && name.Parts[0].Text == custom.Treaty)
        {
            Refer(scope, name.Parts[0].Span, SymbolSort.Treaty, custom.Treaty);
        }

        Refer(scope, name.Parts[name.Parts.Count - 1].Span, SymbolSort.Kind, custom.ToString());
        return new KindUse(custom.Name, null, custom.Treaty);
    }

    /// <summary>Looks a custom kind up without reporting, so that an unknown kind gives one SG0210 and no SG0200.</summary>
    private QualifiedName? FindCustomKind(Scope scope, NameSyntax name)
    {
        if (name.Parts.Count == 1)
        {
            if (scope.Symbols.TryGetValue(name.Text, out var local))
            {
                return local is KindSyntax ? new QualifiedName(scope.Name, name.Text) : null;
            }

            var found = scope.Imports.Values.Distinct().OrderBy(t => t, StringComparer.Ordinal).Where(t => scopes[t].Symbols.TryGetValue(name.Text, out var d) && d is KindSyntax).ToList();
            return found.Count >= 1 ? new QualifiedName(found[0], name.Text) : null;
        }

        if (name.Parts.Count == 2)
        {
            var prefix = name.Parts[0].Text;
            var treaty = scope.Imports.TryGetValue(prefix, out var t) ? t : prefix == scope.Name ? scope.Name : null;
            return treaty is not null && scopes[treaty].Symbols.TryGetValue(name.Parts[1].Text, out var d) && d is KindSyntax
                ? new QualifiedName(treaty, name.Parts[1].Text)
                : null;
        }

        return null;
    }

    /// <param name="scope">The file.</param>
    /// <param name="syntaxes">The citations.</param>
    /// <param name="hasSyntaxErrors">Whether the declaration that holds them has syntax errors: its citations'
    /// sources and quotes are not judged then, so one typo gives one diagnostic.</param>
    private EquatableArray<Citation> BindCitations(Scope scope, EquatableArray<CitationSyntax> syntaxes, bool hasSyntaxErrors)
    {
        var citations = new List<Citation>();
        foreach (var syntax in syntaxes)
        {
            var instrument = ResolveInstrument(scope, syntax.Instrument);
            if (instrument is null || syntax.Unit.Text.Length == 0)
            {
                continue;
            }

            var verified = syntax.Verification?.Text == "verified";
            // An instrument's source says what its verified citations were checked against; an unverified one was checked against nothing.
            var source = syntax.Source?.Value ?? (verified ? instrument.Value.Source : null);
            var quotes = syntax.Quotes.Select(q => new Quote(q.Language ?? scope.Language, q.Text.Value)).ToEquatableArray();
            var citation = new Citation(
                instrument.Value.Name,
                instrument.Value.Reference,
                syntax.Unit.Text,
                syntax.Number?.Value,
                syntax.Paragraph?.Value,
                syntax.Letter?.Text,
                verified,
                syntax.Note?.Value,
                source,
                quotes,
                instrument.Value.Url);
            if (verified && !hasSyntaxErrors && string.IsNullOrWhiteSpace(source))
            {
                Report(scope, DiagnosticDescriptors.VerifiedCitationWithoutSource, syntax.Verification!.Span, citation.Display, syntax.Instrument.Text);
            }
            else if (verified && !hasSyntaxErrors && quotes.IsEmpty)
            {
                Report(scope, DiagnosticDescriptors.VerifiedCitationWithoutQuote, syntax.Verification!.Span, citation.Display);
            }

            citations.Add(citation);
        }

        return citations.ToEquatableArray();
    }

    /// <summary>A citation names a declared instrument, or a treaty (this one or an import), which stands for its own instrument.</summary>
    private (QualifiedName Name, string Reference, string? Source, string? Url)? ResolveInstrument(Scope scope, NameSyntax name)
    {
        if (name.Parts.Count == 1 && !scope.Symbols.ContainsKey(name.Text))
        {
            var treaty = name.Text == scope.Name ? scope.Name : scope.Imports.TryGetValue(name.Text, out var imported) && !scope.Imports.Values.Any(t => scopes[t].Symbols.ContainsKey(name.Text)) ? imported : null;
            if (treaty is not null)
            {
                if (name.Text == treaty)
                {
                    Refer(scope, name.Span, SymbolSort.Treaty, treaty);
                }

                var header = scopes[treaty].Header;
                return (new QualifiedName(treaty, treaty), header.Reference?.Value ?? treaty, header.Source?.Value, IsWebAddress(header.Url?.Value) ? header.Url!.Value : null);
            }
        }

        var resolved = ResolveDeclaration(scope, name, "instrument");
        if (resolved is null)
        {
            return null;
        }

        var syntax = (InstrumentSyntax)resolved.Value.Declaration;
        return (resolved.Value.Name, syntax.Reference?.Value ?? Text(syntax.Title)?.Text ?? syntax.Name.Text, syntax.Source?.Value, IsWebAddress(syntax.Url?.Value) ? syntax.Url!.Value : null);
    }

    /// <summary>The web address of an official text, or null with SG0274 when it is not an absolute http or https address.</summary>
    private string? WebAddress(Scope scope, StringSyntax? url)
    {
        // A missing string (a syntax error, already reported) gives no second diagnostic.
        if (url is null || (url.Value.Length == 0 && url.Span.Length == 0))
        {
            return null;
        }

        if (IsWebAddress(url.Value))
        {
            return url.Value;
        }

        Report(scope, DiagnosticDescriptors.InvalidWebAddress, url.Span, url.Value);
        return null;
    }

    /// <summary>An absolute http or https address with a host and no white space or control character: what a page may link to.</summary>
    internal static bool IsWebAddress(string? text) =>
        text is not null
        && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>' or '\\' or '`')
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    private EquatableArray<ExceptionRule> BindExceptions(Scope scope, SafeguardSyntax safeguard, HashSet<QuestionKey> reads)
    {
        var rules = new List<ExceptionRule>();
        var byPriority = new Dictionary<int, ExceptionSyntax>();
        var names = new Dictionary<string, ExceptionSyntax>(StringComparer.Ordinal);
        foreach (var syntax in safeguard.Exceptions)
        {
            if (syntax.Name.Text.Length > 0 && names.TryGetValue(syntax.Name.Text, out var first))
            {
                Report(scope, DiagnosticDescriptors.DuplicateDeclaration, syntax.Name.Span, syntax.Name.Text, "safeguard '" + safeguard.Name.Text + "'", scope.Lines.GetPosition(first.Name.Span.Start).Line);
                continue;
            }

            names[syntax.Name.Text] = syntax;
            Require(scope, syntax.When is not null, syntax.HasErrors, "Exception", syntax.Name, "condition", "'when <condition>'");
            Require(scope, syntax.Outcome is not null, syntax.HasErrors, "Exception", syntax.Name, "outcome", "'outcome satisfied', 'outcome not-satisfied' or 'outcome not-applicable'");
            Require(scope, syntax.Priority is not null, syntax.HasErrors, "Exception", syntax.Name, "priority", "'priority <n>'; the highest priority that holds decides");

            ExceptionOutcome? outcome = syntax.Outcome?.Text switch
            {
                "satisfied" => ExceptionOutcome.Satisfied,
                "not-satisfied" => ExceptionOutcome.NotSatisfied,
                "not-applicable" => ExceptionOutcome.NotApplicable,
                _ => null,
            };
            if (outcome is null && syntax.Outcome is { Text.Length: > 0 } bad)
            {
                Report(scope, DiagnosticDescriptors.ExpectedToken, bad.Span, "satisfied, not-satisfied or not-applicable", "'" + bad.Text + "'");
            }

            int? priority = null;
            if (syntax.Priority is { Value.Length: > 0 } prioritySyntax)
            {
                if (int.TryParse(prioritySyntax.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
                {
                    priority = p;
                    if (byPriority.TryGetValue(p, out var other))
                    {
                        Report(scope, DiagnosticDescriptors.AmbiguousPrecedence, prioritySyntax.Span, other.Name.Text, syntax.Name.Text, safeguard.Name.Text, p);
                    }
                    else
                    {
                        byPriority[p] = syntax;
                    }
                }
                else
                {
                    Report(scope, DiagnosticDescriptors.InvalidLiteral, prioritySyntax.Span, prioritySyntax.Value, "priority", "a whole number from 0 to 2147483647");
                }
            }

            var when = syntax.When is null ? null : BindCondition(scope, syntax.When, reads);
            if (when is not null && outcome is not null && priority is not null)
            {
                rules.Add(new ExceptionRule(syntax.Name.Text, when, outcome.Value, priority.Value, Text(syntax.Because), scope.Lines.GetLocation(syntax.Name.Span)));
            }
        }

        return rules.OrderByDescending(r => r.Priority).ToEquatableArray();
    }

    private void BindProfiles(Scope scope)
    {
        foreach (var syntax in scope.Symbols.Values.OfType<ProfileSyntax>().OrderBy(s => s.Span.Start))
        {
            Require(scope, syntax.Title is not null, syntax, "title", "'title \"...\"'");
            Require(scope, !syntax.RequiredKinds.IsEmpty || !syntax.RequiredSafeguards.IsEmpty, syntax, "requirement", "'requires kind <kind>, …' or 'requires safeguard <name>, …'");
            var kinds = syntax.RequiredKinds.Select(k => BindKind(scope, k, isRequirement: true)).Where(k => k is not null).Select(k => k!).Distinct().ToList();
            var required = new List<QualifiedName>();
            foreach (var name in syntax.RequiredSafeguards)
            {
                var resolved = ResolveDeclaration(scope, name, "safeguard");
                if (resolved is not null && !required.Contains(resolved.Value.Name))
                {
                    required.Add(resolved.Value.Name);
                }
            }

            var qualified = new QualifiedName(scope.Name, syntax.Name.Text);
            profiles[qualified] = new Profile(qualified, Text(syntax.Title) ?? LocalizedText.Plain(syntax.Name.Text), Text(syntax.Description), BindCitations(scope, syntax.Citations, syntax.HasErrors), kinds.ToEquatableArray(), required.ToEquatableArray(), scope.Lines.GetLocation(syntax.Name.Span));
        }
    }

    private void BindMeasures(Scope scope)
    {
        foreach (var syntax in scope.Symbols.Values.OfType<MeasureSyntax>().OrderBy(s => s.Span.Start))
        {
            Require(scope, syntax.Title is not null, syntax, "title", "'title \"...\"'");
            var complete = !syntax.HasErrors;
            var adopted = new List<QualifiedName>();
            foreach (var name in syntax.Profiles)
            {
                var resolved = ResolveDeclaration(scope, name, "profile");
                if (resolved is null)
                {
                    complete = false;
                }
                else if (!adopted.Contains(resolved.Value.Name))
                {
                    adopted.Add(resolved.Value.Name);
                }
            }

            var listed = BindSafeguardList(scope, syntax.Safeguards, "measure", syntax.Name.Text, new List<QualifiedName>(), ref complete);
            var qualified = new QualifiedName(scope.Name, syntax.Name.Text);
            var scopeReads = new HashSet<QuestionKey>();
            var scopeCondition = syntax.Scope is null ? null : BindCondition(scope, syntax.Scope, scopeReads);
            measureScopeReads[qualified] = scopeReads;

            measures[qualified] = new Measure(qualified, Text(syntax.Title) ?? LocalizedText.Plain(syntax.Name.Text), Text(syntax.Description), BindCitations(scope, syntax.Citations, syntax.HasErrors), adopted.ToEquatableArray(), listed.ToEquatableArray(), scope.Lines.GetLocation(syntax.Name.Span), scopeCondition);

            // Judging coverage on a measure whose list did not resolve would blame the profile for a typo.
            if (complete)
            {
                CheckProfileCoverage(scope, syntax, measures[qualified]);
            }
        }
    }

    private List<QualifiedName> BindSafeguardList(Scope scope, EquatableArray<NameSyntax> names, string ownerKind, string ownerName, List<QualifiedName> listed, ref bool complete)
    {
        var seen = new HashSet<QualifiedName>(listed);
        foreach (var name in names)
        {
            var resolved = ResolveDeclaration(scope, name, "safeguard");
            if (resolved is null)
            {
                complete = false;
                continue;
            }

            if (!seen.Add(resolved.Value.Name))
            {
                Report(scope, DiagnosticDescriptors.RepeatedSafeguard, name.Span, name.Text, ownerKind, ownerName);
                continue;
            }

            listed.Add(resolved.Value.Name);
            if (!safeguards.ContainsKey(resolved.Value.Name) || incompleteSafeguards.Contains(resolved.Value.Name))
            {
                complete = false;
            }
        }

        return listed;
    }

    private void CheckProfileCoverage(Scope scope, MeasureSyntax syntax, Measure measure)
    {
        foreach (var (profile, missing) in ProfileCoverage.Gaps(measure, s => safeguards[s], p => profiles.TryGetValue(p, out var found) ? found : null, n => DisplayName(scope, n)))
        {
            var list = missing.Count == 1 ? missing[0] : string.Join(", ", missing.Take(missing.Count - 1)) + " and " + missing[missing.Count - 1];
            Report(scope, DiagnosticDescriptors.MissingProfileRequirement, syntax.Name.Span, syntax.Name.Text, list, DisplayName(scope, profile), missing.Count == 1 ? "it" : "each of them");
        }
    }

    /// <summary>A name as the file would write it: bare when local, qualified by its import's alias otherwise.</summary>
    private static string DisplayName(Scope scope, QualifiedName name) =>
        name.Treaty == scope.Name ? name.Name : AliasOf(scope, name.Treaty) + "." + name.Name;

    private void BindChecklists(Scope scope)
    {
        foreach (var syntax in scope.Symbols.Values.OfType<ChecklistSyntax>().OrderBy(s => s.Span.Start))
        {
            Require(scope, syntax.Title is not null, syntax, "title", "'title \"...\"'");
            if (!Require(scope, syntax.Measure is not null, syntax, "measure", "'measure <name>' naming the measure it assesses"))
            {
                continue;
            }

            var resolved = ResolveDeclaration(scope, syntax.Measure!, "measure");
            if (resolved is null || !measures.TryGetValue(resolved.Value.Name, out var measure))
            {
                continue;
            }

            var complete = !syntax.HasErrors;
            var included = new List<QualifiedName>(measure.Safeguards);
            BindSafeguardList(scope, syntax.Includes, "the checklist's measure or 'include' of checklist", syntax.Name.Text, included, ref complete);
            var set = included.Where(safeguards.ContainsKey).ToList();
            var inChecklist = new HashSet<QualifiedName>(set);

            var facts = new List<QualifiedName>();
            var factSet = new HashSet<QualifiedName>();
            void Collect(IEnumerable<QuestionKey> reads, string reader)
            {
                foreach (var read in reads.OrderBy(k => k.ToString(), StringComparer.Ordinal))
                {
                    if (read.IsFact)
                    {
                        if (factSet.Add(read.Owner))
                        {
                            facts.Add(read.Owner);
                        }
                    }
                    else if (!inChecklist.Contains(read.Owner) && complete)
                    {
                        Report(scope, DiagnosticDescriptors.QuestionOutsideChecklist, syntax.Name.Span, reader, DisplayName(scope, read.Owner) + "." + read.Question, syntax.Name.Text, DisplayName(scope, read.Owner), DisplayName(scope, measure.Name));
                    }
                }
            }

            // The scope is asked first: when the instrument does not govern the case, nothing else matters.
            if (measureScopeReads.TryGetValue(measure.Name, out var scopeReads))
            {
                Collect(scopeReads, "scope of " + DisplayName(scope, measure.Name));
            }

            foreach (var safeguard in set)
            {
                Collect(safeguardReads.TryGetValue(safeguard, out var r) ? r : Enumerable.Empty<QuestionKey>(), DisplayName(scope, safeguard));
            }

            var qualified = new QualifiedName(scope.Name, syntax.Name.Text);
            scope.Checklists.Add(new Checklist(qualified, Text(syntax.Title) ?? LocalizedText.Plain(syntax.Name.Text), Text(syntax.Description), measure.Name, set.ToEquatableArray(), facts.ToEquatableArray(), scope.Lines.GetLocation(syntax.Name.Span)));
        }
    }
}
