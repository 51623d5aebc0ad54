using Polycrate.Build.Resolution;

namespace Polycrate.Build.Registry;

/// <summary>
/// The registry for block references without a host. Pulls and <c>from:</c> use, in this order: <see cref="Variable"/>,
/// the workspace's <c>registry.url</c> (or the 2025 key <c>registry.endpoint</c>), <c>registry.url</c> of Polycrate's
/// <c>~/.polycrate/polycrate.yml</c> (the loader passes it as the setting when the workspace has none), then Polycrate's own default
/// <see cref="Polycrate"/> (reference §2, §6.1), so <c>from: ayedo/hcloud/k8s</c> means what it means to Polycrate.
/// Pushes have deliberately no built-in default (<see cref="Resolve"/>): a block is never pushed to a registry nobody chose.
/// </summary>
internal static class DefaultRegistry
{
    public const string Variable = "POLYCRATE_REGISTRY_URL";

    /// <summary>Polycrate's default registry (<c>registry.url</c> in its global configuration).</summary>
    public const string Polycrate = Model.Workspace.PolycrateRegistry;

    /// <summary><c>host[:port][/path-prefix]</c> without scheme or trailing '/', or null when none is configured.</summary>
    public static string? Resolve(string? option, Func<string, string?> getEnvironmentVariable)
    {
        var value = string.IsNullOrWhiteSpace(option) ? getEnvironmentVariable(Variable) : option;
        return Normalize(value);
    }

    /// <summary>The registry a pull or <c>from:</c> without host goes to: the variable, the workspace setting, else <see cref="Polycrate"/>.</summary>
    /// <param name="workspaceSetting"><c>registry.url</c> / <c>registry.endpoint</c> of workspace.poly, or null.</param>
    /// <param name="getEnvironmentVariable">Reads <see cref="Variable"/>.</param>
    public static string ForPulls(string? workspaceSetting, Func<string, string?> getEnvironmentVariable) =>
        Normalize(getEnvironmentVariable(Variable)) ?? Normalize(workspaceSetting) ?? Polycrate;

    private static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        return (scheme >= 0 ? value[(scheme + 3)..] : value).TrimEnd('/');
    }

    /// <summary>
    /// Parses <paramref name="name"/> (tag or digest optional); when it names no host it goes below <paramref name="registry"/>,
    /// which may carry a path prefix (<c>registry.acme-corp.com/acme/infra</c>).
    /// </summary>
    public static ImageReference Qualify(string name, string? registry)
    {
        if (registry is null || new BlockReference(name, null).IsRegistryReference)
        {
            return ImageReference.Parse(name, registry);
        }

        var slash = registry.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? ImageReference.Parse(name, registry)
            : ImageReference.Parse($"{registry[(slash + 1)..]}/{name}", registry[..slash]);
    }
}
