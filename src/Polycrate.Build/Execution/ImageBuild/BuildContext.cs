using Polycrate.Build.FileTrees;

namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>
/// The files an image build sends to the engine, in path order, and the content hash over the Dockerfile path and
/// every entry (path, kind, mode, content or link target). Equal hash ⇔ equal build input.
/// </summary>
/// <param name="Root">Absolute context root (the workspace root).</param>
/// <param name="Dockerfile">Dockerfile path relative to the root, slash-separated.</param>
/// <param name="Entries">Files, directories and links in ordinal path order.</param>
/// <param name="Hash">SHA-256 in hex, lower case.</param>
internal sealed record BuildContext(string Root, string Dockerfile, IReadOnlyList<BuildContextEntry> Entries, string Hash)
{
    /// <summary>Absolute paths of the regular files and links in the context: the build's inputs (MSBuild Inputs).</summary>
    public IReadOnlyList<string> InputFiles =>
        Entries.Where(e => e.Kind != FileTreeEntryKind.Directory).Select(e => e.FullPath).ToList();
}
