namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>How a <c>from:</c> registry reference relates to the installed block and blocks.lock.</summary>
internal enum BlockPinStatus
{
    /// <summary>Installed, pinned in blocks.lock, and its version is the one <c>from:</c> asks for.</summary>
    Matches,

    /// <summary>Installed, but with another version than <c>from:</c> asks for.</summary>
    VersionMismatch,

    /// <summary>Installed, but not through a pull: blocks.lock has no digest for it.</summary>
    NotLocked,

    /// <summary>Not installed; a run with --blocks-auto-pull (or <c>blocks pull</c>) installs it.</summary>
    NotInstalled,
}
