namespace Cake.Polycrate;

/// <summary>Settings of <see cref="PolycratePullBlockAliases.PolycratePullBlock"/>.</summary>
public sealed class PolycratePullBlockSettings : PolycrateSettings
{
    /// <summary>Accept a tag that now points at other content than blocks.lock pins, and replace a block folder the lock does not know.</summary>
    public bool Update { get; set; }

    /// <summary>Registry <c>host[:port][/prefix]</c> for a reference without host; default $POLYCRATE_REGISTRY_URL.</summary>
    public string? Registry { get; set; }
}
