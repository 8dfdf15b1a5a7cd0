using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using SafeguardGen.Language.Compilation;
using SafeguardGen.Language.Diagnostics;
using SafeguardGen.Language.Text;

namespace SafeguardGen.Cli;

/// <summary>
/// A .treaty file found on disk: the path to print (as the user wrote the input it came from, with '/'
/// separators), its text, or why it could not be read (reported as SG0010, so the other files are still checked).
/// </summary>
internal sealed record InputFile(string DisplayPath, Utf8Text? Content, string? Problem)
{
    public Diagnostic ReadError() => Diagnostic.Create(DiagnosticDescriptors.UnreadableFile, LineMap.Create(DisplayPath, string.Empty).GetLocation(new TextSpan(0, 0)), DisplayPath, Problem ?? string.Empty);

    /// <summary>Compiles the files that could be read; each file that could not is one SG0010 at its start, and the rest are still checked.</summary>
    public static CompilationResult Compile(IReadOnlyList<InputFile> files)
    {
        var parsed = files.Where(f => f.Content is not null).Select(f => TreatyCompiler.Parse(new SourceText(f.DisplayPath, f.Content!))).ToList();
        var answers = parsed.SelectMany(AnswersFiles.Referenced).Distinct(StringComparer.Ordinal).Select(ReadAnswersFile);
        var compiled = TreatyCompiler.Bind(parsed, answers);
        var unreadable = files.Where(f => f.Content is null).Select(f => f.ReadError()).ToList();
        return unreadable.Count == 0 ? compiled : compiled with { Diagnostics = TreatyCompiler.Sort(compiled.Diagnostics.Concat(unreadable)).ToEquatableArray() };
    }

    /// <summary>
    /// Compiles the files and prints every diagnostic to <paramref name="diagnostics"/>; when any is an error, also
    /// "<paramref name="nothingDone"/>: fix the errors above." and null, for a command that works only on a model without errors.
    /// </summary>
    public static CompilationResult? CompileOrReport(IReadOnlyList<InputFile> files, TextWriter diagnostics, string nothingDone)
    {
        var compiled = Compile(files);
        foreach (var diagnostic in compiled.Diagnostics)
        {
            diagnostics.WriteLine(diagnostic.ToString());
        }

        if (compiled.HasErrors)
        {
            diagnostics.WriteLine(nothingDone + ": fix the errors above.");
            return null;
        }

        return compiled;
    }

    /// <summary>A request file a scenario reads, by its resolved path (relative to the working folder, as the .treaty paths are), or why it cannot be read.</summary>
    private static AnswersFile ReadAnswersFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new AnswersFile(path, null, Directory.Exists(path) ? "it is a folder" : "no such file");
            }

            if (info.Length > InputFiles.MaxBytes)
            {
                return new AnswersFile(path, null, "it is larger than a request file can be");
            }

            return new AnswersFile(path, File.ReadAllText(path), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException)
        {
            return new AnswersFile(path, null, exception is UnauthorizedAccessException ? "permission denied" : exception.Message);
        }
    }
}

internal static class InputFiles
{
    /// <summary>The most bytes read from one file: enough for one character over the limit in any UTF-8 (at most 3 bytes a UTF-16 unit), plus a BOM.</summary>
    public const int MaxBytes = (3 * (TreatyCompiler.MaxFileLength + 1)) + 3;

    /// <summary>Links followed in one path before it counts as a loop (Linux's own limit).</summary>
    private const int MaxLinkHops = 40;

    /// <summary>
    /// Expands files and folders into .treaty files, each real file once, in ordinal order of the paths printed;
    /// null (after reporting) on a usage error. Links are followed, but a folder already visited is not entered
    /// again, so a link loop costs nothing.
    /// </summary>
    public static IReadOnlyList<InputFile>? Find(IEnumerable<string> inputs, TextWriter error)
    {
        // Real path -> the path printed for it; the smallest printed path wins, so the argument order does not matter.
        var files = new Dictionary<string, (string Display, string? Problem)>(StringComparer.Ordinal);
        var visitedFolders = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        var inputList = inputs.ToList();
        foreach (var input in inputList)
        {
            if (Directory.Exists(input))
            {
                Walk(input, files, visitedFolders);
            }
            else if (File.Exists(input) || IsLink(input))
            {
                Add(files, input, Canonical(input, out var problem), problem);
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

        if (files.Count == 0)
        {
            error.WriteLine("safeguard: no .treaty files found in " + string.Join(", ", inputList.Select(i => "'" + i + "'")) + ".");
            return null;
        }

        return files
            .OrderBy(f => f.Value.Display, StringComparer.Ordinal)
            .Select(f => f.Value.Problem is null ? Read(f.Value.Display, f.Key) : new InputFile(f.Value.Display, null, f.Value.Problem))
            .ToList();
    }

    private static void Add(Dictionary<string, (string Display, string? Problem)> files, string display, string real, string? problem)
    {
        display = Clean(display);
        if (!files.TryGetValue(real, out var known) || string.CompareOrdinal(display, known.Display) < 0)
        {
            files[real] = (display, problem);
        }
    }

    /// <summary>Walks a folder without recursion, entering each real folder once.</summary>
    private static void Walk(string input, Dictionary<string, (string Display, string? Problem)> files, HashSet<string> visitedFolders)
    {
        var pending = new Stack<(string Display, string Real)>();
        var root = Canonical(input, out var rootProblem);
        if (rootProblem is not null)
        {
            Add(files, input, root, rootProblem);
            return;
        }

        pending.Push((input, root));
        while (pending.Count > 0)
        {
            var (display, real) = pending.Pop();
            if (!visitedFolders.Add(real))
            {
                continue;
            }

            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(real).GetFileSystemInfos();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                Add(files, display, real, "its folder cannot be listed (" + exception.Message + ")");
                continue;
            }

            foreach (var entry in entries.OrderByDescending(e => e.Name, StringComparer.Ordinal))
            {
                var entryDisplay = Path.Join(display, entry.Name);
                string? problem = null;
                var entryReal = entry.LinkTarget is null ? entry.FullName : Canonical(entry.FullName, out problem);
                var isFolder = entry.LinkTarget is null ? entry is DirectoryInfo : problem is null && Directory.Exists(entryReal);
                if (isFolder)
                {
                    pending.Push((entryDisplay, entryReal));
                }
                else if (entry.Name.EndsWith(".treaty", StringComparison.Ordinal))
                {
                    Add(files, entryDisplay, entryReal, problem);
                }
            }
        }
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// The path with every link resolved, component by component (what realpath(3) gives), so that one real file
    /// or folder has one name; a loop or a link to nothing gives a <paramref name="problem"/>.
    /// </summary>
    internal static string Canonical(string path, out string? problem)
    {
        problem = null;
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var remaining = new Queue<string>(Split(full, root));
        var current = root;
        var hops = 0;
        while (remaining.Count > 0)
        {
            var candidate = Path.Join(current, remaining.Dequeue());
            string? target;
            try
            {
                target = new FileInfo(candidate).LinkTarget;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                problem = exception.Message;
                return full;
            }

            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                problem = "it is a symbolic link that leads back to itself (a link loop)";
                return full;
            }

            var resolved = Path.GetFullPath(target, current);
            var resolvedRoot = Path.GetPathRoot(resolved)!;
            remaining = new Queue<string>(Split(resolved, resolvedRoot).Concat(remaining));
            current = resolvedRoot;
        }

        if (!File.Exists(current) && !Directory.Exists(current))
        {
            problem = "it is a symbolic link to '" + current.Replace('\\', '/') + "', which does not exist";
        }

        return current;
    }

    private static string[] Split(string full, string root) =>
        full.Substring(root.Length).Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The path as the user wrote it ('/' separators, no leading './'), so an absolute input prints absolute.</summary>
    private static string Clean(string display)
    {
        display = display.Replace('\\', '/');
        while (display.StartsWith("./", StringComparison.Ordinal) && display.Length > 2)
        {
            display = display.Substring(2);
        }

        return display;
    }

    /// <summary>
    /// Reads a regular file only (a FIFO would block forever, a device never end), and at most
    /// <see cref="MaxBytes"/> of it, decoded by the language library so invalid UTF-8 is reported where it is.
    /// </summary>
    private static InputFile Read(string display, string real)
    {
        var kind = FileKind.Of(real);
        if (kind is not null)
        {
            return new InputFile(display, null, "it is " + kind + ", not a regular file");
        }

        try
        {
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = new byte[(int)Math.Min(MaxBytes, Math.Max(stream.CanSeek ? stream.Length : 0, 0) + 1)];
            var count = 0;
            while (true)
            {
                if (count == buffer.Length)
                {
                    if (buffer.Length == MaxBytes)
                    {
                        break;
                    }

                    Array.Resize(ref buffer, (int)Math.Min(MaxBytes, (long)buffer.Length * 2));
                }

                var read = stream.Read(buffer, count, buffer.Length - count);
                if (read == 0)
                {
                    break;
                }

                count += read;
            }

            return new InputFile(display, Utf8Text.Decode(buffer, count, TreatyCompiler.MaxFileLength), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return new InputFile(display, null, exception is UnauthorizedAccessException ? "permission denied" : exception.Message);
        }
    }
}

/// <summary>What kind of file a path is, from stat(2) through .NET's own native shim: managed code cannot tell a FIFO from a file without opening it, and opening a FIFO blocks.</summary>
internal static partial class FileKind
{
    /// <summary>"a named pipe (FIFO)", "a device", "a socket", or null for a regular file (or when it cannot be told).</summary>
    public static string? Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        // SystemNative_Stat fills a FileStatus whose first two ints are its flags and its mode; 256 bytes hold the whole struct.
        var status = new byte[256];
        if (Stat(path, ref status[0]) != 0)
        {
            return null;
        }

        var mode = BitConverter.ToInt32(status, 4) & 0xF000;
        return mode switch
        {
            0x1000 => "a named pipe (FIFO)",
            0x2000 or 0x6000 => "a device",
            0xC000 => "a socket",
            _ => null,
        };
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, ref byte status);
}
