using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace SafeguardGen.Cli;

/// <summary>"Did you mean 'check'?" for a misspelt command or option, by the language's own suggestion rule.</summary>
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
            if (Language.Syntax.Suggestions.Closest(token, names) is { } best)
            {
                yield return "'" + token + "' is not a command or option; did you mean '" + best + "'?";
            }
        }
    }
}
