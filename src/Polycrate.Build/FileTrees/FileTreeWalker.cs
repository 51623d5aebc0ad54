namespace Polycrate.Build.FileTrees;

/// <summary>
/// Lists the files, directories and symbolic links below a root that a caller's rules keep, in ordinal order of
/// their slash-separated relative paths (the root itself is not listed). Links are listed, never followed; files
/// are never opened, so FIFOs and sockets cannot block the walk. Read errors surface as the
/// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> of the directory that failed.
/// </summary>
internal static class FileTreeWalker
{
    /// <param name="root">Absolute directory to walk.</param>
    /// <param name="decide">Called once a path with (relative path, is a real directory); see <see cref="WalkDecision"/>.</param>
    /// <param name="dropEmptiedDirectories">
    /// Leave out a directory that holds entries but none that were kept (image contexts: writing secrets into an
    /// otherwise empty <c>artifacts/</c> must not change the context). A directory empty on disk is always kept.
    /// </param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static IReadOnlyList<FileTreeEntry> Walk(
        string root, Func<string, bool, WalkDecision> decide, bool dropEmptiedDirectories, CancellationToken cancellationToken)
    {
        var entries = new List<FileTreeEntry>();
        Walk(root, new DirectoryInfo(root), decide, dropEmptiedDirectories, entries, cancellationToken);
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return entries;
    }

    private static void Walk(
        string root, DirectoryInfo directory, Func<string, bool, WalkDecision> decide, bool dropEmptiedDirectories,
        List<FileTreeEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var info in directory.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(root, info.FullName).Replace('\\', '/');
            var isRealDirectory = info is DirectoryInfo && info.LinkTarget is null;
            var decision = decide(relative, isRealDirectory);
            if (decision == WalkDecision.Exclude)
            {
                continue;
            }

            if (!isRealDirectory)
            {
                if (decision == WalkDecision.Include)
                {
                    entries.Add(FileTreeEntry.Of(info, relative));
                }

                continue;
            }

            var position = entries.Count;
            Walk(root, (DirectoryInfo)info, decide, dropEmptiedDirectories, entries, cancellationToken);
            var keep = decision == WalkDecision.Include
                && (!dropEmptiedDirectories || entries.Count > position || !Directory.EnumerateFileSystemEntries(info.FullName).Any());
            if (keep)
            {
                entries.Insert(position, FileTreeEntry.Of(info, relative));
            }
        }
    }
}
