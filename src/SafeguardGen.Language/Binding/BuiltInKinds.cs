using System.Collections.Generic;
using System.Linq;

namespace SafeguardGen.Language.Binding;

/// <summary>The safeguard kinds every treaty can use without declaring them, with the qualifiers each accepts.</summary>
public static class BuiltInKinds
{
    public const string RefusalGround = "refusal-ground";
    public const string Oversight = "oversight";

    private static readonly Dictionary<string, KindInfo> Kinds = new KindInfo[]
    {
        new("legality", "Legality", null, false),
        new("legitimate-aim", "Legitimate aim", null, false),
        new("necessity", "Necessity", null, false),
        new("proportionality", "Proportionality", null, false),
        new(Oversight, "Judicial or independent oversight", new[] { "judicial", "independent" }, false),
        new("redress", "Redress", null, false),
        new("dual-criminality", "Dual criminality", null, false),
        new(RefusalGround, "Ground for refusal", new[] { "mandatory", "optional" }, true),
        new("data-protection", "Personal-data protection", null, false),
        new("victim-protection", "Victim and witness protection", null, false),
        new("gender", "Gender perspective", null, false),
        new("scope-limitation", "Limitation of scope", null, false),
        new("notification", "Notification", null, false),
        new("duration-limit", "Limitation of duration", null, false),
        new("transparency", "Transparency", null, false),
    }.ToDictionary(k => k.Name, System.StringComparer.Ordinal);

    public static IEnumerable<KindInfo> All => Kinds.Values.OrderBy(k => k.Name, System.StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } = Kinds.Keys.OrderBy(k => k, System.StringComparer.Ordinal).ToArray();

    public static KindInfo? Find(string name) => Kinds.TryGetValue(name, out var info) ? info : null;

    public sealed record KindInfo(string Name, string Title, string[]? Qualifiers, bool QualifierRequired);
}
