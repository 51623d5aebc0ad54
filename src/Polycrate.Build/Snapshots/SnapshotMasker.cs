using Polycrate.Build.Model;
using Polycrate.Build.Secrets;

namespace Polycrate.Build.Snapshots;

/// <summary>
/// Masks a snapshot for people and files that show it (<c>workspace snapshot</c>, <c>--snapshot</c>, inspect output):
/// every scalar whose key looks secret (<see cref="SecretNames.LooksSecret"/>) at any depth — config values, <c>env</c>
/// entries, flattened variables such as <c>BLOCK_CONFIG_DB_PASSWORD</c> — and <c>extraenv</c> items <c>KEY=value</c> with a
/// secret-looking KEY; a redact function may replace further known values (e.g. <c>secret_keys:</c>) in strings.
/// The snapshot an action receives is never masked.
/// </summary>
internal static class SnapshotMasker
{
    public static ConfigMap Mask(ConfigMap snapshot, Func<string, string>? redact = null) => (ConfigMap)Mask(null, snapshot, redact ?? (s => s));

    private static ConfigValue Mask(string? key, ConfigValue value, Func<string, string> redact) => value switch
    {
        ConfigMap map => new ConfigMap(map.Entries.Select(e => new KeyValuePair<string, ConfigValue>(e.Key, Mask(e.Key, e.Value, redact))).ToList()),
        ConfigList list => new ConfigList(list.Items.Select(i => key == "extraenv" && i is ConfigScalar item ? MaskAssignment(item, redact) : Mask(null, i, redact)).ToList()),
        ConfigScalar { Kind: not ScalarKind.Null } when key is not null && SecretNames.LooksSecret(key) => ConfigScalar.String(SecretNames.Mask),
        ConfigScalar { Kind: ScalarKind.String } scalar => scalar with { Text = redact(scalar.Text) },
        _ => value,
    };

    private static ConfigScalar MaskAssignment(ConfigScalar item, Func<string, string> redact) =>
        item.Text.Split('=', 2) is [var name, _] && SecretNames.LooksSecret(name)
            ? ConfigScalar.String(name + "=" + SecretNames.Mask)
            : item with { Text = redact(item.Text) };
}
