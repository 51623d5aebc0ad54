using System.Formats.Tar;

namespace Polycrate.Build.Registry.Archive;

/// <summary>
/// Tells regular files from FIFOs, sockets and devices, which .NET's FileInfo does not distinguish. Special
/// files report length 0, so only empty files are probed — by letting TarWriter (which lstat()s the path
/// without opening special files) describe the entry.
/// </summary>
internal static class FileKind
{
    public static bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsWindows() || new FileInfo(path).Length > 0)
        {
            return true;
        }

        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Gnu, leaveOpen: true))
        {
            writer.WriteEntry(path, "probe");
        }

        buffer.Position = 0;
        using var reader = new TarReader(buffer);
        return reader.GetNextEntry()?.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile;
    }
}
