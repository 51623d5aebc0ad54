namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// Maps a block.poly file to the block it defines, and says why a block found by a file glob is not one to publish:
/// an instance (<c>from:</c>) has no files of its own, and a block pulled from a registry (pinned in
/// <see cref="BlockLockFile"/>) belongs to someone else. Front ends that push "every block.poly below blocks/"
/// skip those; a block named explicitly is never skipped (pushing it reports the real problem).
/// </summary>
public static class PublishableBlocks
{
    /// <summary>The block whose directory holds <paramref name="blockFile"/>, or null when the file belongs to an instance whose registry parent is missing.</summary>
    public static string? NameOf(Model.Workspace workspace, string blockFile)
    {
        var file = Path.GetFullPath(blockFile);
        var directory = Path.GetDirectoryName(file)!;
        // An instance takes its parent's directory, so first the block defined in this very file, then the block of this directory.
        var candidates = workspace.Blocks.Where(b => b.Workdir is not null && SamePath(Path.GetFullPath(b.Workdir), directory)).ToList();
        var block = workspace.Blocks.FirstOrDefault(b => SamePath(Path.GetFullPath(b.Location.File), file))
            ?? candidates.FirstOrDefault(b => b.From is null) ?? candidates.FirstOrDefault();
        if (block is not null)
        {
            return block.Name;
        }

        if (workspace.MissingBlocks.Any(m => SamePath(Path.GetFullPath(m.Location.File), file)))
        {
            return null;
        }

        throw new BlockPublishException($"{file} is not a block of workspace '{workspace.Name}' (no loaded block has the directory {directory}); "
            + $"list only block files below {workspace.Settings.BlocksRoot}/ of the workspace at {workspace.RootPath}.");
    }

    /// <summary>Why <paramref name="blockFile"/> is not a block to publish, or null when it is one.</summary>
    public static async Task<string?> SkipReasonAsync(Model.Workspace workspace, string blockFile, CancellationToken cancellationToken)
    {
        if (NameOf(workspace, blockFile) is not { } name)
        {
            return "it is an instance of a registry block that is not installed";
        }

        var block = workspace.FindBlock(name)!;
        if (block.From is not null)
        {
            return $"it is an instance of '{block.From}'";
        }

        var relative = Path.GetRelativePath(workspace.RootPath, block.Workdir!).Replace(Path.DirectorySeparatorChar, '/');
        var lockFile = await BlockLockFile.LoadAsync(workspace.RootPath, cancellationToken);
        var pulled = lockFile.Blocks.FirstOrDefault(e => string.Equals(e.Path.TrimEnd('/'), relative, StringComparison.Ordinal));
        return pulled is null ? null : $"it was pulled from {pulled.Repository} ({BlockLockFile.FileName})";
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
