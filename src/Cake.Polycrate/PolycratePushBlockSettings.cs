namespace Cake.Polycrate;

/// <summary>
/// Settings of <see cref="PolycratePushBlockAliases.PolycratePushBlock"/>. <see cref="PolycrateSettings.Force"/> here
/// moves a version tag that already holds other content (like <c>blocks push --force</c>).
/// </summary>
public sealed class PolycratePushBlockSettings : PolycrateSettings
{
    /// <summary>Registry <c>host[:port][/prefix]</c> for a block whose name and folder name no host; default $POLYCRATE_REGISTRY_URL.</summary>
    public string? Registry { get; set; }

    /// <summary>Also point <c>latest</c> at the pushed block (never done implicitly).</summary>
    public bool TagLatest { get; set; }

    /// <summary><c>org.opencontainers.image.source</c> of the artifact, e.g. the repository URL.</summary>
    public string? Source { get; set; }
}
