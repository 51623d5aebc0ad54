using System.Formats.Tar;

namespace Polycrate.Build.FileTrees;

/// <summary>
/// Writes tree entries as a tar stream whose bytes depend only on the entries: in the given order, owner 0:0
/// without names, every timestamp the given one, the mode as given, directories with a trailing '/'. Callers
/// normalise modes and link targets first; what the header holds beyond that is theirs to choose.
/// </summary>
internal static class DeterministicTarWriter
{
    /// <param name="entries">What to write, in order; <see cref="FileTreeEntry.Mode"/> is written as is.</param>
    /// <param name="destination">Receives the tar; left open.</param>
    /// <param name="format">
    /// <see cref="TarEntryFormat.Pax"/> or <see cref="TarEntryFormat.Gnu"/> (GNU also gets access and change
    /// time). Note: .NET names PAX extended headers after the process id, so PAX bytes repeat only within one process.
    /// </param>
    /// <param name="timestamp">The one modification (and GNU access/change) time of every entry.</param>
    /// <param name="cancellationToken">Stops between entries.</param>
    /// <remarks>
    /// A file's content is read at write time; a file of length 0 at walk time is never opened (it may be a FIFO),
    /// so it is written empty. Read errors surface as <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.
    /// </remarks>
    public static async Task WriteAsync(
        IEnumerable<FileTreeEntry> entries, Stream destination, TarEntryFormat format, DateTimeOffset timestamp,
        CancellationToken cancellationToken)
    {
        await using var writer = new TarWriter(destination, format, leaveOpen: true);
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tarEntry = Header(entry, format, timestamp);
            if (entry.Kind != FileTreeEntryKind.File || entry.Length == 0)
            {
                await writer.WriteEntryAsync(tarEntry, cancellationToken);
                continue;
            }

            await using var content = new FileStream(entry.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            tarEntry.DataStream = content;
            await writer.WriteEntryAsync(tarEntry, cancellationToken);
        }
    }

    private static PosixTarEntry Header(FileTreeEntry entry, TarEntryFormat format, DateTimeOffset timestamp)
    {
        var (type, name) = entry.Kind switch
        {
            FileTreeEntryKind.Directory => (TarEntryType.Directory, entry.Path + "/"),
            FileTreeEntryKind.SymbolicLink => (TarEntryType.SymbolicLink, entry.Path),
            _ => (TarEntryType.RegularFile, entry.Path),
        };
        PosixTarEntry header = format switch
        {
            TarEntryFormat.Pax => new PaxTarEntry(type, name),
            TarEntryFormat.Gnu => new GnuTarEntry(type, name) { AccessTime = timestamp, ChangeTime = timestamp },
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Only PAX and GNU tar are written."),
        };
        header.Mode = entry.Mode;
        header.ModificationTime = timestamp;
        header.Uid = 0;
        header.Gid = 0;
        header.UserName = string.Empty;
        header.GroupName = string.Empty;
        if (entry.LinkTarget is not null)
        {
            header.LinkName = entry.LinkTarget;
        }

        return header;
    }
}
