using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Polycrate.Build.Tests.Registry;

/// <summary>Builds tar(.gz) layers entry by entry, including malicious ones the packer would never write.</summary>
internal sealed class CraftedLayer
{
    private readonly List<PaxTarEntry> _entries = [];

    public CraftedLayer File(string name, string content, int mode = 0x1A4)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = (UnixFileMode)mode,
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
        });
        return this;
    }

    public CraftedLayer Directory(string name, int mode = 0x1ED)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.Directory, name) { Mode = (UnixFileMode)mode });
        return this;
    }

    public CraftedLayer Symlink(string name, string target)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target });
        return this;
    }

    public CraftedLayer HardLink(string name, string target)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target });
        return this;
    }

    public CraftedLayer Entry(TarEntryType type, string name)
    {
        _entries.Add(new PaxTarEntry(type, name));
        return this;
    }

    public byte[] ToTarGz()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in _entries)
            {
                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }
}
