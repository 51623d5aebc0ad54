namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>One file, directory or symbolic link sent in a build context.</summary>
/// <param name="Path">Slash-separated path relative to the context root.</param>
/// <param name="FullPath">Absolute path on disk.</param>
/// <param name="Kind">File, directory or symbolic link.</param>
/// <param name="Mode">Permission bits (including setuid/setgid/sticky).</param>
/// <param name="LinkTarget">Target of a symbolic link as stored in the link; null otherwise.</param>
/// <param name="ContentHash">SHA-256 (hex) of a regular file's content; null otherwise.</param>
public sealed record BuildContextEntry(
    string Path,
    string FullPath,
    BuildContextEntryKind Kind,
    UnixFileMode Mode,
    string? LinkTarget,
    string? ContentHash);

public enum BuildContextEntryKind
{
    File,
    Directory,
    SymbolicLink,
}
