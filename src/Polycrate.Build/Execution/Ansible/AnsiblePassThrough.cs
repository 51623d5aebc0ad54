using Polycrate.Build.Model;
using Polycrate.Build.Secrets;
using Polycrate.Build.Text;

namespace Polycrate.Build.Execution.Ansible;

/// <summary>
/// ansible-playbook options a run passes through to every playbook action it runs (CLI <c>--limit</c> …, MSBuild
/// <c>PolycrateLimit</c> …, Cake settings). Values are kept as given: paths in <see cref="ExtraVars"/> (<c>@file</c>)
/// and <see cref="VaultPasswordFile"/> should be absolute (front ends resolve them against their working directory);
/// relative ones are taken relative to the workspace root.
/// </summary>
public sealed record AnsiblePassThrough
{
    /// <summary>No pass-through at all (the default of <see cref="RunOptions"/>).</summary>
    public static AnsiblePassThrough None { get; } = new();

    /// <summary><c>--limit PATTERN</c>: only these hosts/groups (Ansible's host pattern syntax).</summary>
    public string? Limit { get; init; }

    /// <summary><c>--tags a,b</c>.</summary>
    public string? Tags { get; init; }

    /// <summary><c>--skip-tags a,b</c>.</summary>
    public string? SkipTags { get; init; }

    /// <summary><c>--check</c>: Ansible's dry run, nothing is changed on the hosts.</summary>
    public bool Check { get; init; }

    /// <summary><c>--diff</c>: show what changes (or would change, with <see cref="Check"/>).</summary>
    public bool Diff { get; init; }

    /// <summary>
    /// <c>--extra-vars</c> values, in order (later ones win, and all of them win over the snapshot): <c>key=value …</c>,
    /// a JSON/YAML mapping, or <c>@file</c>. They reach the action through a private file, never its argument list.
    /// </summary>
    public IReadOnlyList<string> ExtraVars { get; init; } = [];

    /// <summary>
    /// <c>--vault-password-file FILE</c>. A secret under artifacts/secrets that exists only encrypted
    /// (<c>FILE.age</c>) is decrypted for the run like every other secret.
    /// </summary>
    public string? VaultPasswordFile { get; init; }

    /// <summary>True when no option is set: nothing is passed to ansible-playbook and the run log has no <c>ansible:</c> section.</summary>
    public bool IsEmpty => this == None || (Limit is null && Tags is null && SkipTags is null && !Check && !Diff && ExtraVars.Count == 0 && VaultPasswordFile is null);

    /// <summary>Options that only ansible-playbook understands (script actions only get the <c>ANSIBLE_*</c> variables).</summary>
    public bool HasPlaybookOnlyOptions => Limit is not null || Check || ExtraVars.Count > 0;

    /// <summary>
    /// The <c>ansible:</c> section of the run log: every option as given, except that values of secret-looking
    /// extra vars (<c>db_password=…</c>) and inline JSON/YAML mappings are masked.
    /// </summary>
    public ConfigMap ToLogSection() => ConfigMap.Of(
        ("limit", Text(Limit)),
        ("tags", Text(Tags)),
        ("skip_tags", Text(SkipTags)),
        ("check", Check ? ConfigScalar.Bool(true) : null),
        ("diff", Diff ? ConfigScalar.Bool(true) : null),
        ("extra_vars", ExtraVars.Count == 0 ? null : new ConfigList(ExtraVars.Select(v => (ConfigValue)ConfigScalar.String(MaskExtraVars(v))).ToList())),
        ("vault_password_file", Text(VaultPasswordFile)));

    /// <summary>An extra-vars value as people may see it: <c>@file</c> as is, <c>key=value</c> pairs with secret-looking keys masked, mappings masked whole.</summary>
    public static string MaskExtraVars(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith('@'))
        {
            return trimmed;
        }

        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return "(inline mapping, " + SecretNames.Mask + ")";
        }

        return string.Join(' ', ShellWords.Split(trimmed).Select(pair =>
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            return separator > 0 && SecretNames.LooksSecret(pair[..separator]) ? pair[..(separator + 1)] + SecretNames.Mask : pair;
        }));
    }

    private static ConfigScalar? Text(string? value) => value is null ? null : ConfigScalar.String(value);
}
