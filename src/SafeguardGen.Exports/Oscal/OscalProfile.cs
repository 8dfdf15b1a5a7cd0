using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Emit;

namespace SafeguardGen.Exports.Oscal;

// The runtime's namespace, SafeguardGen, encloses this one and has types of the same names: the model's win here.
using Comparison = SafeguardGen.Language.Binding.Comparison;

/// <summary>
/// A profile as an OSCAL profile: it imports, from each treaty's catalog, the controls that meet it. A required
/// safeguard is its own control; a required kind is met by the safeguards of that kind in the profile's treaty.
/// What the profile requires, as the .treaty file states it, is kept in the metadata's properties.
/// </summary>
public static class OscalProfile
{
    /// <summary>
    /// Every profile that selects a control, and for each that does not (an import must include something), the
    /// profile and why.
    /// </summary>
    public static (IReadOnlyList<ExportedFile> Files, IReadOnlyList<(Profile Profile, string Problem)> NotExported) ExportAll(TreatyModel model, DateTimeOffset lastModified)
    {
        var files = new List<ExportedFile>();
        var problems = new List<(Profile, string)>();
        foreach (var profile in model.Treaties.SelectMany(t => t.Profiles))
        {
            var (file, problem) = Export(model, profile, lastModified);
            if (file is null)
            {
                problems.Add((profile, problem!));
            }
            else
            {
                files.Add(file);
            }
        }

        return (files, problems);
    }

    private static (ExportedFile? File, string? Problem) Export(TreatyModel model, Profile profile, DateTimeOffset lastModified)
    {
        var treaty = model.FindTreaty(profile.Name.Treaty)!;
        var selected = new List<QualifiedName>();
        selected.AddRange(treaty.Safeguards.Where(s => profile.RequiredKinds.Any(k => s.Kinds.Any(u => u.Covers(k)))).Select(s => s.Name));
        selected.AddRange(profile.RequiredSafeguards.Where(s => !selected.Contains(s)));
        if (selected.Count == 0)
        {
            return (null, "profile '" + profile.Name + "' requires no safeguard, and no safeguard of '" + treaty.Name + "' has a kind it requires, so it selects no control");
        }

        var imports = selected.GroupBy(s => s.Treaty, StringComparer.Ordinal).Select(g => new JsonMap
        {
            { "href", OscalFormat.CatalogFile(g.Key) },
            { "include-controls", new List<JsonMap> { new() { { "with-ids", g.Select(OscalFormat.SafeguardControl).ToList() } } } },
        }).ToList();

        var props = new List<JsonMap>();
        props.AddRange(profile.RequiredKinds.Select(k => OscalFormat.Prop("requires-kind", k.ToString())));
        props.AddRange(profile.RequiredSafeguards.Select(s => OscalFormat.Prop("requires-safeguard", s.ToString())));
        var remarks = string.Join(" ", new[]
        {
            profile.Description?.Text,
            profile.Citations.IsEmpty ? null : "Cites " + string.Join("; ", profile.Citations.Select(OscalFormat.CitationText)) + ".",
            "A measure that adopts the profile must have a safeguard of each required kind and every required safeguard; the imported controls are those of " + treaty.Name + " that meet it.",
        }.Where(t => t is not null));
        var document = new JsonMap
        {
            { "uuid", OscalFormat.Uuid("profile/" + profile.Name) },
            { "metadata", OscalFormat.Metadata(profile.Title.Text, treaty.Version, lastModified, props, remarks) },
            { "imports", imports },
            { "merge", new JsonMap { { "as-is", true } } },
            { "back-matter", OscalFormat.BackMatter(profile.Citations) },
        };
        return (new ExportedFile(profile.Name + ".profile.json", JsonText.Write(new JsonMap { { "profile", document } })), null);
    }
}
