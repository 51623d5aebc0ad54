using System.CommandLine;
using Polycrate.Build.Execution.Ansible;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// ansible-playbook options passed through by run, actions run and workflows run. Long forms only: <c>-e</c> is
/// Polycrate's <c>--env</c>, not Ansible's extra vars.
/// </summary>
internal sealed class AnsibleOptionSet
{
    public Option<string?> Limit { get; } = new("--limit")
    {
        Description = "Ansible pass-through: run playbooks only against these hosts/groups (Ansible host pattern, e.g. db01.acme-corp.com or 'web_servers:!app02').",
        HelpName = "PATTERN",
    };

    public Option<string?> Tags { get; } = new("--tags")
    {
        Description = "Ansible pass-through: only tasks with these tags (comma-separated); also ANSIBLE_RUN_TAGS for scripts.",
        HelpName = "TAGS",
    };

    public Option<string?> SkipTags { get; } = new("--skip-tags")
    {
        Description = "Ansible pass-through: skip tasks with these tags (comma-separated); also ANSIBLE_SKIP_TAGS for scripts.",
        HelpName = "TAGS",
    };

    public Option<bool> Check { get; } = new("--check")
    {
        Description = "Ansible pass-through: dry run (ansible-playbook --check); playbooks change nothing on the hosts. Script actions still run.",
    };

    public Option<bool> Diff { get; } = new("--diff")
    {
        Description = "Ansible pass-through: show the changes of templates and files (ansible-playbook --diff); also ANSIBLE_DIFF_ALWAYS for scripts.",
    };

    public Option<string[]> ExtraVars { get; } = new("--extra-vars")
    {
        Description = "Ansible pass-through (repeatable): key=value pairs, a JSON mapping or @FILE; they win over the snapshot. " +
            "Passed in a private file, never on a command line; secret-looking values are masked in the run log.",
        HelpName = "VARS",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> VaultPasswordFile { get; } = new("--vault-password-file")
    {
        Description = "Ansible pass-through: vault password file (mounted read-only); a secret under artifacts/secrets that exists only as FILE.age is decrypted for the run.",
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
