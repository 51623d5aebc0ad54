using Polycrate.Build.Registry;
namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>What <c>blocks push NAME</c> asks for.</summary>
/// <param name="BlockName">The block's name in the workspace.</param>
public sealed record BlockPushOptions(string BlockName)
{
    /// <summary><c>--registry host[:port][/prefix]</c> for a block whose name and directory name no host; else <see cref="DefaultRegistry.Variable"/>.</summary>
    public string? Registry { get; init; }

    /// <summary>Move a version tag that already holds other content.</summary>
    public bool Force { get; init; }

    /// <summary>Also point <c>latest</c> at the pushed block (never done implicitly).</summary>
    public bool TagLatest { get; init; }

    /// <summary><c>org.opencontainers.image.source</c>, e.g. the repository URL.</summary>
    public string? Source { get; init; }
}
