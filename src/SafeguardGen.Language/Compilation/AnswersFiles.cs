using System;
using System.Collections.Generic;
using System.Linq;
using SafeguardGen.Language.Syntax;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Compilation;

/// <summary>
/// A request file a scenario reads (<c>answers-from</c>): its resolved path, and its text or why it could not be
/// had. Equatable, so the generator re-binds a file only when a file it reads changes.
/// </summary>
public sealed record AnswersFile(string Path, string? Text, string? Problem);

/// <summary>Where the request files of scenarios are: each path is resolved against the folder of its .treaty file.</summary>
public static class AnswersFiles
{
    /// <summary>The resolved paths a file's scenarios read, each once, in order.</summary>
    public static IReadOnlyList<string> Referenced(ParsedFile file) => file.Syntax.Declarations
        .OfType<ScenarioSyntax>()
        .Where(s => s.AnswersFrom is { Value.Length: > 0 })
        .Select(s => Resolve(file.Lines.Path, s.AnswersFrom!.Value))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// <paramref name="relative"/> against the folder of <paramref name="treatyPath"/>, with '/' separators and
    /// '.' and '..' collapsed (an absolute <paramref name="relative"/> stays as it is). No file system access.
    /// </summary>
    public static string Resolve(string treatyPath, string relative)
    {
        var normalized = relative.Replace('\\', '/');
        var isAbsolute = normalized.StartsWith("/", StringComparison.Ordinal) || (normalized.Length > 1 && normalized[1] == ':');
        var folder = treatyPath.Replace('\\', '/');
        var slash = folder.LastIndexOf('/');
        folder = slash < 0 ? string.Empty : folder.Substring(0, slash + 1);
        var combined = isAbsolute ? normalized : folder + normalized;
        var root = combined.StartsWith("/", StringComparison.Ordinal) ? "/" : string.Empty;
        var parts = new List<string>();
        foreach (var part in combined.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".." || root.Length == 0)
            {
                parts.Add(part);
            }
        }

        return root + string.Join("/", parts);
    }
}
