using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace SafeguardGen.Cli;

/// <summary>"Did you mean 'check'?" for a misspelt command or option: the nearest names within two edits.</summary>
internal static class Suggestions
{
    public static IEnumerable<string> For(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var names = command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name))
            .Concat(command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var token in result.UnmatchedTokens.Distinct(StringComparer.Ordinal))
        {
            var best = names
                .Select(name => (Name: name, Distance: Distance(token, name)))
                .Where(c => c.Distance <= Math.Min(2, c.Name.Length / 2))
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => c.Name)
                .FirstOrDefault();
            if (best is not null)
            {
                yield return "'" + token + "' is not a command or option; did you mean '" + best + "'?";
            }
        }
    }

    /// <summary>Levenshtein distance with adjacent swaps counted as one edit ('chekc' is one edit from 'check').</summary>
    internal static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
