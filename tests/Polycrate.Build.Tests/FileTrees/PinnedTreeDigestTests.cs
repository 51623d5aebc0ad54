using System.Formats.Tar;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Registry.Archive;

namespace Polycrate.Build.Tests.FileTrees;

/// <summary>
/// Pins the bytes both tree writers produce for one fixed tree: the image build context (its hash, which names
/// the workspace image, and its tar) and the packed block layer (digest and diff id, which name the pushed
/// block). The values were computed before the walker, ignore matcher and tar writer were shared; a change to
/// any of them here means already-built images are rebuilt and already-pushed blocks get new digests.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PinnedTreeDigestTests : IDisposable
{
    private const UnixFileMode Directory0755 = (UnixFileMode)0x1ED;
    private const UnixFileMode File0644 = (UnixFileMode)0x1A4;

    private readonly string _root = Directory.CreateTempSubdirectory("pcb-pinned-tree-").FullName;

    public PinnedTreeDigestTests()
    {
        Write("Dockerfile.poly", "FROM scratch\nCOPY . /workspace\n");
        Write(".dockerignore", "*.log\n!keep.log\n");
        Write(".polyignore", "*.tmp\n");
        Write("block.poly", "name: pinned\nversion: 1.0.0\n");
        Write("scripts/run.sh", "#!/bin/sh\necho pinned\n", (UnixFileMode)0x9ED); // setuid + 0755
        Write("empty.txt", string.Empty, (UnixFileMode)0x180); // 0600
        Write("deep/" + new string('n', 120) + ".txt", "a name longer than a tar header holds\n");
        Write("\u00fcmlaut.txt", "non-ASCII name\n");
        Write("debug.log", "excluded by .dockerignore, packed into the block\n");
        Write("keep.log", "re-included by .dockerignore\n");
        Write("scratch.tmp", "excluded by .polyignore, sent in the context\n");
        Write("notes.age", "never in either\n");
        Write(".git/config", "never in either\n");
        Write("artifacts/secrets/key", "never in either\n");
        Write("artifacts/out.txt", "in the context, not in the block\n");
        Write(".logs/run.log", "not in the context, in the block\n");
        Directory.CreateDirectory(Path.Combine(_root, "emptydir"));
        File.CreateSymbolicLink(Path.Combine(_root, "link"), "scripts/run.sh");
        foreach (var directory in Directory.EnumerateDirectories(_root, "*", SearchOption.AllDirectories).Append(_root))
        {
            File.SetUnixFileMode(directory, Directory0755);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task The_image_build_context_hash_and_tar_bytes_are_unchanged()
    {
        var context = await BuildContextScanner.ScanAsync(_root, "Dockerfile.poly", ["scratch.tmp.never"], CancellationToken.None);
        using var tar = new MemoryStream();
        await BuildContextTar.WriteAsync(context, tar, CancellationToken.None);

        Assert.Equal("facd6426da4ed827d74b9950a14626a2ba86f73c6dc64868b879b82bd9625039", context.Hash);
        Assert.Equal("88e887eaa423cf65617740c6ada61b102fb9a70cc4eed507744fcaf55333d7da", Describe(tar.ToArray()));
    }

    [Fact]
    public async Task The_packed_block_layer_digest_and_diff_id_are_unchanged()
    {
        using var layer = await BlockPacker.PackAsync(_root, null, CancellationToken.None);

        Assert.Equal("sha256:3e13fd6f9d3a3ea0e3aa0bad299e8908e7cd68269d80e1ffa839214fac6fa0c4", layer.Digest);
        Assert.Equal("sha256:2983eb073c40ea294f7d077ab6d1b54f39c92b4452d3aa380940c91d14e88390", layer.DiffId);
    }

    /// <summary>
    /// Every header field and content of every entry, and the tar's length, hashed. Not the raw bytes: .NET names
    /// each PAX extended header "PaxHeaders.&lt;process id&gt;/…", so the raw bytes are equal only within one process
    /// (BuildContextScannerTests pins that); the image build never sees those names.
    /// </summary>
    private static string Describe(byte[] tar)
    {
        var text = new StringBuilder().Append(tar.Length).Append('\n');
        using var reader = new TarReader(new MemoryStream(tar));
        while (reader.GetNextEntry() is PaxTarEntry entry)
        {
            var data = entry.DataStream is null ? "-" : Convert.ToHexStringLower(SHA256.HashData(entry.DataStream));
            var attributes = string.Join(',', entry.ExtendedAttributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
            text.Append(CultureInfo.InvariantCulture, $"{entry.Name}|{entry.EntryType}|{(int)entry.Mode}|{entry.Uid}|{entry.Gid}|{entry.UserName}|")
                .Append(CultureInfo.InvariantCulture, $"{entry.GroupName}|{entry.ModificationTime.ToUnixTimeSeconds()}|{entry.LinkName}|{data}|{attributes}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private void Write(string relative, string content, UnixFileMode mode = File0644)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode);
    }
}
