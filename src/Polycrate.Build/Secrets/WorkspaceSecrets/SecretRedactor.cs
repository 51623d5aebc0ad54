using Polycrate.Build.Model;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// Replaces known secret values with <see cref="SecretNames.Mask"/> in action output before it is logged.
/// The values of a run are: string config values (workspace globals, block and action config, at any depth)
/// whose key <see cref="SecretNames.LooksSecret"/> or is listed in a <c>secret_keys:</c> list of that config;
/// <c>extraenv</c>/container env values with secret-looking names; and the content of each provisioned secret
/// file that is a single line (a token file). Multi-line files (keys, kubeconfigs) are not matched line by
/// line: their lines are mostly not secret. Values shorter than <see cref="MinimumLength"/> are ignored, so
/// masking does not shred ordinary output. Matching is exact text, longest value first, line by line; each value is
/// also matched in its JSON-escaped, percent-encoded and base64 forms (<see cref="SecretEncodings"/>).
/// </summary>
internal sealed class SecretRedactor
{
    /// <summary>Shorter values would match ordinary words and numbers.</summary>
    public const int MinimumLength = 6;

    /// <summary>Larger secret files are not read for redaction.</summary>
    public const int MaximumFileSize = 4096;

    public const string SecretKeysKey = "secret_keys";

    private readonly List<string> _values;

    public SecretRedactor(IEnumerable<string> values)
    {
        var plain = values
            .SelectMany(v => v.Contains('\n', StringComparison.Ordinal) ? [.. v.Split('\n'), v.Trim()] : new[] { v })
            .Select(v => v.Trim())
            .Where(v => v.Length >= MinimumLength)
            .ToList();
        // Longest first, so a value is masked whole before a shorter value inside it could split it.
        _values = plain
            .Concat(plain.SelectMany(SecretEncodings.Of))
            .Where(v => v.Length >= MinimumLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ToList();
    }

    /// <summary>A redactor that changes nothing.</summary>
    public static SecretRedactor None { get; } = new([]);

    public int ValueCount => _values.Count;

    /// <summary>The values of one action run (see the class summary); <paramref name="secrets"/> may be null when none were provisioned.</summary>
    public static async Task<SecretRedactor> ForRunAsync(
        Model.Workspace workspace,
        Block block,
        BlockAction action,
        ProvisionedSecrets? secrets,
        CancellationToken ct)
    {
        var values = new List<string>();
        foreach (var config in new[] { workspace.Globals, block.Config, action.Config })
        {
            CollectConfig(config, values);
        }

        values.AddRange(workspace.ExtraEnv.Concat(workspace.Settings.ContainerEnv).Where(e => SecretNames.LooksSecret(e.Name)).Select(e => e.Value));
        foreach (var secret in secrets?.Secrets ?? [])
        {
            var file = new FileInfo(secret.HostPath);
            if (file.Exists && file.Length <= MaximumFileSize)
            {
                var content = (await File.ReadAllTextAsync(file.FullName, ct)).Trim();
                if (!content.Contains('\n', StringComparison.Ordinal))
                {
                    values.Add(content);
                }
            }
        }

        return new SecretRedactor(values);
    }

    /// <summary>Returns <paramref name="text"/> with every known value replaced by the mask.</summary>
    public string Redact(string text)
    {
        foreach (var value in _values)
        {
            text = text.Replace(value, SecretNames.Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Collects values of secret keys in <paramref name="map"/> and its nested maps and lists.</summary>
    internal static void CollectConfig(ConfigMap map, List<string> values)
    {
        var listed = map[SecretKeysKey] is ConfigList keys
            ? keys.Items.OfType<ConfigScalar>().Select(k => k.Text).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var (key, value) in map.Entries)
        {
            var secret = SecretNames.LooksSecret(key) || listed.Contains(key);
            Collect(value, secret, values);
        }
    }

    private static void Collect(ConfigValue value, bool secret, List<string> values)
    {
        switch (value)
        {
            case ConfigScalar { Kind: ScalarKind.String } scalar when secret:
                values.Add(scalar.Text);
                break;
            case ConfigMap child:
                CollectConfig(child, values);
                break;
            case ConfigList list:
                foreach (var item in list.Items)
                {
                    Collect(item, secret, values);
                }

                break;
        }
    }
}
