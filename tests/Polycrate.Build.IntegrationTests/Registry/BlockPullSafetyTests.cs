using Polycrate.Build.Registry;
using Polycrate.Build.Registry.Archive;

namespace Polycrate.Build.IntegrationTests.Registry;

[Collection(RegistryCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BlockPullSafetyTests(RegistryFixture registry)
{
    private static readonly Dictionary<string, string> NoLabels = [];

    [Fact]
    public async Task Pulls_a_2025_docker_image_applying_base_layers_and_whiteouts()
    {
        using var client = registry.Client();
        using var target = new TestBlock();
        var reference = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("legacy")}:0.9.0");
        var baseLayer = TestBlock.Layer(("etc/", null, null), ("etc/os-release", "scratch", null), ("removed.txt", "old", null), ("dir/old.txt", "old", null));
        var blockLayer = TestBlock.Layer(
            ("./", null, null),
            ("./block.poly", "name: legacy\nversion: 0.9.0\n", null),
            ("./.wh.removed.txt", string.Empty, null),
            ("./dir/.wh..wh..opq", string.Empty, null),
            ("./dir/new.txt", "new", null));
        var labels = new Dictionary<string, string>
        {
            ["polycrate.block.version"] = "0.9.0",
            ["polycrate.blocks.checksum"] = "0123456789abcdef0123456789abcdef",
            ["polycrate.blocks.checksum_algo"] = "md5",
        };
        var digest = await RawImage.PushAsync(client, reference, [baseLayer, blockLayer], labels, docker: true, reference.Tag!);

        var pulled = await new BlockPuller(client).PullAsync(new PullOptions(reference, Path.Combine(target.Path, "legacy")), default);

        Assert.Equal(digest, pulled.Digest);
        Assert.Equal("md5", pulled.Labels["polycrate.blocks.checksum_algo"]);
        Assert.Equal("scratch", target.Read("legacy/etc/os-release"));
        Assert.StartsWith("name: legacy", target.Read("legacy/block.poly"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(target.Path, "legacy", "removed.txt")));
        Assert.False(File.Exists(Path.Combine(target.Path, "legacy", "dir", "old.txt")));
        Assert.Equal("new", target.Read("legacy/dir/new.txt"));
    }

    [Fact]
    public async Task Picks_linux_amd64_from_an_index()
    {
        using var client = registry.Client();
        using var target = new TestBlock();
        var reference = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("index")}:1.0.0");
        var arm = await RawImage.PushAsync(client, reference, [TestBlock.Layer(("block.poly", "arch: arm64\n", null))], NoLabels, docker: false, "arm", "arm64");
        var amd = await RawImage.PushAsync(client, reference, [TestBlock.Layer(("block.poly", "arch: amd64\n", null))], NoLabels, docker: false, "amd", "amd64");
        await RawImage.PushIndexAsync(client, reference, (arm, "arm64"), (amd, "amd64"));

        var pulled = await new BlockPuller(client).PullAsync(new PullOptions(reference, Path.Combine(target.Path, "b")), default);

        Assert.Equal(amd, pulled.Digest);
        Assert.Equal("arch: amd64\n", target.Read("b/block.poly"));
    }

    [Theory]
    [InlineData("../escaped.txt", null)]
    [InlineData("/tmp/pcb-absolute-escape.txt", null)]
    [InlineData("evil-link", "../../../../etc/passwd")]
    [InlineData("abs-link", "/etc/passwd")]
    public async Task Malicious_layers_are_refused_and_the_installed_block_is_untouched(string name, string? link)
    {
        using var client = registry.Client();
        using var installed = new TestBlock("1.0.0");
        var reference = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("evil")}:1.0.1");
        var layer = TestBlock.Layer(("block.poly", "name: edge-ota\nversion: 1.0.1\n", null), (name, link is null ? "owned" : null, link));
        await RawImage.PushAsync(client, reference, [layer], NoLabels, docker: false, reference.Tag!);
        var before = Snapshot(installed.Path);

        var error = await Assert.ThrowsAsync<UnsafeArchiveException>(() =>
            new BlockPuller(client).PullAsync(new PullOptions(reference, installed.Path), default));

        Assert.Equal("PCB4005", error.Code);
        Assert.Equal(before, Snapshot(installed.Path));
        Assert.False(File.Exists("/tmp/pcb-absolute-escape.txt"));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(installed.Path)!, "escaped.txt")));
        AssertNoLeftovers(installed.Path);
    }

    [Fact]
    public async Task A_tampered_blob_is_detected_and_nothing_is_installed()
    {
        using var client = registry.Client();
        using var block = new TestBlock("2.0.0", extra: $"nonce: {Guid.NewGuid()}\n"); // blobs are shared: tamper only our own
        using var installed = new TestBlock("1.0.0");
        var reference = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("tamper")}:2.0.0");
        await new BlockPublisher(client).PushAsync(new PushOptions(reference, block.Path, "2.0.0"), default);
        var manifest = System.Text.Json.JsonDocument.Parse((await client.GetManifestAsync(reference, default)).Bytes);
        var layerDigest = manifest.RootElement.GetProperty("layers")[0].GetProperty("digest").GetString()!;
        var hex = ContentDigest.Hex(layerDigest);
        var data = Path.Combine(registry.Environment.AnonymousStorage, "docker", "registry", "v2", "blobs", "sha256", hex[..2], hex, "data");
        var bytes = await File.ReadAllBytesAsync(data);
        bytes[^10] ^= 0xFF; // same size, different content
        await File.WriteAllBytesAsync(data, bytes);
        var before = Snapshot(installed.Path);

        var error = await Assert.ThrowsAsync<DigestMismatchException>(() =>
            new BlockPuller(client).PullAsync(new PullOptions(reference, installed.Path), default));

        Assert.Equal("PCB4002", error.Code);
        Assert.Equal(layerDigest, error.Expected);
        Assert.Equal(before, Snapshot(installed.Path));
        AssertNoLeftovers(installed.Path);
    }

    [Fact]
    public async Task Failed_validation_or_cancellation_leaves_the_previous_block()
    {
        using var client = registry.Client();
        using var block = new TestBlock("3.0.0");
        block.Write("big.bin", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24 * 1024 * 1024)));
        using var installed = new TestBlock("1.0.0");
        var reference = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("interrupt")}:3.0.0");
        await new BlockPublisher(client).PushAsync(new PushOptions(reference, block.Path, "3.0.0"), default);
        var installer = new BlockPuller(client);
        var before = Snapshot(installed.Path);

        var rejected = await Assert.ThrowsAsync<InvalidOperationException>(() => installer.PullAsync(
            new PullOptions(reference, installed.Path) { ValidateStagedBlock = _ => throw new InvalidOperationException("wrong version") }, default));
        using var cancelInValidation = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => installer.PullAsync(
            new PullOptions(reference, installed.Path) { ValidateStagedBlock = _ => cancelInValidation.Cancel() }, cancelInValidation.Token));
        // Canceled as soon as the pull creates its staging directory, i.e. while the 24 MB layer is still on its way
        // (a timer was not: on an idle machine the whole pull can finish before it fires).
        using var cancelMidway = new CancellationTokenSource();
        using var staging = new FileSystemWatcher(Path.GetDirectoryName(installed.Path)!, $".{Path.GetFileName(installed.Path)}.pull-*");
        staging.Created += (_, _) => cancelMidway.Cancel();
        staging.EnableRaisingEvents = true;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => installer.PullAsync(new PullOptions(reference, installed.Path), cancelMidway.Token));
        staging.EnableRaisingEvents = false;

        Assert.Equal("wrong version", rejected.Message);
        Assert.Equal(before, Snapshot(installed.Path));
        AssertNoLeftovers(installed.Path);
        await installer.PullAsync(new PullOptions(reference, installed.Path), default);
        Assert.Contains("version: 3.0.0", installed.Read("block.poly"), StringComparison.Ordinal);
        AssertNoLeftovers(installed.Path);
    }

    private static string Snapshot(string directory) => string.Join('\n',
        Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => Path.GetRelativePath(directory, p) + "=" + (File.Exists(p) && new FileInfo(p).LinkTarget is null ? File.ReadAllText(p) : "<dir/link>")));

    private static void AssertNoLeftovers(string target)
    {
        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent, $".{name}.*"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent, ".layer-*.tmp"));
    }
}
