using System.Formats.Tar;
using System.IO.Compression;

namespace Polycrate.Build.Registry.Archive;

/// <summary>
/// Packs a block directory into one deterministic tar+gzip layer: entries sorted by ordinal path, GNU tar
/// headers with mtime 0, uid/gid 0 and empty owner names, '/' separators, permission bits only (no
/// setuid/setgid/sticky), directories included. Same content and modes ⇒ same bytes ⇒ same digest, whatever
/// the checkout time or owner. The layer streams to a temporary file; nothing is buffered in memory.
/// </summary>
public static class BlockPacker
{
    private const UnixFileMode PermissionBits = (UnixFileMode)0x1FF;

    /// <summary>
    /// Packs <paramref name="blockDirectory"/> into a layer file in <paramref name="tempDirectory"/> (null: a private
    /// 0700 directory of this process below the temp folder); the caller disposes the result to delete the file.
    /// </summary>
    public static async Task<PackedLayer> PackAsync(string blockDirectory, string? tempDirectory, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(blockDirectory);
        if (!Directory.Exists(root))
        {
            throw new BlockPackException($"Block directory {root} does not exist.");
        }

        var entries = Collect(root, IgnoreRules.Load(root));
        // Default: a private (0700) scratch directory of this process, never world-readable /tmp; removed on dispose, or by
        // the next command's OrphanReaper when this process is killed.
        var scratch = tempDirectory is null ? Execution.Cleanup.RunDirectories.CreateScratch("push-layer") : null;
        var file = Path.Combine(tempDirectory ?? scratch!, $"polycrate-layer-{Guid.NewGuid():N}.tar.gz");
        try
        {
            string diffId;
            await using (var output = new FileStream(file, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                // TarWriter writes in 512-byte records; the buffer feeds zlib large blocks, which is far faster.
                await using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
                await using (var buffered = new BufferedStream(gzip, 1 << 20))
                await using (var hashing = new HashingStream(buffered))
                {
                    await using (var tar = new TarWriter(hashing, TarEntryFormat.Gnu, leaveOpen: true))
                    {
                        foreach (var entry in entries)
                        {
                            await WriteEntryAsync(tar, root, entry, cancellationToken);
                        }
                    }

                    diffId = hashing.FinishDigest();
                }

                // zlib stamps the operating system into gzip header byte 9; 255 ("unknown") keeps the bytes
                // identical on every platform. The header's mtime is already 0 and it carries no file name.
                output.Position = 9;
                output.WriteByte(0xFF);
            }

            var digest = await ContentDigest.OfFileAsync(file, cancellationToken);
            return new PackedLayer(file, digest, new FileInfo(file).Length, diffId, scratch);
        }
        catch
        {
            File.Delete(file);
            if (scratch is not null)
            {
                Execution.Cleanup.RunDirectories.TryDelete(scratch);
            }

            throw;
        }
    }

    /// <summary>Walks the block, applies ignore rules and safety checks, and sorts entries ordinally.</summary>
    private static List<(string Name, FileSystemInfo Info)> Collect(string root, IgnoreRules rules)
    {
        var result = new List<(string, FileSystemInfo)>();
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.TryPop(out var directory))
        {
            IEnumerable<FileSystemInfo> children;
            try
            {
                children = directory.EnumerateFileSystemInfos().ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BlockPackException($"Cannot read block directory {directory.FullName}: {e.Message}", e);
            }

            foreach (var child in children)
            {
                var name = Path.GetRelativePath(root, child.FullName).Replace('\\', '/');
                var isDirectory = child is DirectoryInfo && child.LinkTarget is null;
                if (rules.IsIgnored(name, isDirectory))
                {
                    continue;
                }

                if (child.LinkTarget is { } target)
                {
                    if (ContainedPath.ResolveLink(root, name, target) is null)
                    {
                        throw new BlockPackException($"Symlink {child.FullName} -> {target} points outside the block directory {root} "
                            + "(or is absolute). Blocks must be self-contained: copy the file into the block, make the link relative "
                            + $"to a file inside it, or exclude it in {IgnoreRules.FileName}.");
                    }
                }
                else if (isDirectory)
                {
                    pending.Push((DirectoryInfo)child);
                }
                else if (!FileKind.IsRegularFile(child.FullName))
                {
                    throw new BlockPackException($"{child.FullName} is not a regular file, directory or symlink (a device, FIFO or socket). "
                        + $"Remove it from the block or exclude it in {IgnoreRules.FileName}.");
                }

                result.Add((name, child));
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return result;
    }

    private static async Task WriteEntryAsync(TarWriter tar, string root, (string Name, FileSystemInfo Info) item, CancellationToken cancellationToken)
    {
        var (name, info) = item;
        var mode = OperatingSystem.IsWindows() ? DefaultMode(info) : info.UnixFileMode & PermissionBits;
        GnuTarEntry entry;
        if (info.LinkTarget is { } target)
        {
            entry = new GnuTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target.Replace('\\', '/') };
            mode = (UnixFileMode)0x1FF;
        }
        else if (info is DirectoryInfo)
        {
            entry = new GnuTarEntry(TarEntryType.Directory, name + "/");
        }
        else
        {
            entry = new GnuTarEntry(TarEntryType.RegularFile, name);
        }

        entry.Mode = mode;
        entry.ModificationTime = DateTimeOffset.UnixEpoch;
        entry.AccessTime = DateTimeOffset.UnixEpoch;
        entry.ChangeTime = DateTimeOffset.UnixEpoch;
        entry.Uid = 0;
        entry.Gid = 0;
        entry.UserName = string.Empty;
        entry.GroupName = string.Empty;
        if (entry.EntryType != TarEntryType.RegularFile)
        {
            await tar.WriteEntryAsync(entry, cancellationToken);
            return;
        }

        try
        {
            await using var content = new FileStream(Path.Combine(root, name), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            entry.DataStream = content;
            await tar.WriteEntryAsync(entry, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BlockPackException($"Cannot read {Path.Combine(root, name)} while packing the block: {e.Message}", e);
        }
    }

    private static UnixFileMode DefaultMode(FileSystemInfo info) =>
        info is DirectoryInfo || info.Extension is ".sh" or ".py" ? (UnixFileMode)0x1ED : (UnixFileMode)0x1A4;
}
