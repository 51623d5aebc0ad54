using System.CommandLine;
using Polycrate.Build.Engine;
using Polycrate.Build.Execution.Ansible;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// ansible-playbook options passed through by run, actions run and workflows run. Long forms only: <c>-e</c> is
/// Polycrate's <c>--env</c>, not Ansible's extra vars.
/// </summary>
internal sealed class AnsibleOptionSet
{
    public Option<string?> Limit { get; } = new(RunOptionCatalog.Limit.Cli)
    {
        Description = RunOptionCatalog.Limit.Description,
        HelpName = "PATTERN",
    };

    public Option<string?> Tags { get; } = new(RunOptionCatalog.Tags.Cli)
    {
        Description = RunOptionCatalog.Tags.Description,
        HelpName = "TAGS",
    };

    public Option<string?> SkipTags { get; } = new(RunOptionCatalog.SkipTags.Cli)
    {
        Description = RunOptionCatalog.SkipTags.Description,
        HelpName = "TAGS",
    };

    public Option<bool> Check { get; } = new(RunOptionCatalog.Check.Cli)
    {
        Description = RunOptionCatalog.Check.Description,
    };

    public Option<bool> Diff { get; } = new(RunOptionCatalog.Diff.Cli)
    {
        Description = RunOptionCatalog.Diff.Description,
    };

    public Option<string[]> ExtraVars { get; } = new(RunOptionCatalog.ExtraVars.Cli)
    {
        Description = RunOptionCatalog.ExtraVars.Description,
        HelpName = "VARS",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> VaultPasswordFile { get; } = new(RunOptionCatalog.VaultPasswordFile.Cli)
    {
        Description = RunOptionCatalog.VaultPasswordFile.Description,
        HelpName = "FILE",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Limit, Tags, SkipTags, Check, Diff, ExtraVars, VaultPasswordFile })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options as given; file paths relative to the current directory (as ansible-playbook reads them).</summary>
    public AnsiblePassThrough ToPassThrough(ParseResult parse) => new()
    {
        Limit = NullIfEmpty(parse.GetValue(Limit)),
        Tags = NullIfEmpty(parse.GetValue(Tags)),
        SkipTags = NullIfEmpty(parse.GetValue(SkipTags)),
        Check = parse.GetValue(Check),
        Diff = parse.GetValue(Diff),
        ExtraVars = (parse.GetValue(ExtraVars) ?? []).Select(v => v.StartsWith('@') ? "@" + Path.GetFullPath(v[1..]) : v).ToList(),
        VaultPasswordFile = NullIfEmpty(parse.GetValue(VaultPasswordFile)) is { } vault ? Path.GetFullPath(vault) : null,
    };

    /// <summary>
    /// The command line for the run log: values of <c>--extra-vars</c> masked like <see cref="AnsiblePassThrough.ToLogSection"/>,
    /// and every value of <c>-e/--env KEY=VALUE</c> masked whatever its name (a run's variable may be a secret with any name).
    /// </summary>
    public static IEnumerable<string> MaskSecretValues(IEnumerable<string> tokens)
    {
        var previous = string.Empty;
        foreach (var token in tokens)
        {
            yield return previous == "--extra-vars" ? AnsiblePassThrough.MaskExtraVars(token)
                : token.StartsWith("--extra-vars=", StringComparison.Ordinal) ? "--extra-vars=" + AnsiblePassThrough.MaskExtraVars(token["--extra-vars=".Length..])
                : previous is "-e" or "--env" ? MaskEnv(token)
                : token.StartsWith("--env=", StringComparison.Ordinal) ? "--env=" + MaskEnv(token["--env=".Length..])
                : token;
            previous = token;
        }
    }

    private static string MaskEnv(string assignment) =>
        assignment.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? assignment[..(at + 1)] + Engine.PolycrateNames.SecretMask : assignment;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
