using Polycrate.Build.Registry;
namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>A packed block: the reference it would be pushed as (tagged), its manifest digest, and the OCI layout directory.</summary>
public sealed record BlockPackResult(ImageReference Reference, string Digest, string LayoutDirectory);
