using System.Formats.Tar;
using System.IO.Compression;
using Polycrate.Build.FileTrees;
using Polycrate.Build.PrivateRuns;

namespace Polycrate.Build.Registry.Archive;

/// <summary>
/// Packs a block directory into one deterministic tar+gzip layer: entries sorted by ordinal path, GNU tar
/// headers with mtime 0, uid/gid 0 and empty owner names, '/' separators, permission bits only (no
/// setuid/setgid/sticky), directories included. Same content and modes ⇒ same bytes ⇒ same digest, whatever
/// the checkout time or owner. The layer streams to a temporary file; nothing is buffered in memory.
/// </summary>
internal static class BlockPacker
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

        var entries = Collect(root, BlockIgnoreRules.Load(root), cancellationToken);
        // Default: a private (0700) scratch directory of this process, never world-readable /tmp; removed on dispose, or by
        // the next command's OrphanReaper when this process is killed.
        var scratch = tempDirectory is null ? RunDirectories.CreateScratch("push-layer") : null;
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
                    try
                    {
                        await DeterministicTarWriter.WriteAsync(entries, hashing, TarEntryFormat.Gnu, DateTimeOffset.UnixEpoch, cancellationToken);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        throw new BlockPackException($"Cannot read a file of block {root} while packing it: {e.Message}", e);
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
                RunDirectories.TryDelete(scratch);
            }

            throw;
        }
    }

    /// <summary>Walks the block, applies ignore rules and safety checks, and normalises modes and link targets.</summary>
    private static List<FileTreeEntry> Collect(string root, BlockIgnoreRules rules, CancellationToken cancellationToken)
    {
        IReadOnlyList<FileTreeEntry> tree;
        try
        {
            tree = FileTreeWalker.Walk(
                root, (path, isDirectory) => rules.IsIgnored(path, isDirectory) ? WalkDecision.Exclude : WalkDecision.Include,
                dropEmptiedDirectories: false, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BlockPackException($"Cannot read block directory {root}: {e.Message}", e);
        }

        var entries = new List<FileTreeEntry>(tree.Count);
        foreach (var entry in tree)
        {
            if (entry.LinkTarget is { } target)
            {
                if (ContainedPath.ResolveLink(root, entry.Path, target) is null)
                {
                    throw new BlockPackException($"Symlink {entry.FullPath} -> {target} points outside the block directory {root} "
                        + "(or is absolute). Blocks must be self-contained: copy the file into the block, make the link relative "
                        + $"to a file inside it, or exclude it in {PolyIgnoreFile.FileName}.");
                }

                entries.Add(entry with { LinkTarget = target.Replace('\\', '/'), Mode = (UnixFileMode)0x1FF });
                continue;
            }

            if (entry.Kind == FileTreeEntryKind.File && !FileKind.IsRegularFile(entry.FullPath))
            {
                throw new BlockPackException($"{entry.FullPath} is not a regular file, directory or symlink (a device, FIFO or socket). "
                    + $"Remove it from the block or exclude it in {PolyIgnoreFile.FileName}.");
            }

            entries.Add(entry with { Mode = OperatingSystem.IsWindows() ? DefaultMode(entry) : entry.Mode & PermissionBits });
        }

        return entries;
    }

    private static UnixFileMode DefaultMode(FileTreeEntry entry) =>
        entry.Kind == FileTreeEntryKind.Directory || Path.GetExtension(entry.Path) is ".sh" or ".py" ? (UnixFileMode)0x1ED : (UnixFileMode)0x1A4;
}
