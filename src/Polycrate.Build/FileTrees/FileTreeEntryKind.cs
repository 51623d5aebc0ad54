namespace Polycrate.Build.FileTrees;

/// <summary>What a <see cref="FileTreeEntry"/> is on disk. Symbolic links are never followed.</summary>
internal enum FileTreeEntryKind
{
    /// <summary>Anything that is neither a directory nor a link, special files included (they report length 0).</summary>
    File,

    /// <summary>A real directory (not a link to one).</summary>
    Directory,

    /// <summary>A symbolic link, to a file or a directory.</summary>
    SymbolicLink,
}
