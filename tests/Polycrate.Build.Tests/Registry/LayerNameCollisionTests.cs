using System.Formats.Tar;
using System.Text;
using Polycrate.Build.Registry.Archive;

namespace Polycrate.Build.Tests.Registry;

/// <summary>Issue 12 item 4: two tar entries whose invalid UTF-8 names decode to the same name must not overwrite each other.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LayerNameCollisionTests
{
    [Fact]
    public async Task Names_that_are_not_valid_utf8_are_refused()
    {
        using var root = new TempDirectory();
        // "a\xFF.txt" and "a\xFE.txt" both decode to "a\uFFFD.txt": formerly the second silently replaced the first.
        var layer = RawTar(("a\u00FF.txt", 0xFF, "first"), ("a\u00FE.txt", 0xFE, "second"));
        Directory.CreateDirectory(root.Combine("staging"));

        using var stream = new MemoryStream(layer);
        var error = await Assert.ThrowsAsync<UnsafeArchiveException>(() => LayerExtractor.ApplyAsync(stream, root.Combine("staging"), default));

        Assert.Equal("PCB4005", error.Code);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(root.Combine("staging")));
    }

    [Fact]
    public async Task Valid_utf8_names_are_kept_as_they_are()
    {
        using var root = new TempDirectory();
        var layer = new CraftedLayer().File("grüße.txt", "hallo").ToTarGz();
        Directory.CreateDirectory(root.Combine("staging"));

        using var stream = new MemoryStream(layer);
        await LayerExtractor.ApplyAsync(stream, root.Combine("staging"), default);

        Assert.Equal("hallo", File.ReadAllText(root.Combine("staging", "grüße.txt")));
    }

    /// <summary>A ustar archive whose names carry one raw byte each (placeholder character replaced in the header).</summary>
    private static byte[] RawTar(params (string Name, byte RawByte, string Content)[] entries)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, _, content) in entries)
            {
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name.Replace('\u00FF', 'X').Replace('\u00FE', 'Y'))
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                });
            }
        }

        var bytes = tar.ToArray();
        var offset = 0;
        foreach (var (_, raw, content) in entries)
        {
            var placeholder = (byte)(raw == 0xFF ? 'X' : 'Y');
            var index = Array.IndexOf(bytes, placeholder, offset, 100);
            Assert.True(index >= 0);
            bytes[index] = raw;
            WriteChecksum(bytes, offset);
            offset += 512 + ((content.Length + 511) / 512 * 512);
        }

        return bytes;
    }

    private static void WriteChecksum(byte[] tar, int header)
    {
        for (var i = 148; i < 156; i++)
        {
            tar[header + i] = (byte)' ';
        }

        var sum = 0;
        for (var i = 0; i < 512; i++)
        {
            sum += tar[header + i];
        }

        var text = Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ";
        Encoding.ASCII.GetBytes(text, 0, 8, tar, header + 148);
    }
}
