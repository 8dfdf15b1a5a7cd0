using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Binding;

internal sealed partial class Binder
{
    private readonly Dictionary<QualifiedName, Baseline> baselines = new();

    /// <summary>
    /// Binds baselines after profiles and safeguards: each profile gives a requirement per kind and safeguard it
    /// requires, each listed safeguard is a requirement, and written-out requirements bring their own citations.
    /// Requirement names are unique within a baseline, since judgements name them.
    /// </summary>
    private void BindBaselines(Scope scope)
    {
        foreach (var syntax in scope.Symbols.Values.OfType<BaselineSyntax>().OrderBy(s => s.Span.Start))
        {
            Require(scope, syntax.Title is not null, syntax, "title", "'title \"...\"'");
            Require(scope, !syntax.Profiles.IsEmpty || !syntax.Safeguards.IsEmpty || !syntax.Requirements.IsEmpty, syntax, "requirement", "'profile <name>', 'safeguards <name>, …' or 'requirement <name> { title \"…\" cite … }'");
            var requirements = new List<BaselineRequirement>();
            var lines = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
            bool Add(BaselineRequirement requirement, TextSpan at)
            {
                if (lines.TryGetValue(requirement.Name, out var first))
                {
                    Report(scope, DiagnosticDescriptors.DuplicateDeclaration, at, requirement.Name, "the requirements of baseline '" + syntax.Name.Text + "'", scope.Lines.GetPosition(first.Start).Line);
                    return false;
                }

                lines.Add(requirement.Name, at);
                requirements.Add(requirement);
                return true;
            }

            foreach (var name in syntax.Profiles)
            {
                var resolved = ResolveDeclaration(scope, name, "profile");
                if (resolved is null || !profiles.TryGetValue(resolved.Value.Name, out var profile))
                {
                    continue;
                }

                foreach (var kind in profile.RequiredKinds)
                {
                    var ground = kind.IsBuiltIn && kind.Name == BuiltInKinds.RefusalGround && kind.Qualifier is not null ? ComparisonWords.StrengthFromKeyword(kind.Qualifier) : null;
                    Add(new BaselineRequirement(kind.Name, KindTitle(kind), profile.Description, profile.Citations, ground, null, kind, profile.Location), name.Span);
                }

                foreach (var safeguard in profile.RequiredSafeguards)
                {
                    if (safeguards.TryGetValue(safeguard, out var bound))
                    {
                        Add(SafeguardRequirement(bound), name.Span);
                    }
                }
            }

            foreach (var name in syntax.Safeguards)
            {
                var resolved = ResolveDeclaration(scope, name, "safeguard");
                if (resolved is not null && safeguards.TryGetValue(resolved.Value.Name, out var bound))
                {
                    Add(SafeguardRequirement(bound), name.Span);
                }
            }

            foreach (var requirement in syntax.Requirements)
            {
                if (requirement.Name.Text.Length == 0)
                {
                    continue;
                }

                Require(scope, requirement.Title is not null, requirement.HasErrors, "Requirement", requirement.Name, "title", "'title \"...\"'");
                Require(scope, !requirement.Citations.IsEmpty, requirement.HasErrors, "Requirement", requirement.Name, "citation", "'cite <instrument> article …' naming the provision it restates");
                GroundStrength? ground = null;
                if (requirement.Ground is { Text.Length: > 0 } groundSyntax)
                {
                    ground = groundSyntax.Text is "mandatory" or "optional" ? ComparisonWords.StrengthFromKeyword(groundSyntax.Text) : null;
                    if (ground is null)
                    {
                        Report(scope, DiagnosticDescriptors.ExpectedToken, groundSyntax.Span, "'mandatory' or 'optional'", "'" + groundSyntax.Text + "'");
                    }
                }

                Add(
                    new BaselineRequirement(
                        requirement.Name.Text,
                        Text(requirement.Title) ?? LocalizedText.Plain(requirement.Name.Text),
                        Text(requirement.Description),
                        BindCitations(scope, requirement.Citations, requirement.HasErrors),
                        ground,
                        null,
                        null,
                        scope.Lines.GetLocation(requirement.Name.Span)),
                    requirement.Name.Span);
            }

            var qualified = new QualifiedName(scope.Name, syntax.Name.Text);
            var baseline = new Baseline(qualified, Text(syntax.Title) ?? LocalizedText.Plain(syntax.Name.Text), Text(syntax.Description), requirements.ToEquatableArray(), scope.Lines.GetLocation(syntax.Name.Span));
            baselines[qualified] = baseline;
            scope.Baselines.Add(baseline);
        }
    }

    private static BaselineRequirement SafeguardRequirement(Safeguard safeguard) =>
        new(safeguard.Name.Name, safeguard.Title, safeguard.Guidance, safeguard.Citations, ComparisonWords.Strength(safeguard.RefusalGround), safeguard.Name, null, safeguard.Location);

    private LocalizedText KindTitle(KindUse kind)
    {
        if (kind.IsBuiltIn)
        {
            var title = BuiltInKinds.Find(kind.Name)?.Title ?? kind.Name;
            return LocalizedText.Plain(kind.Qualifier is null ? title : title + " (" + kind.Qualifier + ")");
        }

        return scopes.TryGetValue(kind.DeclaringTreaty!, out var declaring) && declaring.Kinds.FirstOrDefault(k => k.Name.Name == kind.Name) is { } custom
            ? custom.Title
            : LocalizedText.Plain(kind.Name);
    }

    /// <summary>
    /// Binds comparisons after every baseline: the instrument under review, the baseline, a judgement per
    /// requirement (SG0280 names those left unjudged) and the excess powers. A comparison whose baseline does not
    /// resolve is not judged for completeness, so a typo in its name gives one diagnostic.
    /// </summary>
    private void BindComparisons(Scope scope)
    {
        foreach (var syntax in scope.Symbols.Values.OfType<ComparisonSyntax>().OrderBy(s => s.Span.Start))
        {
            Require(scope, syntax.Title is not null, syntax, "title", "'title \"...\"'");
            var hasInstrument = Require(scope, syntax.Reviews is not null, syntax, "instrument under review", "'reviews <instrument>', e.g. 'reviews uncc'");
            var hasBaseline = Require(scope, syntax.Baseline is not null, syntax, "baseline", "'baseline <name>' naming the requirements to hold the instrument against");
            var instrument = hasInstrument ? ResolveInstrument(scope, syntax.Reviews!) : null;
            Baseline? baseline = null;
            if (hasBaseline && ResolveDeclaration(scope, syntax.Baseline!, "baseline") is { } resolvedBaseline)
            {
                baselines.TryGetValue(resolvedBaseline.Name, out baseline);
            }

            var requirements = baseline?.Requirements.ToDictionary(r => r.Name, StringComparer.Ordinal) ?? new Dictionary<string, BaselineRequirement>(StringComparer.Ordinal);
            var judged = new Dictionary<string, (Judgement Judgement, TextSpan At)>(StringComparer.Ordinal);
            var complete = !syntax.HasErrors && baseline is not null;
            foreach (var judgement in syntax.Judgements)
            {
                var bound = BindJudgement(scope, judgement, baseline, requirements, instrument);
                if (bound is null)
                {
                    complete = false;
                    continue;
                }

                if (judged.TryGetValue(bound.Requirement, out var first))
                {
                    Report(scope, DiagnosticDescriptors.DuplicateDeclaration, judgement.Requirement.Span, bound.Requirement, "the judgements of comparison '" + syntax.Name.Text + "'", scope.Lines.GetPosition(first.At.Start).Line);
                    continue;
                }

                judged.Add(bound.Requirement, (bound, judgement.Requirement.Span));
            }

            // A judgement whose requirement is mistyped is most likely the one that seems missing: one typo, one diagnostic.
            if (complete)
            {
                var missing = baseline!.Requirements.Where(r => !judged.ContainsKey(r.Name)).Select(r => r.Name).ToList();
                if (missing.Count > 0)
                {
                    var quoted = missing.Select(m => "'" + m + "'").ToList();
                    var list = quoted.Count == 1 ? "requirement " + quoted[0] : quoted.Count.ToString(CultureInfo.InvariantCulture) + " requirements: " + string.Join(", ", quoted.Take(quoted.Count - 1)) + " and " + quoted[quoted.Count - 1];
                    Report(scope, DiagnosticDescriptors.MissingJudgement, syntax.Name.Span, syntax.Name.Text, list, DisplayName(scope, baseline.Name), quoted.Count == 1 ? "it" : "each of them", missing[0]);
                }
            }

            var excess = new List<ExcessPower>();
            var excessNames = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
            foreach (var power in syntax.Excess)
            {
                if (power.Name.Text.Length == 0)
                {
                    continue;
                }

                if (excessNames.TryGetValue(power.Name.Text, out var first))
                {
                    Report(scope, DiagnosticDescriptors.DuplicateDeclaration, power.Name.Span, power.Name.Text, "the excess powers of comparison '" + syntax.Name.Text + "'", scope.Lines.GetPosition(first.Start).Line);
                    continue;
                }

                excessNames.Add(power.Name.Text, power.Name.Span);
                Require(scope, power.Title is not null, power.HasErrors, "Excess power", power.Name, "title", "'title \"...\"'");
                Require(scope, !power.Citations.IsEmpty, power.HasErrors, "Excess power", power.Name, "citation", "'cite <instrument> article …' naming the provision that grants the power");
                Require(scope, power.Rationale is not null, power.HasErrors, "Excess power", power.Name, "rationale", "'rationale \"...\"' saying why the baseline has no counterpart");
                excess.Add(new ExcessPower(power.Name.Text, Text(power.Title) ?? LocalizedText.Plain(power.Name.Text), BindCitations(scope, power.Citations, power.HasErrors), Text(power.Rationale) ?? LocalizedText.Plain(string.Empty), scope.Lines.GetLocation(power.Name.Span)));
            }

            if (instrument is null || baseline is null)
            {
                continue;
            }

            // The baseline's order, so that a report and the generated metadata read like the baseline.
            var judgements = baseline.Requirements.Where(r => judged.ContainsKey(r.Name)).Select(r => judged[r.Name].Judgement).ToEquatableArray();
            scope.Comparisons.Add(new Comparison(
                new QualifiedName(scope.Name, syntax.Name.Text),
                Text(syntax.Title) ?? LocalizedText.Plain(syntax.Name.Text),
                Text(syntax.Description),
                instrument.Value.Name,
                instrument.Value.Reference,
                baseline.Name,
                judgements,
                excess.ToEquatableArray(),
                scope.Lines.GetLocation(syntax.Name.Span)));
        }
    }

    /// <summary>Binds one judgement; null when its requirement or relationship cannot be known (already reported).</summary>
    private Judgement? BindJudgement(Scope scope, JudgementSyntax syntax, Baseline? baseline, Dictionary<string, BaselineRequirement> requirements, (QualifiedName Name, string Reference, string? Source, string? Url)? instrument)
    {
        var name = syntax.Requirement.Text;
        var relationship = ComparisonWords.RelationshipFromKeyword(syntax.Relationship.Text);
        if (name.Length == 0 || relationship is null || baseline is null)
        {
            return null;
        }

        if (!requirements.TryGetValue(name, out var requirement))
        {
            Report(scope, DiagnosticDescriptors.UnresolvedName, syntax.Requirement.Span, "requirement of baseline '" + DisplayName(scope, baseline.Name) + "'", name, scope.Name, SuggestionSuffix(scope, name, requirements.Keys));
            return null;
        }

        var counterparts = new List<QualifiedName>();
        var resolvedAll = true;
        foreach (var counterpart in syntax.Counterparts)
        {
            var resolved = ResolveDeclaration(scope, counterpart, "safeguard");
            if (resolved is null || !safeguards.ContainsKey(resolved.Value.Name))
            {
                resolvedAll = false;
            }
            else if (!counterparts.Contains(resolved.Value.Name))
            {
                counterparts.Add(resolved.Value.Name);
            }
        }

        var counterpartSafeguards = counterparts.Select(c => safeguards[c]).ToList();
        var citations = BindCitations(scope, syntax.Citations, syntax.HasErrors).ToList();
        if (instrument is not null)
        {
            foreach (var citation in counterpartSafeguards.SelectMany(s => s.Citations).Where(c => c.Instrument == instrument.Value.Name))
            {
                if (!citations.Contains(citation))
                {
                    citations.Add(citation);
                }
            }
        }

        var hedges = BindHedges(scope, syntax.Hedges);
        if (syntax.Hedges.IsEmpty)
        {
            hedges = counterpartSafeguards.SelectMany(s => s.Hedges).Distinct().ToEquatableArray();
        }

        var checkable = !syntax.HasErrors && resolvedAll;
        Require(scope, syntax.Rationale is not null, syntax.HasErrors, "Judgement", syntax.Requirement, "rationale", "'rationale \"...\"' saying, in words a lawyer can defend from the texts, why the instrument relates so");
        if (relationship is Relationship.Weaker or Relationship.Hedged)
        {
            Require(scope, syntax.Gap is not null, syntax.HasErrors, "Judgement", syntax.Requirement, "gap", "'gap \"...\"' saying what the instrument's counterpart leaves out");
        }

        if (relationship == Relationship.Hedged && hedges.IsEmpty && checkable && syntax.Hedges.IsEmpty)
        {
            Report(scope, DiagnosticDescriptors.HedgedJudgementWithoutHedge, syntax.Relationship.Span, name);
        }

        if (relationship != Relationship.Absent && citations.Count == 0 && checkable && instrument is not null && syntax.Citations.IsEmpty)
        {
            Report(scope, DiagnosticDescriptors.JudgementCitesNothing, syntax.Requirement.Span, name, syntax.Relationship.Text, DisplayInstrument(scope, instrument.Value.Name));
        }

        var ground = BindGround(scope, syntax, baseline, requirement, relationship.Value, counterpartSafeguards, checkable);
        return new Judgement(
            name,
            relationship.Value,
            counterparts.ToEquatableArray(),
            citations.ToEquatableArray(),
            Text(syntax.Rationale) ?? LocalizedText.Plain(string.Empty),
            Text(syntax.Gap),
            hedges,
            ground,
            scope.Lines.GetLocation(syntax.Requirement.Span));
    }

    /// <summary>
    /// The instrument's strength for a requirement that is a ground for refusal: as the judgement says, else as its
    /// counterparts make it, else absent when the judgement says so. SG0283 when the relationship contradicts the strengths.
    /// </summary>
    private GroundStrength? BindGround(Scope scope, JudgementSyntax syntax, Baseline baseline, BaselineRequirement requirement, Relationship relationship, List<Safeguard> counterparts, bool checkable)
    {
        GroundStrength? stated = null;
        if (syntax.Ground is { Text.Length: > 0 } groundSyntax)
        {
            stated = ComparisonWords.StrengthFromKeyword(groundSyntax.Text);
            if (stated is null)
            {
                Report(scope, DiagnosticDescriptors.ExpectedToken, groundSyntax.Span, "'mandatory', 'optional' or 'absent'", "'" + groundSyntax.Text + "'");
                return null;
            }

            if (requirement.Ground is null)
            {
                Report(scope, DiagnosticDescriptors.GroundOnOrdinaryRequirement, groundSyntax.Span, requirement.Name, DisplayName(scope, baseline.Name), groundSyntax.Text);
                return null;
            }
        }

        if (requirement.Ground is not { } baselineStrength)
        {
            return null;
        }

        var strength = stated
            ?? counterparts.Select(c => ComparisonWords.Strength(c.RefusalGround)).Where(s => s is not null).Max()
            ?? (relationship == Relationship.Absent ? GroundStrength.Absent : null);
        if (strength is null)
        {
            Require(scope, false, syntax.HasErrors, "Judgement", syntax.Requirement, "ground", "'ground mandatory', 'ground optional' or 'ground absent' saying how the instrument provides the ground for refusal");
            return null;
        }

        Relationship? expected = null;
        if (strength == GroundStrength.Absent && relationship != Relationship.Absent)
        {
            expected = Relationship.Absent;
        }
        else if (strength != GroundStrength.Absent && relationship == Relationship.Absent)
        {
            expected = strength < baselineStrength ? Relationship.Weaker : Relationship.Equivalent;
        }
        else if (strength < baselineStrength && relationship is Relationship.Equivalent or Relationship.Stronger)
        {
            expected = Relationship.Weaker;
        }

        if (expected is not null && checkable)
        {
            Report(scope, DiagnosticDescriptors.JudgementContradictsGround, syntax.Relationship.Span, requirement.Name, syntax.Relationship.Text, ComparisonWords.Keyword(baselineStrength), ComparisonWords.Keyword(strength.Value), ComparisonWords.Keyword(expected.Value));
        }

        return strength;
    }

    private static string DisplayInstrument(Scope scope, QualifiedName instrument) =>
        instrument.Name == instrument.Treaty ? AliasOf(scope, instrument.Treaty) : DisplayName(scope, instrument);
}
