using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// <c>blocks uninstall NAME</c>: removes an installed block's directory below the blocks root and its blocks.lock pin
/// (Polycrate's hidden command of the same name); <c>prune</c> also removes its artifacts directory. Instances and
/// blocks defined only in workspace.poly have no directory of their own and are refused, so uninstalling an instance
/// can never delete the parent block it shares its directory with. A block that was not pulled (no pin in blocks.lock, not
/// below <c>blocks/&lt;registry-host&gt;/</c> where Polycrate installs) is someone's own work that no pull brings back: refused
/// (PCB2005) unless <c>force</c>.
/// </summary>
internal static class BlockUninstaller
{
    /// <summary>Removes the block; returns the removed directories relative to the workspace root ('/'-separated).</summary>
    /// <exception cref="NotFoundException">No such block, or it has no directory of its own below the blocks root.</exception>
    /// <exception cref="UninstallRefusedException">The block was not pulled from a registry and <paramref name="force"/> is false.</exception>
    public static async Task<IReadOnlyList<string>> UninstallAsync(Model.Workspace workspace, string name, bool prune, bool force,
        CancellationToken cancellationToken)
    {
        var block = Lookup.Block(workspace, name);
        var blocksRoot = Path.GetFullPath(Path.Combine(workspace.RootPath, workspace.Settings.BlocksRoot)) + Path.DirectorySeparatorChar;
        if (block.From is not null || block.Workdir is null || !Path.GetFullPath(block.Workdir).StartsWith(blocksRoot, StringComparison.Ordinal))
        {
            throw new NotFoundException(block.From is not null
                ? $"block '{name}' is an instance of '{block.From}' and has no directory of its own; remove its entry from workspace.poly instead"
                : $"block '{name}' is not installed below {workspace.Settings.BlocksRoot}/ (it is defined in workspace.poly); remove its entry there instead");
        }

        var relative = Relative(workspace, block.Workdir);
        var lockFile = await BlockLockFile.LoadAsync(workspace.RootPath, cancellationToken);
        var pinned = lockFile.FindByPath(relative) is not null;
        if (!force && !pinned && !BelowRegistryHost(workspace, block.Workdir))
        {
            throw new UninstallRefusedException($"block '{name}' in {relative} was not pulled from a registry (blocks.lock has no pin for it): "
                + "its files exist nowhere else, so nothing was deleted. Delete the directory yourself, or pass --force to remove it");
        }

        var removed = new List<string>();
        Directory.Delete(block.Workdir, recursive: true);
        removed.Add(relative);
        if (pinned)
        {
            await lockFile.WithoutPath(relative).WriteAsync(workspace.RootPath, CancellationToken.None);
        }

        var artifacts = Path.Combine(workspace.RootPath, workspace.Settings.ArtifactsRoot, "blocks", block.Name);
        if (prune && Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
            removed.Add(Relative(workspace, artifacts));
        }

        return removed;
    }

    /// <summary>Installed by a pull, also Polycrate's (no blocks.lock): <c>blocks/&lt;host&gt;/…</c>, the host with '.' or ':' or localhost.</summary>
    private static bool BelowRegistryHost(Model.Workspace workspace, string workdir)
    {
        var below = Path.GetRelativePath(Path.Combine(workspace.RootPath, workspace.Settings.BlocksRoot), workdir).Split(Path.DirectorySeparatorChar);
        return below.Length > 1 && (below[0].Contains('.', StringComparison.Ordinal) || below[0].Contains(':', StringComparison.Ordinal) || below[0] == "localhost");
    }

    private static string Relative(Model.Workspace workspace, string path) =>
        Path.GetRelativePath(workspace.RootPath, path).Replace(Path.DirectorySeparatorChar, '/');
}
