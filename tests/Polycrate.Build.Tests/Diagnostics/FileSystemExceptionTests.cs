using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Diagnostics;

/// <summary>Raw .NET file-system exceptions (produced for real here) become coded errors with the path and what to do.</summary>
public sealed class FileSystemExceptionTests : IDisposable
{
    private readonly TempWorkspace _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_file_in_the_way_is_PCB7003()
    {
        _directory.Write("a", "a").Write("b", "b");
        var raw = Assert.ThrowsAny<IOException>(() => File.Move(_directory.PathOf("a"), _directory.PathOf("b")));

        var mapped = FileSystemException.From(raw, "writing b");

        Assert.Equal("PCB7003", mapped.Code);
        Assert.Contains("in the way while writing b", mapped.Message, StringComparison.Ordinal);
        Assert.Contains(_directory.PathOf("b"), mapped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_disk_is_PCB7002()
    {
        var raw = Assert.ThrowsAny<IOException>(() =>
        {
            using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            full.Write(new byte[4096]);
            full.Flush();
        });

        var mapped = FileSystemException.From(raw);

        Assert.Equal("PCB7002", mapped.Code);
        Assert.Contains("The disk is full", mapped.Message, StringComparison.Ordinal);
        Assert.Contains("df -h", mapped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_too_long_is_PCB7004()
    {
        var raw = Assert.ThrowsAny<IOException>(() => Directory.CreateDirectory(_directory.PathOf(new string('x', 300))));

        var mapped = FileSystemException.From(raw);

        Assert.Equal("PCB7004", mapped.Code);
        Assert.Contains("255 per file or folder name", mapped.Message, StringComparison.Ordinal);
    }
}
