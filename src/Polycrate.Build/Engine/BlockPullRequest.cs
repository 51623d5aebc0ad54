namespace Polycrate.Build.Engine;

/// <summary><c>blocks pull</c> / PolycratePullBlocks / PolycratePullBlock: which blocks to install, from where.</summary>
public sealed record BlockPullRequest
{
    /// <summary><c>host[:port]/path[:tag][@digest]</c> each; empty installs every <c>from:</c> block the workspace misses.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Accept a tag that moved away from its blocks.lock pin, and replace an unmanaged block folder.</summary>
    public bool Update { get; init; }

    /// <summary>Registry <c>host[:port][/prefix]</c> for references without host; default $POLYCRATE_REGISTRY_URL.</summary>
    public string? Registry { get; init; }

    /// <summary>Registries (host[:port]) spoken to over plain HTTP; loopback registries always are.</summary>
    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];
}
