using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace SafeguardGen.Cli;

/// <summary>A .treaty file read from disk, with the path to print (relative to the working folder, '/' separators).</summary>
internal sealed record InputFile(string DisplayPath, string Content);

internal static class InputFiles
{
    /// <summary>Expands files and folders into .treaty files in ordinal path order; null (after reporting) on a usage error.</summary>
    public static IReadOnlyList<InputFile>? Find(IEnumerable<string> inputs, TextWriter error)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                foreach (var file in Directory.EnumerateFiles(input, "*.treaty", SearchOption.AllDirectories))
                {
                    paths.Add(Path.GetFullPath(file));
                }
            }
            else if (File.Exists(input))
            {
                paths.Add(Path.GetFullPath(input));
            }
            else if (input.StartsWith('-'))
            {
                // System.CommandLine hands an unknown option to the argument; it is a usage error, not a path.
                error.WriteLine("safeguard: unrecognized option '" + input + "'.");
                ok = false;
            }
            else
            {
                error.WriteLine("safeguard: no file or folder named '" + input + "'.");
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        if (paths.Count == 0)
        {
            error.WriteLine("safeguard: no .treaty files found in " + string.Join(", ", inputs.Select(i => "'" + i + "'")) + ".");
            return null;
        }

        var current = Directory.GetCurrentDirectory();
        return paths.Select(p => new InputFile(Display(current, p), Read(p))).ToList();
    }

    private static string Display(string current, string fullPath)
    {
        var relative = Path.GetRelativePath(current, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative).Replace('\\', '/');
    }

    /// <summary>Reads UTF-8 (with or without BOM); bytes that are not UTF-8 become U+FFFD and are reported by the lexer.</summary>
    private static string Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
    }
}
