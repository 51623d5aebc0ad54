using System.CommandLine;
using System.CommandLine.Parsing;
using Polycrate.Build.Loading;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// Usage errors as a user needs them: each parse error, a "did you mean" for a mistyped verb or option (closest name of
/// the command that was typed, its subcommands and options), and the help of that command (<c>polycrate-build blocks pull --help</c>).
/// </summary>
internal static class UsageErrors
{
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var lines = parse.Errors.Select(e => $"error: {e.Message}").ToList();
        var command = parse.CommandResult.Command;
        foreach (var token in parse.UnmatchedTokens.Distinct(StringComparer.Ordinal))
        {
            var candidates = token.StartsWith('-')
                ? Options(parse.CommandResult).SelectMany(o => o.Aliases.Prepend(o.Name))
                : command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
            if (EditDistance.Closest(token, candidates.Distinct(StringComparer.Ordinal), minimumTolerance: 2, ignoreCase: true) is { } best)
            {
                lines.Add($"'{token}' is not a {(token.StartsWith('-') ? "known option" : "command")} of '{Path(parse.CommandResult)}'; did you mean '{best}'?");
            }
        }

        lines.Add($"Run '{Path(parse.CommandResult)} --help' for usage.");
        return lines;
    }

    /// <summary>The options valid at <paramref name="result"/>: its own and the recursive ones of its ancestors.</summary>
    private static IEnumerable<Option> Options(CommandResult result)
    {
        foreach (var option in result.Command.Options)
        {
            yield return option;
        }

        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            foreach (var option in parent.Command.Options.Where(o => o.Recursive))
            {
                yield return option;
            }
        }
    }

    /// <summary><c>polycrate-build blocks pull</c> for the command that was typed.</summary>
    private static string Path(CommandResult result)
    {
        var names = new List<string>();
        for (CommandResult? current = result; current is not null; current = current.Parent as CommandResult)
        {
            names.Insert(0, current.Parent is null ? "polycrate-build" : current.Command.Name);
        }

        return string.Join(' ', names);
    }
}
