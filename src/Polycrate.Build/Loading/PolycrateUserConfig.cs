using Polycrate.Build.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>
/// Polycrate's own user configuration, <c>~/.polycrate/polycrate.yml</c> (polycrate.md §2), which Polycrate users already
/// have. Its <c>registry.url</c> — the registry of block references without a host — is honoured, after
/// <c>POLYCRATE_REGISTRY_URL</c> and the workspace's own <c>registry.url</c>. The keys that changed what Polycrate did
/// with a workspace and have no effect here (<c>loglevel</c>, <c>kubeconfig</c>, <c>auto_commit: true</c>) are warning
/// PCB1021 at their line; the others configure Polycrate's own CLI and services (hub, Backplane, log format, update
/// checks) and are left alone. A file that cannot be read as YAML is one warning: it belongs to another tool.
/// </summary>
internal static class PolycrateUserConfig
{
    /// <summary>The file below the home directory.</summary>
    public static readonly string RelativePath = Path.Combine(".polycrate", "polycrate.yml");

    /// <summary><c>registry.url</c> of <c>$HOME/.polycrate/polycrate.yml</c>, or null (no HOME, no file, no key).</summary>
    public static async Task<string?> ReadRegistryAsync(Func<string, string?> getVariable, InputLimits limits, DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        if (getVariable("HOME") is not { Length: > 0 } home || Path.Combine(home, RelativePath) is var path && !File.Exists(path))
        {
            return null;
        }

        var own = new DiagnosticBag();
        var text = await PolyFileReader.ReadAsync(path, limits, own, cancellationToken);
        var file = text is null ? null : YamlFile.Parse(path, text, own, limits);
        if (own.Items is [var problem, ..] || file?.Root is not YamlMappingNode)
        {
            diagnostics.Warning(DiagnosticCodes.NotSupported, $"Polycrate's user configuration is not read: {(own.Items is [var first, ..] ? first.Message : "it is not a mapping")}",
                own.Items is [var at, ..] ? at.Location : new SourceLocation(path, 1, 1), "fix or remove the file; POLYCRATE_REGISTRY_URL sets the default registry too");
            return null;
        }

        var reader = new MappingReader((YamlMappingNode)file.Root, file, own, "polycrate.yml");
        WarnNoEffect(reader, "loglevel", "Polycrate set Ansible's verbosity from it", "pass --loglevel N (or -v) to the run");
        WarnNoEffect(reader, "kubeconfig", "Polycrate fell back to that kubeconfig", "put the kubeconfig into the workspace (artifacts/secrets/kubeconfig.yml or kubeconfig.filename)");
        if (reader.Bool("auto_commit") is true)
        {
            WarnNoEffect(reader, "auto_commit", "Polycrate committed the workspace before each action", "pass --commit, or set 'git: {autocommit: true}' in workspace.poly");
        }

        var registry = reader.Mapping("registry")?.String("url");
        foreach (var item in own.Items)
        {
            diagnostics.Add(item with { Severity = DiagnosticSeverity.Warning });
        }

        return registry;
    }

    private static void WarnNoEffect(MappingReader reader, string key, string polycrate, string instead)
    {
        if (reader.Node(key) is { } node && !MappingReader.IsNull(node))
        {
            reader.Diagnostics.Warning(DiagnosticCodes.NotSupported, $"polycrate.yml: '{key}' has no effect in polycrate-build ({polycrate})", reader.File.LocationOf(node), instead);
        }
    }
}
