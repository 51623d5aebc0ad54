namespace Polycrate.Build.Resolution;

/// <summary>
/// A <c>from:</c> value <c>name[:version]</c>. The version is split at the last ':' after the last '/', so a
/// registry host with a port (<c>localhost:5000/acme/app:1.0</c>) parses correctly.
/// </summary>
internal sealed record BlockReference(string Name, string? Version)
{
    public static BlockReference Parse(string text)
    {
        var lastSlash = text.LastIndexOf('/');
        var colon = text.LastIndexOf(':');
        return colon > lastSlash && colon < text.Length - 1
            ? new BlockReference(text[..colon], text[(colon + 1)..])
            : new BlockReference(text.TrimEnd(':'), null);
    }

    /// <summary>A reference whose first path component looks like a registry host (has '.', ':' or is localhost).</summary>
    public bool IsRegistryReference
    {
        get
        {
            var slash = Name.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                return false;
            }

            var host = Name[..slash];
            return host.Contains('.', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal) || host == "localhost";
        }
    }

    /// <summary>
    /// A registry path without host (<c>ayedo/hcloud/k8s</c>): it has a '/' but no host, so when no local block answers
    /// to it, it names a block on the default registry (Polycrate's <c>registry.url</c>, reference §6.1).
    /// </summary>
    public bool IsShortRegistryReference => !IsRegistryReference && Name.Contains('/', StringComparison.Ordinal);

    /// <summary>
    /// This reference with <paramref name="defaultRegistry"/> (<c>host[:port][/prefix]</c>) put in front when it is a
    /// <see cref="IsShortRegistryReference"/>; any other reference is returned unchanged.
    /// </summary>
    public BlockReference Qualify(string defaultRegistry) =>
        IsShortRegistryReference ? this with { Name = $"{defaultRegistry.TrimEnd('/')}/{Name}" } : this;

    public override string ToString() => Version is null ? Name : $"{Name}:{Version}";
}
