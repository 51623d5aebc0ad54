namespace Polycrate.Build.Engine;

/// <summary>Which workspace a use case works on and how strictly it is loaded.</summary>
/// <param name="Directory">The folder with workspace.poly (absolute, or relative to the current directory).</param>
public sealed record WorkspaceRequest(string Directory)
{
    /// <summary>Warnings (unknown keys …) fail the load (<c>--strict</c> / PolycrateStrict / Strict).</summary>
    public bool Strict { get; init; }

    /// <summary>Keep going when a <c>from:</c> registry block is not installed (runs and pulls install it).</summary>
    public bool AllowMissingBlocks { get; init; } = true;

    /// <summary>
    /// After loading, remove what a killed command left in this workspace (run directories, mount points, interrupted
    /// run logs; no engine calls). The CLI does this before every workspace command.
    /// </summary>
    public bool ReapLeftovers { get; init; }
}
