using System.Formats.Tar;
using System.IO.Compression;

namespace Polycrate.Build.Registry.Archive;

/// <summary>
/// Applies image layers (tar or tar+gzip) onto a directory, in order, honouring OCI/Docker whiteouts
/// (<c>.wh.&lt;name&gt;</c> deletes a lower-layer path, <c>.wh..wh..opq</c> empties a directory of lower-layer
/// content). Refuses absolute names, <c>..</c>, names that are not valid UTF-8, writing through symlinks, links that resolve outside the
/// root, devices and FIFOs; keeps permission bits only (never setuid, setgid or sticky). Meant to extract into
/// a fresh staging directory: on refusal the caller throws the staging directory away.
/// </summary>
internal static class LayerExtractor
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueWhiteout = ".wh..wh..opq";
    private const UnixFileMode PermissionBits = (UnixFileMode)0x1FF;
    private const UnixFileMode DefaultDirectoryMode = (UnixFileMode)0x1ED;

    /// <summary>Applies one layer onto <paramref name="root"/>. The layer stream must be seekable (gzip is sniffed).</summary>
    public static Task ApplyAsync(Stream layer, string root, CancellationToken cancellationToken) =>
        ApplyAsync(layer, root, budget: null, cancellationToken);

    /// <summary>
    /// Applies one layer, counting its decompressed bytes and entries against <paramref name="budget"/> (shared by the
    /// layers of one pull); <see cref="PullLimitException"/> stops it as soon as a limit is crossed.
    /// </summary>
    public static async Task ApplyAsync(Stream layer, string root, ExtractionBudget? budget, CancellationToken cancellationToken)
    {
        var magic = new byte[2];
        var read = await layer.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken);
        layer.Position = 0;
        await using var gzip = read == 2 && magic[0] == 0x1F && magic[1] == 0x8B ? new GZipStream(layer, CompressionMode.Decompress, leaveOpen: true) : null;
        var tar = gzip ?? (Stream)layer;
        await using var reader = new TarReader(budget?.Count(tar, layer.Length) ?? tar, leaveOpen: true);
        var directoryModes = new Dictionary<string, UnixFileMode>(StringComparer.Ordinal);
        var createdInLayer = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            budget?.CountEntry();
            if (entry.EntryType == TarEntryType.GlobalExtendedAttributes)
            {
                continue;
            }

            var name = SafeName(entry.Name);
            if (name is null)
            {
                continue; // the layer root itself
            }

            var path = Path.Combine(root, name);
            EnsureNoSymlinkParents(root, name, entry.Name);
            var leaf = name[(name.LastIndexOf('/') + 1)..];
            if (leaf == OpaqueWhiteout)
            {
                EmptyDirectory(root, Path.GetDirectoryName(path)!, createdInLayer);
                continue;
            }

            if (leaf.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
            {
                var hidden = name[..^leaf.Length] + leaf[WhiteoutPrefix.Length..];
                DeletePath(Path.Combine(root, SafeName(hidden) ?? throw new UnsafeArchiveException(entry.Name, "a whiteout of the layer root")));
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            createdInLayer.Add(name);
            var mode = entry.Mode & PermissionBits;
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    if (!Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
                    {
                        DeletePath(path);
                        Directory.CreateDirectory(path);
                    }

                    directoryModes[path] = mode;
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    DeletePath(path);
                    await WriteFileAsync(path, entry.DataStream, mode, cancellationToken);
                    break;
                case TarEntryType.SymbolicLink:
                    if (ContainedPath.ResolveLink(root, name, entry.LinkName) is null)
                    {
                        throw new UnsafeArchiveException(entry.Name, $"symlink target '{entry.LinkName}' is absolute or resolves outside the block");
                    }

                    DeletePath(path);
                    File.CreateSymbolicLink(path, entry.LinkName);
                    break;
                case TarEntryType.HardLink:
                    var source = SafeName(entry.LinkName) ?? throw new UnsafeArchiveException(entry.Name, "hard link to the layer root");
                    EnsureNoSymlinkParents(root, source, entry.Name);
                    var sourcePath = Path.Combine(root, source);
                    if (!File.Exists(sourcePath) || new FileInfo(sourcePath).LinkTarget is not null)
                    {
                        throw new UnsafeArchiveException(entry.Name, $"hard link target '{entry.LinkName}' is not a regular file extracted before it");
                    }

                    DeletePath(path);
                    File.Copy(sourcePath, path);
                    break;
                default:
                    throw new UnsafeArchiveException(entry.Name, $"entry type {entry.EntryType} (devices, FIFOs and the like) is not allowed in a block");
            }
        }

        // Directory modes last, deepest first, so a read-only directory does not block its own children.
        foreach (var (directory, mode) in directoryModes.OrderByDescending(d => d.Key.Length))
        {
            SetMode(directory, mode);
        }
    }

    /// <summary>Checks every symlink under <paramref name="root"/> still resolves inside it (after all layers).</summary>
    public static void VerifySymlinks(string root)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var info = new FileInfo(path);
            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (info.LinkTarget is { } target && ContainedPath.ResolveLink(root, name, target) is null)
            {
                throw new UnsafeArchiveException(name, $"symlink target '{target}' resolves outside the block");
            }
        }
    }

    /// <summary>Normalised relative name, null for the root; throws for absolute or climbing names.</summary>
    private static string? SafeName(string entryName)
    {
        if (entryName.Contains('\0', StringComparison.Ordinal) || entryName.Contains('\\', StringComparison.Ordinal))
        {
            throw new UnsafeArchiveException(entryName, "the name contains a NUL or backslash");
        }

        // The tar reader decodes names as UTF-8 and turns invalid bytes into U+FFFD: two different names would become one
        // path and the later entry would silently replace the earlier one.
        if (entryName.Contains('\uFFFD', StringComparison.Ordinal))
        {
            throw new UnsafeArchiveException(entryName, "the name is not valid UTF-8; entries with such names could overwrite each other");
        }

        if (entryName.StartsWith('/') || Path.IsPathRooted(entryName))
        {
            throw new UnsafeArchiveException(entryName, "absolute paths are not allowed");
        }

        var parts = entryName.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
        if (parts.Contains(".."))
        {
            throw new UnsafeArchiveException(entryName, "'..' would climb out of the block directory");
        }

        return parts.Length == 0 ? null : string.Join('/', parts);
    }

    private static void EnsureNoSymlinkParents(string root, string name, string entryName)
    {
        var current = root;
        var parts = name.Split('/');
        foreach (var part in parts[..^1])
        {
            current = Path.Combine(current, part);
            if (new FileInfo(current).LinkTarget is not null)
            {
                throw new UnsafeArchiveException(entryName, $"its parent '{Path.GetRelativePath(root, current)}' is a symlink; writing through links is not allowed");
            }
        }
    }

    private static void EmptyDirectory(string root, string directory, HashSet<string> keep)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var child in Directory.EnumerateFileSystemEntries(directory))
        {
            if (!keep.Contains(Path.GetRelativePath(root, child).Replace('\\', '/')))
            {
                DeletePath(child);
            }
        }
    }

    /// <summary>Deletes a file, a symlink (never its target) or a directory tree; absent paths are fine.</summary>
    private static void DeletePath(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || File.Exists(path))
        {
            info.Delete();
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static async Task WriteFileAsync(string path, Stream? data, UnixFileMode mode, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        await using (var file = new FileStream(path, options))
        {
            if (data is not null)
            {
                await data.CopyToAsync(file, cancellationToken);
            }
        }

        SetMode(path, mode);
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}
