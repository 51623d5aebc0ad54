using System.Formats.Tar;
using System.IO.Compression;
using Polycrate.Build.Registry.Archive;

namespace Polycrate.Build.Tests.Registry;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class BlockPackerTests
{
    [Fact]
    public async Task Same_content_gives_the_same_digest_whatever_the_mtimes()
    {
        using var a = CreateBlock();
        using var b = CreateBlock();
        foreach (var file in Directory.EnumerateFileSystemEntries(b.Path, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2031, 5, 6, 7, 8, 9, DateTimeKind.Utc));
        }

        using var first = await BlockPacker.PackAsync(a.Path, null, default);
        using var again = await BlockPacker.PackAsync(a.Path, null, default);
        using var other = await BlockPacker.PackAsync(b.Path, null, default);

        Assert.Equal(first.Digest, again.Digest);
        Assert.Equal(first.Digest, other.Digest);
        Assert.Equal(first.DiffId, other.DiffId);
        Assert.Equal(await File.ReadAllBytesAsync(first.FilePath), await File.ReadAllBytesAsync(other.FilePath));
    }

    [Fact]
    public async Task Different_content_or_modes_change_the_digest()
    {
        using var a = CreateBlock();
        using var packed = await BlockPacker.PackAsync(a.Path, null, default);
        File.AppendAllText(a.Combine("block.poly"), "\n# changed\n");
        using var changed = await BlockPacker.PackAsync(a.Path, null, default);
        File.SetUnixFileMode(a.Combine("scripts", "run.sh"), (UnixFileMode)0x1A4);
        using var modeChanged = await BlockPacker.PackAsync(a.Path, null, default);

        Assert.NotEqual(packed.Digest, changed.Digest);
        Assert.NotEqual(changed.Digest, modeChanged.Digest);
    }

    [Fact]
    public async Task Layer_has_sorted_normalised_entries_without_owner_time_or_special_bits()
    {
        using var block = CreateBlock();
        File.SetUnixFileMode(block.Combine("scripts", "run.sh"), (UnixFileMode)0xFED); // setuid|setgid|sticky|0755
        using var packed = await BlockPacker.PackAsync(block.Path, null, default);

        var entries = ReadEntries(packed.FilePath);

        Assert.Equal(["block.poly", "link-to-script", "playbook.yml", "scripts/", "scripts/run.sh"], entries.Select(e => e.Name));
        Assert.All(entries, e =>
        {
            Assert.Equal(DateTimeOffset.UnixEpoch, e.ModificationTime);
            Assert.Equal((0, 0, string.Empty, string.Empty), (e.Uid, e.Gid, ((PosixTarEntry)e).UserName, ((PosixTarEntry)e).GroupName));
        });
        Assert.Equal((UnixFileMode)0x1ED, entries.Single(e => e.Name == "scripts/run.sh").Mode);
        Assert.Equal(TarEntryType.SymbolicLink, entries.Single(e => e.Name == "link-to-script").EntryType);
        Assert.Equal("scripts/run.sh", entries.Single(e => e.Name == "link-to-script").LinkName);
    }

    [Fact]
    public async Task Gzip_header_has_no_time_name_or_os()
    {
        using var block = CreateBlock();
        using var packed = await BlockPacker.PackAsync(block.Path, null, default);

        var header = (await File.ReadAllBytesAsync(packed.FilePath))[..10];

        Assert.Equal(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0 }, header[..8]);
        Assert.Equal(0xFF, header[9]);
    }

    [Fact]
    public async Task Excludes_git_artifacts_age_files_and_polyignore_patterns()
    {
        using var block = CreateBlock();
        block.Write(".git/config", "x");
        block.Write("artifacts/out.txt", "x");
        block.Write("secrets/key.age", "x");
        block.Write("tmp/scratch.txt", "x");
        block.Write("notes.bak", "x");
        block.Write(".polyignore", "# local junk\ntmp/\n*.bak\n");

        using var packed = await BlockPacker.PackAsync(block.Path, null, default);
        var names = ReadEntries(packed.FilePath).Select(e => e.Name).ToList();

        Assert.DoesNotContain(names, n => n.StartsWith(".git", StringComparison.Ordinal) || n.StartsWith("artifacts", StringComparison.Ordinal)
            || n.EndsWith(".age", StringComparison.Ordinal) || n.StartsWith("tmp", StringComparison.Ordinal) || n.EndsWith(".bak", StringComparison.Ordinal));
        Assert.Contains(".polyignore", names);
        Assert.Contains("secrets/", names);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("scripts/../../outside.txt")]
    public async Task Refuses_symlinks_pointing_outside_the_block(string target)
    {
        using var block = CreateBlock();
        File.CreateSymbolicLink(block.Combine("escape"), target);

        var error = await Assert.ThrowsAsync<BlockPackException>(() => BlockPacker.PackAsync(block.Path, null, default));

        Assert.Equal("PCB4004", error.Code);
        Assert.Contains("escape", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside the block", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_chain_of_links_that_climbs_out()
    {
        using var block = CreateBlock();
        Directory.CreateDirectory(block.Combine("d"));
        File.CreateSymbolicLink(block.Combine("d", "up"), "..");          // d/up -> root: fine on its own
        File.CreateSymbolicLink(block.Combine("d", "sneaky"), "up/.."); // lexically d, really the parent of root

        await Assert.ThrowsAsync<BlockPackException>(() => BlockPacker.PackAsync(block.Path, null, default));
    }

    [Fact]
    public async Task Refuses_fifos()
    {
        using var block = CreateBlock();
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", block.Combine("pipe")))
        {
            await mkfifo.WaitForExitAsync();
        }

        var error = await Assert.ThrowsAsync<BlockPackException>(() => BlockPacker.PackAsync(block.Path, null, default));
        Assert.Contains("pipe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_layer_deletes_the_temp_file()
    {
        using var block = CreateBlock();
        using var temp = new TempDirectory();
        var packed = await BlockPacker.PackAsync(block.Path, temp.Path, default);
        Assert.True(File.Exists(packed.FilePath));

        packed.Dispose();

        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    internal static TempDirectory CreateBlock()
    {
        var block = new TempDirectory();
        block.Write("block.poly", "name: edge-ota\nversion: 1.0.0\n");
        block.Write("playbook.yml", "- hosts: all\n");
        var script = block.Write("scripts/run.sh", "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(script, (UnixFileMode)0x1ED);
        File.SetUnixFileMode(block.Combine("block.poly"), (UnixFileMode)0x1A4);
        File.SetUnixFileMode(block.Combine("playbook.yml"), (UnixFileMode)0x1A4);
        File.SetUnixFileMode(block.Combine("scripts"), (UnixFileMode)0x1ED);
        File.CreateSymbolicLink(block.Combine("link-to-script"), "scripts/run.sh");
        return block;
    }

    internal static List<TarEntry> ReadEntries(string layerFile)
    {
        using var file = File.OpenRead(layerFile);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        var entries = new List<TarEntry>();
        while (reader.GetNextEntry() is { } entry)
        {
            entries.Add(entry);
        }

        return entries;
    }
}
