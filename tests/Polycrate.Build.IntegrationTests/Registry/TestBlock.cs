using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Polycrate.Build.IntegrationTests.Registry;

/// <summary>Scratch directories with block content, and hand-made layers for formats our packer never writes.</summary>
internal sealed class TestBlock : IDisposable
{
    public TestBlock(string version = "1.0.0", string extra = "")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pcb-registry-it-" + Guid.NewGuid().ToString("N"));
        Write("block.poly", $"name: edge-ota\nversion: {version}\n{extra}");
        Write("playbooks/update.yml", "- hosts: all\n  tasks: []\n");
        File.CreateSymbolicLink(System.IO.Path.Combine(Path, "update.yml"), "playbooks/update.yml");
    }

    public string Path { get; }

    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string Read(string relative) => File.ReadAllText(System.IO.Path.Combine(Path, relative));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    /// <summary>A tar.gz layer from (name, content or null for a directory, symlink target or null) triples.</summary>
    public static byte[] Layer(params (string Name, string? Content, string? LinkTarget)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content, link) in entries)
            {
                var type = link is not null ? TarEntryType.SymbolicLink : content is null ? TarEntryType.Directory : TarEntryType.RegularFile;
                var entry = new PaxTarEntry(type, name) { Mode = (UnixFileMode)(content is null ? 0x1ED : 0x1A4) };
                if (link is not null)
                {
                    entry.LinkName = link;
                }
                else if (content is not null)
                {
                    entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
                }

                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>sha256 of the decompressed layer (its diff id).</summary>
    public static string DiffId(byte[] layer)
    {
        using var gzip = new GZipStream(new MemoryStream(layer), CompressionMode.Decompress);
        using var tar = new MemoryStream();
        gzip.CopyTo(tar);
        return Polycrate.Build.Registry.ContentDigest.Of(tar.ToArray());
    }
}
