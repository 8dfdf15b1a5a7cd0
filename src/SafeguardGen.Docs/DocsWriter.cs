using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace SafeguardGen.Docs;

/// <summary>
/// Writes a documentation site so that a failure leaves the previous one intact: the new site is built in a
/// folder beside the output (same file system, so the final moves are renames), and moved into place only when
/// every page is written. Unchanged pages keep their content and their last-write time, and when no page changed
/// nothing is touched at all, so tools that watch the folder see only real changes.
/// </summary>
public static class DocsWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Pages written and left unchanged, or why nothing was written (naming the path and the cause).</summary>
    public static (int Written, int Unchanged, string? Error) Write(string folder, IReadOnlyList<RenderedFile> files)
    {
        var target = Path.GetFullPath(folder);
        var changed = files.Where(f => !SameContent(Path.Combine(target, Local(f.Path)), f.Content)).ToList();
        if (changed.Count == 0)
        {
            return (0, files.Count, null);
        }

        var parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)) ?? target;
        var name = Path.GetFileName(target.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var suffix = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var staging = Path.Combine(parent, "." + name + ".safeguard-new-" + suffix);
        var previous = Path.Combine(parent, "." + name + ".safeguard-old-" + suffix);
        try
        {
            Directory.CreateDirectory(staging);
            if (Directory.Exists(target))
            {
                CopyTree(target, staging);
            }

            foreach (var file in changed)
            {
                var path = Path.Combine(staging, Local(file.Path));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content, Utf8);
            }

            if (Directory.Exists(target))
            {
                Directory.Move(target, previous);
                try
                {
                    Directory.Move(staging, target);
                }
                catch
                {
                    Directory.Move(previous, target);
                    throw;
                }

                TryDelete(previous);
            }
            else
            {
                Directory.Move(staging, target);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            TryDelete(staging);
            return (0, 0, "cannot write the pages to '" + Shown(folder) + "': " + Cause(exception) + "; the previous pages are left as they were");
        }

        return (changed.Count, files.Count - changed.Count, null);
    }

    /// <summary>True when the working folder is the output or inside it: moving it away would leave the shell in a deleted folder.</summary>
    public static bool ContainsWorkingFolder(string folder)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var current = Path.TrimEndingDirectorySeparator(Directory.GetCurrentDirectory());
        return current.Equals(target, StringComparison.Ordinal) || current.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string Local(string path) => path.Replace('/', Path.DirectorySeparatorChar);

    private static string Shown(string path) => path.Replace('\\', '/');

    private static string Cause(Exception exception) => exception is UnauthorizedAccessException ? "permission denied (" + exception.Message + ")" : exception.Message;

    private static bool SameContent(string path, string content)
    {
        try
        {
            return File.Exists(path) && File.ReadAllText(path) == content;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Copies every file of the previous site (the user's own files too), keeping their last-write times.</summary>
    private static void CopyTree(string from, string to)
    {
        var pending = new Stack<(string From, string To)>();
        pending.Push((from, to));
        while (pending.Count > 0)
        {
            var (source, destination) = pending.Pop();
            Directory.CreateDirectory(destination);
            foreach (var entry in new DirectoryInfo(source).GetFileSystemInfos())
            {
                var copy = Path.Combine(destination, entry.Name);
                if (entry.LinkTarget is not null)
                {
                    // A link is copied as a link, never followed: the site folder could otherwise pull in the whole disk.
                    File.CreateSymbolicLink(copy, entry.LinkTarget);
                }
                else if (entry is DirectoryInfo)
                {
                    pending.Push((entry.FullName, copy));
                }
                else
                {
                    File.Copy(entry.FullName, copy);
                    File.SetLastWriteTimeUtc(copy, entry.LastWriteTimeUtc);
                }
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The new site is in place; a leftover copy of the old one is untidy but loses nothing.
        }
    }
}
