using System.Formats.Tar;
using Polycrate.Build.Registry.Archive;

namespace Polycrate.Build.Tests.Registry;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class LayerExtractorTests
{
    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("/etc/x")]
    public async Task Refuses_names_that_leave_the_root(string name)
    {
        using var root = new TempDirectory();
        var layer = new CraftedLayer().File("ok.txt", "fine").File(name, "evil").ToTarGz();

        var error = await Assert.ThrowsAsync<UnsafeArchiveException>(() => Apply(layer, root.Combine("staging")));

        Assert.Equal("PCB4005", error.Code);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(root.Combine("x")));
        Assert.False(File.Exists("/etc/x"));
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../outside")]
    [InlineData("sub/../../outside")]
    public async Task Refuses_symlinks_escaping_the_root(string target)
    {
        using var root = new TempDirectory();
        var layer = new CraftedLayer().Directory("sub/").Symlink("link", target).ToTarGz();

        var error = await Assert.ThrowsAsync<UnsafeArchiveException>(() => Apply(layer, root.Combine("staging")));

        Assert.Contains("symlink", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_writing_through_a_symlink()
    {
        using var root = new TempDirectory();
        var layer = new CraftedLayer().Directory("real/").Symlink("alias", "real").File("alias/x.txt", "through").ToTarGz();

        var error = await Assert.ThrowsAsync<UnsafeArchiveException>(() => Apply(layer, root.Combine("staging")));

        Assert.Contains("symlink", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TarEntryType.CharacterDevice)]
    [InlineData(TarEntryType.BlockDevice)]
    [InlineData(TarEntryType.Fifo)]
    public async Task Refuses_devices_and_fifos(TarEntryType type)
    {
        using var root = new TempDirectory();
        var layer = new CraftedLayer().Entry(type, "dev").ToTarGz();

        await Assert.ThrowsAsync<UnsafeArchiveException>(() => Apply(layer, root.Combine("staging")));
    }

    [Fact]
    public async Task Strips_setuid_setgid_and_sticky_bits()
    {
        using var root = new TempDirectory();
        var layer = new CraftedLayer().File("suid", "x", mode: 0xFED).Directory("sticky/", mode: 0x3FF).ToTarGz();

        await Apply(layer, root.Path);

        Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(root.Combine("suid")));
        Assert.Equal((UnixFileMode)0x1FF, File.GetUnixFileMode(root.Combine("sticky")));
    }

    [Fact]
    public async Task Keeps_inner_symlinks_and_copies_hard_links()
    {
        using var root = new TempDirectory();
        var layer = new CraftedLayer()
            .File("scripts/run.sh", "echo", mode: 0x1ED)
            .Symlink("run", "scripts/run.sh")
            .HardLink("copy.sh", "scripts/run.sh")
            .ToTarGz();

        await Apply(layer, root.Path);

        Assert.Equal("scripts/run.sh", new FileInfo(root.Combine("run")).LinkTarget);
        Assert.Equal("echo", File.ReadAllText(root.Combine("copy.sh")));
        LayerExtractor.VerifySymlinks(root.Path);
    }

    [Fact]
    public async Task Applies_whiteouts_and_opaque_directories_from_upper_layers()
    {
        using var root = new TempDirectory();
        var lower = new CraftedLayer()
            .File("keep.txt", "lower")
            .File("gone.txt", "lower")
            .File("dir/old.txt", "lower")
            .File("opaque/old.txt", "lower")
            .ToTarGz();
        var upper = new CraftedLayer()
            .File(".wh.gone.txt", string.Empty)
            .File("opaque/new.txt", "upper")
            .File("opaque/.wh..wh..opq", string.Empty)
            .File("dir/.wh.old.txt", string.Empty)
            .File("keep.txt", "upper")
            .ToTarGz();

        await Apply(lower, root.Path);
        await Apply(upper, root.Path);

        Assert.Equal("upper", File.ReadAllText(root.Combine("keep.txt")));
        Assert.False(File.Exists(root.Combine("gone.txt")));
        Assert.False(File.Exists(root.Combine("dir", "old.txt")));
        Assert.False(File.Exists(root.Combine("opaque", "old.txt")));
        Assert.Equal("upper", File.ReadAllText(root.Combine("opaque", "new.txt")));
        Assert.Empty(Directory.EnumerateFiles(root.Path, ".wh.*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Round_trips_a_packed_block()
    {
        using var block = BlockPackerTests.CreateBlock();
        using var packed = await BlockPacker.PackAsync(block.Path, null, default);
        using var target = new TempDirectory();

        await using (var stream = File.OpenRead(packed.FilePath))
        {
            await LayerExtractor.ApplyAsync(stream, target.Path, default);
        }

        Assert.Equal(File.ReadAllText(block.Combine("block.poly")), File.ReadAllText(target.Combine("block.poly")));
        Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(target.Combine("scripts", "run.sh")));
        Assert.Equal("scripts/run.sh", new FileInfo(target.Combine("link-to-script")).LinkTarget);
    }

    private static async Task Apply(byte[] layer, string root)
    {
        Directory.CreateDirectory(root);
        using var stream = new MemoryStream(layer);
        await LayerExtractor.ApplyAsync(stream, root, default);
    }
}
