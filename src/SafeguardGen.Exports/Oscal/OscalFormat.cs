using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using SafeguardGen.Language.Binding;
using SafeguardGen.Language.Emit;

namespace SafeguardGen.Exports.Oscal;

// The runtime's namespace, SafeguardGen, encloses this one and has types of the same names: the model's win here.
using Citation = SafeguardGen.Language.Binding.Citation;
using Comparison = SafeguardGen.Language.Binding.Comparison;
using Hedge = SafeguardGen.Language.Binding.Hedge;

/// <summary>A file an export writes: its name (no folder) and its content.</summary>
public sealed record ExportedFile(string Name, string Content);

/// <summary>
/// What every OSCAL export shares: the version, the project's property namespace, deterministic identifiers,
/// metadata, escaped markup, and citations as back-matter resources.
/// </summary>
/// <remarks>
/// Identifiers inside a catalog never collide, by construction: a .treaty name never contains '.' or "--", so a
/// safeguard's control is its name (its parts add ".objective", ".objective.question"), while everything else
/// begins with a word and "--": <c>kind--legality</c>, <c>baseline--article-15--proportionality</c>,
/// <c>comparison--uncc-against-article-15--proportionality</c>.
/// </remarks>
public static class OscalFormat
{
    public const string Version = "1.2.1";

    /// <summary>The namespace of the project's own properties and parts (OSCAL's <c>ns</c>).</summary>
    public const string Namespace = "urn:safeguardgen:oscal";

    /// <summary>RFC 9562's namespace for URLs and URNs, under which <see cref="Namespace"/> names the project's UUIDs.</summary>
    private static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private static readonly Guid ProjectNamespace = NameBased(UrlNamespace, Namespace);

    /// <summary>A version 5 (name-based, SHA-1) UUID of <paramref name="name"/> in the project's namespace: the same name, the same UUID.</summary>
    public static string Uuid(string name) => NameBased(ProjectNamespace, name).ToString("D", CultureInfo.InvariantCulture);

    public static string CatalogFile(string treaty) => treaty + ".catalog.json";

    public static string SafeguardControl(QualifiedName safeguard) => safeguard.Name;

    public static string Objective(QualifiedName safeguard) => safeguard.Name + ".objective";

    public static string KindGroup(KindUse kind) => "kind--" + (kind.DeclaringTreaty is null ? kind.Name : kind.DeclaringTreaty + "." + kind.Name);

    public static string BaselineGroup(QualifiedName baseline) => "baseline--" + baseline.Name;

    public static string RequirementControl(QualifiedName baseline, string requirement) => "baseline--" + baseline.Name + "--" + requirement;

    public static string ComparisonGroup(QualifiedName comparison) => "comparison--" + comparison.Name;

    public static string JudgementControl(QualifiedName comparison, string requirement) => "comparison--" + comparison.Name + "--" + requirement;

    public static string ExcessControl(QualifiedName comparison, string power) => "comparison--" + comparison.Name + "--excess--" + power;

    /// <summary>A link's target: the control in this catalog (<c>#id</c>) or in another treaty's.</summary>
    public static string ControlHref(string fromTreaty, string treaty, string id) => (fromTreaty == treaty ? string.Empty : CatalogFile(treaty)) + "#" + id;

    /// <summary>A property in the project's namespace.</summary>
    public static JsonMap Prop(string name, string value, string? remarks = null) => new()
    {
        { "name", name },
        { "ns", Namespace },
        { "value", value },
        { "remarks", remarks is null ? null : Markup(remarks) },
    };

    /// <summary>
    /// OSCAL's metadata. <paramref name="lastModified"/> is given by the caller, never read from a clock, so an
    /// export is the same bytes every time.
    /// </summary>
    public static JsonMap Metadata(string title, string? version, DateTimeOffset lastModified, IEnumerable<JsonMap>? props = null, string? remarks = null) => new()
    {
        { "title", Markup(title) },
        { "last-modified", Timestamp(lastModified) },
        { "version", version ?? "unversioned" },
        { "oscal-version", Version },
        { "props", props?.ToList() },
        { "remarks", remarks is null ? null : Markup(remarks) },
    };

    public static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Text for OSCAL's markup fields, which are Markdown: every character Markdown or OSCAL's parameter
    /// insertion (<c>{{ }}</c>) could read as syntax is escaped, so a .treaty text is shown as written.
    /// </summary>
    public static string Markup(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        var lineStart = true;
        var digitsOnly = true;
        foreach (var c in text)
        {
            var opensBlock = lineStart && (c == '-' || c == '+' || c == '=');
            var endsListNumber = digitsOnly && !lineStart && (c == '.' || c == ')');
            if ("\\`*_{}[]<>#|~&".Contains(c, StringComparison.Ordinal) || opensBlock || endsListNumber)
            {
                builder.Append('\\');
            }

            builder.Append(c == '\r' || c == '\t' ? ' ' : c);
            var newLine = c == '\n';
            digitsOnly = newLine || (digitsOnly && (char.IsAsciiDigit(c) || (lineStart && c == ' ')));
            lineStart = newLine || (lineStart && c == ' ');
        }

        return builder.ToString();
    }

    /// <summary>A citation as it is written, with "(unverified)" where it was not checked against a text.</summary>
    public static string CitationText(Citation citation) => citation.Verified ? citation.Display : citation.Display + " (unverified)";

    /// <summary>The back-matter resource of a citation, with its verification status, source, note and quotes.</summary>
    public static string CitationUuid(Citation citation) => Uuid("citation/" + citation.Instrument + "/" + citation.Display + "/" + (citation.Verified ? "verified" : "unverified")
        + "/" + citation.Note + "/" + citation.Source + "/" + string.Join("/", citation.Quotes.Select(q => q.Language + ":" + q.Text)));

    public static JsonMap CitationLink(Citation citation) => new()
    {
        { "href", "#" + CitationUuid(citation) },
        { "rel", "reference" },
        { "text", Markup(CitationText(citation)) },
    };

    /// <summary>The back-matter of every citation given, each once, in order of first use.</summary>
    public static JsonMap? BackMatter(IEnumerable<Citation> citations)
    {
        var resources = new List<JsonMap>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var citation in citations)
        {
            var uuid = CitationUuid(citation);
            if (!seen.Add(uuid))
            {
                continue;
            }

            var quotes = citation.Quotes.Select(q => "\u201C" + q.Text + "\u201D (" + q.Language + ")").ToList();
            resources.Add(new JsonMap
            {
                { "uuid", uuid },
                { "title", Markup(citation.Display) },
                { "description", quotes.Count == 0 ? null : Markup(string.Join("\n\n", quotes)) },
                {
                    "props", new List<JsonMap>
                    {
                        Prop("verification", citation.Verified ? "verified" : "unverified"),
                        Prop("instrument", citation.Instrument.ToString()),
                    }
                },
                { "citation", new JsonMap { { "text", Markup(citation.Display) } } },
                { "remarks", Remarks(citation) },
            });
        }

        return resources.Count == 0 ? null : new JsonMap { { "resources", resources } };
    }

    private static string? Remarks(Citation citation)
    {
        var parts = new List<string>();
        if (citation.Verified && citation.Source is not null)
        {
            parts.Add("Verified against: " + citation.Source + ".");
        }
        else if (!citation.Verified)
        {
            parts.Add("Unverified: the wording was not checked against an authentic text.");
        }

        if (citation.Note is not null)
        {
            parts.Add(citation.Note);
        }

        return parts.Count == 0 ? null : Markup(string.Join(" ", parts));
    }

    /// <summary>A version 5 UUID of a name in any namespace, to check the algorithm against published values.</summary>
    internal static string NameBasedForTesting(Guid space, string name) => NameBased(space, name).ToString("D", CultureInfo.InvariantCulture);

    /// <summary>RFC 9562 §5.5: SHA-1 over the namespace and the name's UTF-8 bytes, version 5, variant 10.</summary>
    private static Guid NameBased(Guid space, string name)
    {
        var spaceBytes = space.ToByteArray();
        SwapToNetworkOrder(spaceBytes);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[spaceBytes.Length + nameBytes.Length];
        spaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, spaceBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5 UUIDs; it is not used for security.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        SwapToNetworkOrder(bytes);
        return new Guid(bytes);
    }

    /// <summary><see cref="Guid"/>'s byte array stores its first three fields little-endian; UUIDs are big-endian.</summary>
    private static void SwapToNetworkOrder(byte[] bytes)
    {
        Array.Reverse(bytes, 0, 4);
        Array.Reverse(bytes, 4, 2);
        Array.Reverse(bytes, 6, 2);
    }
}
