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
        var covered = measure.Safeguards.Select(safeguardOf).ToList();
        foreach (var profileName in measure.Profiles)
        {
            var profile = profileOf(profileName);
            if (profile is null)
            {
                continue;
            }

            var missing = profile.RequiredKinds
                .Where(kind => !covered.Any(s => s.Kinds.Any(k => k.Covers(kind))))
                .Select(kind => "kind '" + kind + "'")
                .Concat(profile.RequiredSafeguards.Where(s => !measure.Safeguards.Contains(s)).Select(s => "safeguard '" + display(s) + "'"))
                .ToList();
            if (missing.Count > 0)
            {
                yield return (profileName, missing);
            }
        }
    }
}
