namespace Polycrate.Build.Execution.Cleanup;

/// <summary>What a <see cref="WorkspaceLeftovers"/> sweep did: paths removed, and blocks moved back into place (full paths).</summary>
internal sealed record LeftoverSweep(IReadOnlyList<string> Removed, IReadOnlyList<string> Restored);
