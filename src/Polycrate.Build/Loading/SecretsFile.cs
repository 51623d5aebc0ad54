using System.Text;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using Polycrate.Build.Resolution;
using Polycrate.Build.Secrets.Age;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Loading;

/// <summary>
/// Polycrate's <c>secrets.poly</c> beside workspace.poly: <c>blocks: [{name, config}]</c> whose config is merged over the
/// workspace entry of the same name (explicit override wins, as everywhere). Read as plaintext when present, else
/// <c>secrets.poly.age</c> is decrypted in memory with the workspace key; the plaintext is never written anywhere.
/// Every key it sets is added to that config level's <c>secret_keys</c>, so its values are masked in output, logs and
/// inspect like any secret, while the action itself gets the real values.
/// </summary>
internal static class SecretsFile
{
    public const string FileName = "secrets.poly";

    /// <summary>The blocks of secrets.poly (name and config only); empty when there is none or it cannot be decrypted (a warning says why).</summary>
    public static async Task<IReadOnlyList<Block>> ReadAsync(string root, Func<string, string?> getVariable, DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, FileName);
        string? text = null;
        if (File.Exists(path))
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        else if (File.Exists(path + WorkspaceSecret.Extension))
        {
            text = await DecryptAsync(path + WorkspaceSecret.Extension, getVariable, diagnostics, cancellationToken);
        }

        return text is null ? [] : Parse(path, text, diagnostics);
    }

    /// <summary>
    /// Warning PCB1047 for each secrets.poly entry that names no block of the workspace (a typo: <c>postgress</c>): its secret
    /// values reach no action, which nobody would notice until the action fails for want of them.
    /// </summary>
    public static void WarnUnknownBlocks(IReadOnlyList<Block> secrets, IReadOnlyList<Block> entries, IEnumerable<string> installedNames,
        DiagnosticBag diagnostics)
    {
        if (secrets.Count == 0)
        {
            return;
        }

        var known = entries.Select(e => e.Name).Concat(installedNames).Distinct(StringComparer.Ordinal).ToList();
        foreach (var secret in secrets.Where(s => !known.Contains(s.Name, StringComparer.Ordinal)))
        {
            var closest = EditDistance.Closest(secret.Name, known, minimumTolerance: 2, ignoreCase: false);
            diagnostics.Warning(DiagnosticCodes.SecretsForUnknownBlock,
                $"{FileName} sets config for block '{MessageText.Cut(secret.Name)}', which the workspace does not have: these values reach no action",
                secret.Location, closest is not null ? $"did you mean '{closest}'?" : $"use the name of a block in workspace.poly or under blocks/");
        }
    }

    /// <summary>The workspace entries with secrets.poly's config merged over them; a name without an entry becomes a config-only entry.</summary>
    public static IReadOnlyList<Block> MergeInto(IReadOnlyList<Block> entries, IReadOnlyList<Block> secrets)
    {
        if (secrets.Count == 0)
        {
            return entries;
        }

        var result = entries.ToList();
        foreach (var secret in secrets)
        {
            var index = result.FindIndex(e => e.Name == secret.Name);
            var merged = index < 0 ? secret.Config : ConfigMerger.Merge(secret.Config, result[index].Config);
            var marked = MarkSecret(merged, secret.Config);
            if (index < 0)
            {
                result.Add(secret with { Config = marked });
            }
            else
            {
                result[index] = result[index] with { Config = marked };
            }
        }

        return result;
    }

    private static List<Block> Parse(string path, string text, DiagnosticBag diagnostics)
    {
        var file = YamlFile.Parse(path, text, diagnostics);
        var reader = MappingReader.From(file.Root, file, diagnostics, "secrets");
        var blocks = new List<Block>();
        if (reader is null)
        {
            return blocks;
        }

        var nodes = reader.Sequence("blocks") ?? [];
        for (var i = 0; i < nodes.Count; i++)
        {
            var entry = MappingReader.From(nodes[i], file, diagnostics, $"secrets.blocks[{i}]");
            var name = entry?.String("name", required: true);
            if (entry is null || name is null)
            {
                continue;
            }

            blocks.Add(new Block { Name = name, Config = entry.ConfigMap("config") ?? ConfigMap.Empty, Location = entry.Location });
            entry.ReportUnknownKeys();
        }

        reader.ReportUnknownKeys();
        return blocks;
    }

    private static async Task<string?> DecryptAsync(string path, Func<string, string?> getVariable, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var identities = await IdentitySource.From(null, getVariable).TryLoadAsync(cancellationToken);
        if (identities is null)
        {
            diagnostics.Warning(DiagnosticCodes.SecretsFileLocked, $"{FileName}{WorkspaceSecret.Extension} is encrypted and no key is set, so its values are not applied",
                new SourceLocation(path, 1, 1), $"{IdentitySource.NoKeyAdvice}, or run 'polycrate-build workspace decrypt'");
            return null;
        }

        await using var input = File.OpenRead(path);
        using var output = new MemoryStream();
        await AgeDecryptor.DecryptAsync(input, output, identities, path, cancellationToken);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>Adds every key <paramref name="fromSecrets"/> sets (leaves and lists) to the <c>secret_keys</c> of its level in <paramref name="merged"/>.</summary>
    private static ConfigMap MarkSecret(ConfigMap merged, ConfigMap fromSecrets)
    {
        var entries = merged.Entries.Select(e => fromSecrets[e.Key] is ConfigMap secretChild && e.Value is ConfigMap mergedChild
            ? new KeyValuePair<string, ConfigValue>(e.Key, MarkSecret(mergedChild, secretChild))
            : e).ToList();
        var leaves = fromSecrets.Entries.Where(e => e.Value is not ConfigMap).Select(e => e.Key).ToList();
        if (leaves.Count == 0)
        {
            return new ConfigMap(entries);
        }

        var existing = merged[SecretRedactor.SecretKeysKey] is ConfigList list ? list.Items.OfType<ConfigScalar>().Select(s => s.Text) : [];
        var keys = existing.Concat(leaves).Distinct(StringComparer.Ordinal).Select(k => (ConfigValue)ConfigScalar.String(k)).ToList();
        entries.RemoveAll(e => e.Key == SecretRedactor.SecretKeysKey);
        entries.Add(new(SecretRedactor.SecretKeysKey, new ConfigList(keys)));
        return new ConfigMap(entries);
    }
}
