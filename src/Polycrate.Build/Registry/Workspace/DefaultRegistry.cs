using Polycrate.Build.Resolution;

namespace Polycrate.Build.Registry.Workspace;

/// <summary>
/// The registry for block names without a host: <c>--registry</c>, else <see cref="Variable"/>. There is deliberately
/// no built-in public default, so a block is never pushed to a registry nobody chose.
/// </summary>
public static class DefaultRegistry
{
    public const string Variable = "POLYCRATE_REGISTRY_URL";

    /// <summary><c>host[:port][/path-prefix]</c> without scheme or trailing '/', or null when none is configured.</summary>
    public static string? Resolve(string? option, Func<string, string?> getEnvironmentVariable)
    {
        var value = string.IsNullOrWhiteSpace(option) ? getEnvironmentVariable(Variable) : option;
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
