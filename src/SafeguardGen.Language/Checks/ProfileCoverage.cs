using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Binding;

namespace SafeguardGen.Language.Checks;

/// <summary>
/// The first half of "a missing safeguard is a compile-time error": which requirements of each adopted profile
/// a measure's safeguards do not cover.
/// </summary>
internal static class ProfileCoverage
{
    public static IEnumerable<(QualifiedName Profile, IReadOnlyList<string> Missing)> Gaps(
        Measure measure,
        Func<QualifiedName, Safeguard> safeguardOf,
        Func<QualifiedName, Profile?> profileOf,
        Func<QualifiedName, string> display)
    {
        // Every kind the measure's safeguards cover, with and without its qualifier: a requirement without a
        // qualifier is met by any qualifier (KindUse.Covers), so one set lookup decides each requirement.
        var covered = new HashSet<KindUse>();
        foreach (var kind in measure.Safeguards.Select(safeguardOf).SelectMany(s => s.Kinds))
        {
            covered.Add(kind);
            covered.Add(kind with { Qualifier = null });
        }

        var listed = new HashSet<QualifiedName>(measure.Safeguards);
        foreach (var profileName in measure.Profiles)
        {
            var profile = profileOf(profileName);
            if (profile is null)
            {
                continue;
            }

            var missing = profile.RequiredKinds
                .Where(kind => !covered.Contains(kind))
                .Select(kind => "kind '" + kind + "'")
                .Concat(profile.RequiredSafeguards.Where(s => !listed.Contains(s)).Select(s => "safeguard '" + display(s) + "'"))
                .ToList();
            if (missing.Count > 0)
            {
                yield return (profileName, missing);
            }
        }
    }
}
