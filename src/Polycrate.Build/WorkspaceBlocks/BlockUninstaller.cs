using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// <c>blocks uninstall NAME</c>: removes an installed block's directory below the blocks root and its blocks.lock pin
/// (Polycrate's hidden command of the same name); <c>prune</c> also removes its artifacts directory. Instances and
/// blocks defined only in workspace.poly have no directory of their own and are refused, so uninstalling an instance
/// can never delete the parent block it shares its directory with.
/// </summary>
internal static class BlockUninstaller
{
    /// <summary>Removes the block; returns the removed directories relative to the workspace root ('/'-separated).</summary>
    /// <exception cref="NotFoundException">No such block, or it has no directory of its own below the blocks root.</exception>
    public static async Task<IReadOnlyList<string>> UninstallAsync(Model.Workspace workspace, string name, bool prune, CancellationToken cancellationToken)
    {
        var block = Lookup.Block(workspace, name);
        var blocksRoot = Path.GetFullPath(Path.Combine(workspace.RootPath, workspace.Settings.BlocksRoot)) + Path.DirectorySeparatorChar;
        if (block.From is not null || block.Workdir is null || !Path.GetFullPath(block.Workdir).StartsWith(blocksRoot, StringComparison.Ordinal))
        {
            throw new NotFoundException(block.From is not null
                ? $"block '{name}' is an instance of '{block.From}' and has no directory of its own; remove its entry from workspace.poly instead"
                : $"block '{name}' is not installed below {workspace.Settings.BlocksRoot}/ (it is defined in workspace.poly); remove its entry there instead");
        }

        var removed = new List<string>();
        var relative = Relative(workspace, block.Workdir);
        Directory.Delete(block.Workdir, recursive: true);
        removed.Add(relative);
        var lockFile = await BlockLockFile.LoadAsync(workspace.RootPath, cancellationToken);
        if (lockFile.FindByPath(relative) is not null)
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

    private static string Relative(Model.Workspace workspace, string path) =>
        Path.GetRelativePath(workspace.RootPath, path).Replace(Path.DirectorySeparatorChar, '/');
}
