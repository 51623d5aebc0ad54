namespace Polycrate.Build.FileTrees;

/// <summary>One file, directory or symbolic link found by <see cref="FileTreeWalker"/>.</summary>
/// <param name="Path">Slash-separated path relative to the walked root.</param>
/// <param name="FullPath">Absolute path on disk.</param>
/// <param name="Kind">File, directory or symbolic link.</param>
/// <param name="Mode">Mode bits as on disk (setuid/setgid/sticky included); 0 on Windows, which has none: each use picks its default.</param>
/// <param name="LinkTarget">Target of a symbolic link as stored in the link; null otherwise.</param>
/// <param name="Length">Size of a file in bytes at walk time (0 for special files); 0 for directories and links.</param>
internal record FileTreeEntry(
    string Path,
    string FullPath,
    FileTreeEntryKind Kind,
    UnixFileMode Mode,
    string? LinkTarget,
    long Length)
{
    /// <summary>Describes <paramref name="info"/> without following a link or opening a file.</summary>
    /// <param name="info">The file system object.</param>
    /// <param name="relativePath">Its slash-separated path relative to the tree's root.</param>
    public static FileTreeEntry Of(FileSystemInfo info, string relativePath)
    {
        var mode = OperatingSystem.IsWindows() ? 0 : info.UnixFileMode;
        if (info.LinkTarget is { } target)
        {
            return new FileTreeEntry(relativePath, info.FullName, FileTreeEntryKind.SymbolicLink, mode, target, 0);
        }

        return info is FileInfo file
            ? new FileTreeEntry(relativePath, info.FullName, FileTreeEntryKind.File, mode, null, file.Length)
            : new FileTreeEntry(relativePath, info.FullName, FileTreeEntryKind.Directory, mode, null, 0);
    }
}
