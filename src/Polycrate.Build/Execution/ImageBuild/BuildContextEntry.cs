using Polycrate.Build.FileTrees;

namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>One file, directory or symbolic link sent in a build context, with the hash of a file's content.</summary>
internal sealed record BuildContextEntry : FileTreeEntry
{
    /// <param name="entry">The entry as walked (on Windows with mode 0644).</param>
    /// <param name="contentHash">SHA-256 (hex) of a regular file's content; null otherwise.</param>
    public BuildContextEntry(FileTreeEntry entry, string? contentHash)
        : base(entry)
    {
        ContentHash = contentHash;
    }

    /// <summary>SHA-256 (hex) of a regular file's content; null for directories and links.</summary>
    public string? ContentHash { get; }
}
