using System.CommandLine;
using System.CommandLine.Parsing;
using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// Usage errors as a user needs them: one error that says what is wrong (an unknown verb or option with a "did you
/// mean", a missing or extra argument with the command's usage line and, where the workspace can tell, the names that
/// would fit), then the help of the command that was typed (<c>polycrate-build blocks pull --help</c>). System.CommandLine's
/// follow-up errors of the same mistake ("Required command was not provided" after an unknown verb) are not repeated.
/// </summary>
internal static class UsageErrors
{
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var result = parse.CommandResult;
        var lines = new List<string>();
        if (parse.UnmatchedTokens.Count > 0)
        {
            lines.Add(Unmatched(result, parse.UnmatchedTokens[0]));
        }
        else
        {
            var missing = result.Command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0 && !HasValue(result, a)).ToList();
            if (missing.Count > 0)
            {
                lines.Add($"error: '{Path(result)}' needs {string.Join(" and ", missing.Select(a => a.Name))}: {Usage(result)}"
                    + UsageHints.Candidates(parse, result, missing[0]));
            }
            else if (result.Command.Subcommands.Count > 0 && result.Command.Action is null)
            {
                lines.Add($"error: '{Path(result)}' needs a command: {Commands(result.Command)}");
            }
            else
            {
                // An option value that does not parse says which values fit (never a .NET type name); anything else:
                // System.CommandLine's own words, each once.
                lines.AddRange(parse.Errors.Select(e => $"error: {InvalidValue(e) ?? e.Message}").Distinct(StringComparer.Ordinal));
            }
        }

        lines.Add($"Run '{Path(result)} --help' for usage.");
        return lines;
    }

    /// <summary>The first token nothing matched: an unknown option, an unknown verb, or one argument too many.</summary>
    private static string Unmatched(CommandResult result, string token)
    {
        var command = result.Command;
        if (token.StartsWith('-') && token.Length > 1)
        {
            var options = Options(result).SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct(StringComparer.Ordinal);
            if (PolycrateOnlyFlags.Instead(token) is { } instead)
            {
                return $"error: {instead}";
            }

            var best = EditDistance.Closest(token, options, minimumTolerance: 2, ignoreCase: true);
            return $"error: '{token}' is not a known option of '{Path(result)}'" + (best is null ? string.Empty : $"; did you mean '{best}'?");
        }

        if (command.Subcommands.Count > 0 && command.Arguments.Count == 0)
        {
            var names = command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name)).Distinct(StringComparer.Ordinal);
            var best = EditDistance.Closest(token, names, minimumTolerance: 2, ignoreCase: true);
            return $"error: '{token}' is not a command of '{Path(result)}'; "
                + (best is null ? $"its commands: {Commands(command)}" : $"did you mean '{best}'?");
        }

        var extra = $"error: '{Path(result)}' takes {Arguments(command)}; '{token}' is one too many: {Usage(result)}";
        // 'workflows run NAME STEP': a step is chosen with --step.
        return command.Options.Any(o => o.Name == "--step") ? extra + $"; to run one step: '{Path(result)} {Values(result)} --step {token}'" : extra;
    }

    /// <summary>
    /// <c>'docker' is not a valid value of '--runtime': expected container or host</c> for an option whose value did not
    /// parse: the choices come from its help name (<c>container|host</c>), a number option says so.
    /// </summary>
    private static string? InvalidValue(ParseError error)
    {
        var optionResult = error.SymbolResult as OptionResult ?? (error.SymbolResult as ArgumentResult)?.Parent as OptionResult;
        if (optionResult is null || optionResult.Tokens.Count == 0)
        {
            return null;
        }

        var option = optionResult.Option;
        var isNumber = option.ValueType == typeof(int) || option.ValueType == typeof(int?);
        // A number that parsed failed the option's own validator ('--max-parallel 0'): its message says what fits.
        if (isNumber && int.TryParse(optionResult.Tokens[^1].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        var expected = isNumber
            ? "a whole number"
            : option.HelpName is { } help && help.Contains('|', StringComparison.Ordinal)
                ? OneOf(help.Split('|'))
                : null;
        return expected is null ? null : $"'{optionResult.Tokens[^1].Value}' is not a valid value of '{option.Name}': expected {expected}";
    }

    /// <summary><c>a, b or c</c>.</summary>
    internal static string OneOf(IReadOnlyList<string> choices) =>
        choices.Count == 1 ? choices[0] : $"{string.Join(", ", choices.Take(choices.Count - 1))} or {choices[^1]}";

    /// <summary><c>polycrate-build run BLOCK|WORKFLOW [ACTION] [options]</c>.</summary>
    private static string Usage(CommandResult result) =>
        $"'{Path(result)} {string.Join(' ', result.Command.Arguments.Where(a => !a.Hidden).Select(a => a.Arity.MinimumNumberOfValues == 0 ? $"[{a.Name}]" : a.Name))} [options]'";

    private static string Arguments(Command command)
    {
        var max = command.Arguments.Sum(a => a.Arity.MaximumNumberOfValues);
        var names = string.Join(' ', command.Arguments.Select(a => a.Arity.MinimumNumberOfValues == 0 ? $"[{a.Name}]" : a.Name));
        return max == 0 ? "no arguments" : max == 1 ? $"one argument ({names})" : $"at most {max} arguments ({names})";
    }

    private static string Values(CommandResult result) =>
        string.Join(' ', result.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value));

    private static bool HasValue(CommandResult result, Argument argument) =>
        result.Children.OfType<ArgumentResult>().Any(a => a.Argument == argument && a.Tokens.Count > 0);

    private static string Commands(Command command) =>
        string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));

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
    internal static string Path(CommandResult result)
    {
        var names = new List<string>();
        for (CommandResult? current = result; current is not null; current = current.Parent as CommandResult)
        {
            names.Insert(0, current.Parent is null ? "polycrate-build" : current.Command.Name);
        }

        return string.Join(' ', names);
    }
}
