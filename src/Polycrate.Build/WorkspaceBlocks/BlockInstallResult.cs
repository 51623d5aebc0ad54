using Polycrate.Build.Registry;
namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// An installed block: the reference as pulled, the pinned manifest digest, where it lives, its name and version,
/// and the digest the lock held before (null for a first install).
/// </summary>
public sealed record BlockInstallResult(ImageReference Reference, string Digest, string Directory, string Name, string? Version, string? PreviousDigest);
