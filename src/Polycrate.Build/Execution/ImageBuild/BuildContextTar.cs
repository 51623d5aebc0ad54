using System.Formats.Tar;

namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>
/// Writes a build context as a deterministic tar stream: entries in path order, owner 0:0 without names, and one
/// fixed modification time, so equal contexts give equal bytes (and equal layer digests for COPY).
/// </summary>
public static class BuildContextTar
{
    /// <summary>
    /// 2000-01-01 rather than the Unix epoch: some tools reject files older than 1980 (zip-based Python wheels).
    /// </summary>
    public static DateTimeOffset FixedModificationTime { get; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task WriteAsync(BuildContext context, Stream destination, CancellationToken cancellationToken)
    {
        await using var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var entry in context.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kind = entry.Kind switch
            {
                BuildContextEntryKind.Directory => TarEntryType.Directory,
                BuildContextEntryKind.SymbolicLink => TarEntryType.SymbolicLink,
                _ => TarEntryType.RegularFile,
            };
            var tarEntry = new PaxTarEntry(kind, entry.Kind == BuildContextEntryKind.Directory ? entry.Path + "/" : entry.Path)
            {
                Mode = entry.Mode,
                ModificationTime = FixedModificationTime,
                Uid = 0,
                Gid = 0,
                UserName = "",
                GroupName = "",
            };
            if (entry.LinkTarget is not null)
            {
                tarEntry.LinkName = entry.LinkTarget;
            }

            // Empty files are not opened (see BuildContextScanner: they may be FIFOs).
            if (entry.Kind == BuildContextEntryKind.File && entry.ContentHash != BuildContextScanner.EmptyContentHash)
            {
                await using var data = new FileStream(entry.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                tarEntry.DataStream = data;
                await writer.WriteEntryAsync(tarEntry, cancellationToken);
            }
            else
            {
                await writer.WriteEntryAsync(tarEntry, cancellationToken);
            }
        }
    }
}
