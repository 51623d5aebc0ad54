namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// One pulled registry block in <see cref="BlockLockFile"/>. A repository has at most one entry: its block lives in one
/// directory, so installing another tag of it replaces the entry.
/// </summary>
/// <param name="Repository"><c>host[:port]/path</c> without tag, e.g. <c>registry.acme-corp.com/acme/iot/edge-ota</c>.</param>
/// <param name="Tag">The tag that was pulled; null when it was pulled by digest.</param>
/// <param name="Digest">The manifest digest the tag pointed at when it was pulled: the pin.</param>
/// <param name="Name">The block's <c>name</c> in its block.poly (full registry path or last path component).</param>
/// <param name="Version">The block's <c>version</c> in its block.poly.</param>
/// <param name="Path">The install directory relative to the workspace root, '/'-separated, e.g. <c>blocks/registry.acme-corp.com/acme/iot/edge-ota</c>.</param>
internal sealed record BlockLockEntry(string Repository, string? Tag, string Digest, string Name, string? Version, string Path);
