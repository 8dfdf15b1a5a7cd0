using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Emit;

namespace SafeguardGen.Exports.Oscal;

// The runtime's namespace, SafeguardGen, encloses this one and has types of the same names: the model's win here.
using Citation = SafeguardGen.Language.Binding.Citation;
using Comparison = SafeguardGen.Language.Binding.Comparison;
using Hedge = SafeguardGen.Language.Binding.Hedge;

/// <summary>
/// A treaty as an OSCAL catalog: its safeguards as controls, grouped by their first kind (every kind is a
/// property); questions as assessment objectives, with their options and tests; conditions, exceptions and guidance
/// as parts; citations as links to back-matter resources with their verification status and quoted wording. A
/// treaty's baselines and comparisons become groups too, so that mapping collections can point at each
/// requirement and each judgement.
/// </summary>
public static class OscalCatalog
{
    /// <summary>A catalog for every treaty that has safeguards, baselines or comparisons (a library of facts and instruments has no control).</summary>
    public static IReadOnlyList<ExportedFile> ExportAll(TreatyModel model, DateTimeOffset lastModified)
    {
        var index = model.CreateIndex();
        return model.Treaties.Where(t => !t.Safeguards.IsEmpty || !t.Baselines.IsEmpty || !t.Comparisons.IsEmpty).Select(t => Export(model, index, t, lastModified)).ToList();
    }

    private static ExportedFile Export(TreatyModel model, ModelIndex index, Treaty treaty, DateTimeOffset lastModified)
    {
        var groups = new List<JsonMap>();
        var citations = new List<Citation>();
        foreach (var kind in treaty.Safeguards.Select(s => Unqualified(s.Kinds[0])).Distinct())
        {
            var members = treaty.Safeguards.Where(s => Unqualified(s.Kinds[0]) == kind).ToList();
            citations.AddRange(members.SelectMany(s => s.Citations));
            groups.Add(new JsonMap
            {
                { "id", OscalFormat.KindGroup(kind) },
                { "class", "kind" },
                { "title", OscalFormat.Markup(KindTitle(kind, index)) },
                { "controls", members.Select(s => Control(s)).ToList() },
            });
        }

        foreach (var baseline in treaty.Baselines)
        {
            citations.AddRange(baseline.Requirements.SelectMany(r => r.Citations));
            groups.Add(Baseline(treaty, baseline));
        }

        foreach (var comparison in treaty.Comparisons)
        {
            citations.AddRange(comparison.Judgements.SelectMany(j => j.Citations).Concat(comparison.Excess.SelectMany(e => e.Citations)));
            groups.Add(Comparison(model, treaty, comparison));
        }

        var props = new List<JsonMap> { OscalFormat.Prop("language", treaty.Language) };
        props.AddRange(treaty.Translations.Select(t => OscalFormat.Prop("translation", t)));
        if (treaty.Reference.Length > 0)
        {
            props.Add(OscalFormat.Prop("reference", treaty.Reference));
        }

        var catalog = new JsonMap
        {
            { "uuid", OscalFormat.Uuid("catalog/" + treaty.Name) },
            { "metadata", OscalFormat.Metadata(treaty.Title.Text, treaty.Version, lastModified, props, treaty.Description?.Text) },
            { "groups", groups },
            { "back-matter", OscalFormat.BackMatter(citations) },
        };
        return new ExportedFile(OscalFormat.CatalogFile(treaty.Name), JsonText.Write(new JsonMap { { "catalog", catalog } }));
    }

    private static KindUse Unqualified(KindUse kind) => kind with { Qualifier = null };

    private static string KindTitle(KindUse kind, ModelIndex index) =>
        kind.DeclaringTreaty is null
            ? BuiltInKinds.Find(kind.Name)?.Title ?? kind.Name
            : index.FindKind(new QualifiedName(kind.DeclaringTreaty, kind.Name))?.Title.Text ?? kind.Name;

    private static JsonMap Control(Safeguard safeguard)
    {
        var props = new List<JsonMap>
        {
            OscalFormat.Prop("basis", Basis(safeguard.Basis)),
            OscalFormat.Prop("severity", safeguard.Severity == Severity.Blocking ? "blocking" : "advisory"),
        };
        props.AddRange(safeguard.Kinds.Select(k => OscalFormat.Prop("kind", k.ToString())));
        if (ComparisonWords.Strength(safeguard.RefusalGround) is { } ground)
        {
            props.Add(OscalFormat.Prop("refusal-ground", ComparisonWords.Keyword(ground)));
        }

        props.AddRange(safeguard.Hedges.Select(h => OscalFormat.Prop("hedge", Hedge.Keyword(h.Kind), h.Describe())));

        var parts = new List<JsonMap>();
        if (safeguard.Guidance is not null)
        {
            parts.Add(new JsonMap { { "id", safeguard.Name.Name + ".guidance" }, { "name", "guidance" }, { "prose", OscalFormat.Markup(safeguard.Guidance.Text) } });
        }

        parts.Add(new JsonMap
        {
            { "id", OscalFormat.Objective(safeguard.Name) },
            { "name", "assessment-objective" },
            { "prose", OscalFormat.Markup("Determine whether the safeguard is met: " + safeguard.Title.Text + ".") },
            { "parts", safeguard.Questions.Select(q => Question(safeguard, q)).ToList() },
        });
        if (safeguard.When is not null)
        {
            parts.Add(Part(safeguard.Name.Name + ".when", "applicability", "Applies only when", safeguard.When.Text));
        }

        if (safeguard.Unless is not null)
        {
            parts.Add(Part(safeguard.Name.Name + ".unless", "exemption", "Does not apply when", safeguard.Unless.Text));
        }

        foreach (var exception in safeguard.Exceptions)
        {
            var part = Part(safeguard.Name.Name + ".exception." + exception.Name, "exception", "Exception: " + exception.Name, (exception.Because is null ? string.Empty : exception.Because.Text + " ") + "When: " + exception.When.Text);
            part.Add("props", new List<JsonMap> { OscalFormat.Prop("outcome", Outcome(exception.Outcome)), OscalFormat.Prop("priority", exception.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
            parts.Add(part);
        }

        return new JsonMap
        {
            { "id", OscalFormat.SafeguardControl(safeguard.Name) },
            { "class", "safeguard" },
            { "title", OscalFormat.Markup(safeguard.Title.Text) },
            { "props", props },
            { "links", safeguard.Citations.Select(OscalFormat.CitationLink).ToList() },
            { "parts", parts },
        };
    }

    private static JsonMap Question(Safeguard safeguard, Question question)
    {
        var props = new List<JsonMap> { OscalFormat.Prop("answer-type", question.Type.ToString()) };
        if (question.Criterion is not null)
        {
            props.Add(OscalFormat.Prop("satisfied-by", question.Criterion.Text));
        }

        var parts = new List<JsonMap>();
        if (question.Guidance is not null)
        {
            parts.Add(new JsonMap { { "name", "guidance" }, { "prose", OscalFormat.Markup(question.Guidance.Text) } });
        }

        parts.AddRange(question.Options.Select(o => new JsonMap
        {
            { "name", "option" },
            { "ns", OscalFormat.Namespace },
            { "title", OscalFormat.Markup(o.Label.Text) },
            { "props", new List<JsonMap> { OscalFormat.Prop("option", o.Name) } },
        }));
        return new JsonMap
        {
            { "id", OscalFormat.Objective(safeguard.Name) + "." + question.Name },
            { "name", "assessment-objective" },
            { "props", props },
            { "prose", OscalFormat.Markup(question.Ask.Text) },
            { "parts", parts },
        };
    }

    private static JsonMap Part(string id, string name, string title, string prose) => new()
    {
        { "id", id },
        { "name", name },
        { "ns", OscalFormat.Namespace },
        { "title", OscalFormat.Markup(title) },
        { "prose", OscalFormat.Markup(prose) },
    };

    private static JsonMap Baseline(Treaty treaty, Baseline baseline) => new()
    {
        { "id", OscalFormat.BaselineGroup(baseline.Name) },
        { "class", "baseline" },
        { "title", OscalFormat.Markup(baseline.Title.Text) },
        { "parts", Overview(baseline.Name.Name + ".overview", baseline.Description?.Text) },
        {
            "controls", baseline.Requirements.Select<BaselineRequirement, JsonMap>(r =>
            {
                var props = new List<JsonMap>();
                if (r.Ground is { } ground)
                {
                    props.Add(OscalFormat.Prop("refusal-ground", ComparisonWords.Keyword(ground)));
                }

                if (r.Kind is not null)
                {
                    props.Add(OscalFormat.Prop("kind", r.Kind.ToString()));
                }

                var links = r.Citations.Select(OscalFormat.CitationLink).ToList();
                if (r.Safeguard is not null)
                {
                    links.Add(new JsonMap { { "href", OscalFormat.ControlHref(treaty.Name, r.Safeguard.Treaty, OscalFormat.SafeguardControl(r.Safeguard)) }, { "rel", "related" } });
                }

                return new JsonMap
                {
                    { "id", OscalFormat.RequirementControl(baseline.Name, r.Name) },
                    { "class", "requirement" },
                    { "title", OscalFormat.Markup(r.Title.Text) },
                    { "props", props },
                    { "links", links },
                    { "parts", Overview(OscalFormat.RequirementControl(baseline.Name, r.Name) + ".overview", r.Description?.Text) },
                };
            }).ToList()
        },
    };

    private static JsonMap Comparison(TreatyModel model, Treaty treaty, Comparison comparison)
    {
        var requirements = model.FindBaseline(comparison.Baseline)?.Requirements.ToDictionary(r => r.Name, StringComparer.Ordinal) ?? new Dictionary<string, BaselineRequirement>(StringComparer.Ordinal);
        var controls = new List<JsonMap>();
        foreach (var judgement in comparison.Judgements)
        {
            var props = new List<JsonMap> { OscalFormat.Prop("relationship", ComparisonWords.Keyword(judgement.Relationship)) };
            if (judgement.Ground is { } ground)
            {
                props.Add(OscalFormat.Prop("refusal-ground", ComparisonWords.Keyword(ground)));
            }

            props.AddRange(judgement.Hedges.Select(h => OscalFormat.Prop("hedge", Hedge.Keyword(h.Kind), h.Describe())));
            var links = judgement.Citations.Select(OscalFormat.CitationLink).ToList();
            links.Add(new JsonMap { { "href", OscalFormat.ControlHref(treaty.Name, comparison.Baseline.Treaty, OscalFormat.RequirementControl(comparison.Baseline, judgement.Requirement)) }, { "rel", "required" } });
            links.AddRange(judgement.Counterparts.Select(c => new JsonMap { { "href", OscalFormat.ControlHref(treaty.Name, c.Treaty, OscalFormat.SafeguardControl(c)) }, { "rel", "related" } }));
            var parts = new List<JsonMap> { Part(OscalFormat.JudgementControl(comparison.Name, judgement.Requirement) + ".rationale", "rationale", "Rationale", judgement.Rationale.Text) };
            if (judgement.Gap is not null)
            {
                parts.Add(Part(OscalFormat.JudgementControl(comparison.Name, judgement.Requirement) + ".gap", "gap", "What is lost", judgement.Gap.Text));
            }

            var title = requirements.TryGetValue(judgement.Requirement, out var requirement) ? requirement.Title.Text : judgement.Requirement;
            controls.Add(new JsonMap
            {
                { "id", OscalFormat.JudgementControl(comparison.Name, judgement.Requirement) },
                { "class", "judgement" },
                { "title", OscalFormat.Markup(comparison.InstrumentReference + ", on: " + title) },
                { "props", props },
                { "links", links },
                { "parts", parts },
            });
        }

        foreach (var power in comparison.Excess)
        {
            controls.Add(new JsonMap
            {
                { "id", OscalFormat.ExcessControl(comparison.Name, power.Name) },
                { "class", "excess-power" },
                { "title", OscalFormat.Markup(power.Title.Text) },
                { "links", power.Citations.Select(OscalFormat.CitationLink).ToList() },
                { "parts", new List<JsonMap> { Part(OscalFormat.ExcessControl(comparison.Name, power.Name) + ".rationale", "rationale", "Rationale", power.Rationale.Text) } },
            });
        }

        return new JsonMap
        {
            { "id", OscalFormat.ComparisonGroup(comparison.Name) },
            { "class", "comparison" },
            { "title", OscalFormat.Markup(comparison.Title.Text) },
            {
                "props", new List<JsonMap>
                {
                    OscalFormat.Prop("reviews", comparison.Instrument.ToString()),
                    OscalFormat.Prop("baseline", comparison.Baseline.ToString()),
                }
            },
            { "parts", Overview(comparison.Name.Name + ".overview", comparison.Description?.Text) },
            { "controls", controls },
        };
    }

    private static List<JsonMap>? Overview(string id, string? text) =>
        text is null ? null : new List<JsonMap> { new() { { "id", id }, { "name", "overview" }, { "prose", OscalFormat.Markup(text) } } };

    internal static string Basis(Basis basis) => basis switch
    {
        Language.Binding.Basis.Treaty => "treaty",
        Language.Binding.Basis.HumanRightsLaw => "human-rights-law",
        Language.Binding.Basis.Policy => "policy",
        _ => "unstated",
    };

    internal static string Outcome(ExceptionOutcome outcome) => outcome switch
    {
        ExceptionOutcome.Satisfied => "satisfied",
        ExceptionOutcome.NotSatisfied => "not-satisfied",
        _ => "not-applicable",
    };
}
