using System.Text.Json;
using Polycrate.Build.Registry;

namespace Polycrate.Build.IntegrationTests.Registry;

[Collection(RegistryCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BlockPushPullTests(RegistryFixture registry)
{
    [Fact]
    public async Task Push_then_pull_round_trips_content_labels_and_digest()
    {
        using var client = registry.Client();
        using var block = new TestBlock();
        using var target = new TestBlock();
        var reference = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("round")}:1.0.0");

        var pushed = await new BlockPublisher(client).PushAsync(
            new PushOptions(reference, block.Path, "1.0.0") { Labels = new Dictionary<string, string> { ["team"] = "edge" } }, default);
        var pulled = await new BlockPuller(client).PullAsync(new PullOptions(reference, Path.Combine(target.Path, "installed")), default);

        Assert.False(pushed.AlreadyPresent);
        Assert.True(pushed.BytesUploaded > 0);
        Assert.Equal(pushed.Digest, pulled.Digest);
        Assert.Equal(block.Read("block.poly"), target.Read("installed/block.poly"));
        Assert.Equal("playbooks/update.yml", new FileInfo(Path.Combine(target.Path, "installed", "update.yml")).LinkTarget);
        Assert.Equal("1.0.0", pulled.Labels[BlockImage.VersionLabel]);
        Assert.Equal("edge", pulled.Labels["team"]);
        Assert.Equal("sha256", pulled.Labels[BlockImage.ChecksumAlgorithmLabel]);
    }

    [Fact]
    public async Task Re_pushing_the_same_content_uploads_nothing_even_from_another_checkout()
    {
        using var client = registry.Client();
        using var block = new TestBlock();
        using var copy = new TestBlock();
        File.SetLastWriteTimeUtc(Path.Combine(copy.Path, "block.poly"), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var reference = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("idem")}:1.0.0");
        var publisher = new BlockPublisher(client);

        var first = await publisher.PushAsync(new PushOptions(reference, block.Path, "1.0.0"), default);
        var second = await publisher.PushAsync(new PushOptions(reference, copy.Path, "1.0.0"), default);

        Assert.Equal(first.Digest, second.Digest);
        Assert.True(second.AlreadyPresent);
        Assert.Equal(0, second.BytesUploaded);
    }

    [Fact]
    public async Task A_tag_with_other_content_is_refused_unless_forced()
    {
        using var client = registry.Client();
        using var original = new TestBlock();
        using var changed = new TestBlock(extra: "description: changed\n");
        using var target = new TestBlock();
        var reference = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("conflict")}:1.0.0");
        var publisher = new BlockPublisher(client);
        var first = await publisher.PushAsync(new PushOptions(reference, original.Path, "1.0.0"), default);

        var refused = await Assert.ThrowsAsync<TagExistsException>(() => publisher.PushAsync(new PushOptions(reference, changed.Path, "1.0.0"), default));
        var forced = await publisher.PushAsync(new PushOptions(reference, changed.Path, "1.0.0") { Force = true }, default);
        await new BlockPuller(client).PullAsync(new PullOptions(reference, Path.Combine(target.Path, "b")), default);

        Assert.Equal("PCB4003", refused.Code);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.Equal(first.Digest, refused.ExistingDigest);
        Assert.NotEqual(first.Digest, forced.Digest);
        Assert.Contains("description: changed", target.Read("b/block.poly"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_is_only_tagged_when_asked()
    {
        using var client = registry.Client();
        using var block = new TestBlock();
        var repository = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("latest")}");
        var publisher = new BlockPublisher(client);

        await publisher.PushAsync(new PushOptions(repository, block.Path, "1.0.0"), default);
        Assert.Null(await client.TryResolveDigestAsync(repository.WithTag("latest"), default));
        var second = await publisher.PushAsync(new PushOptions(repository.WithTag("1.0.1"), block.Path, "1.0.1") { TagLatest = true }, default);

        Assert.Equal(second.Digest, await client.TryResolveDigestAsync(repository.WithTag("latest"), default));
        Assert.Equal(["1.0.0", "1.0.1", "latest"], (await client.ListTagsAsync(repository, default)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Blobs_known_in_another_repository_are_mounted_not_uploaded()
    {
        using var client = registry.Client();
        using var block = new TestBlock();
        var source = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("mount-src")}:1.0.0");
        var destination = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("mount-dst")}:1.0.0");
        var publisher = new BlockPublisher(client);

        var first = await publisher.PushAsync(new PushOptions(source, block.Path, "1.0.0"), default);
        using var fresh = registry.Client();
        var mounted = await new BlockPublisher(fresh).PushAsync(new PushOptions(destination, block.Path, "1.0.0") { MountFrom = source.Repository }, default);

        Assert.True(first.BytesUploaded > 0);
        Assert.False(mounted.AlreadyPresent);
        Assert.Equal(0, mounted.BytesUploaded);
        Assert.Equal(mounted.Digest, await client.TryResolveDigestAsync(destination, default));
    }

    [Fact]
    public async Task Skopeo_sees_artifact_type_labels_and_annotations()
    {
        using var client = registry.Client();
        using var block = new TestBlock();
        var reference = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("skopeo")}:2.1.0");
        await new BlockPublisher(client).PushAsync(new PushOptions(reference, block.Path, "2.1.0")
        {
            Labels = new Dictionary<string, string> { ["blocks.polycrate.io/kind"] = "generic" },
            Source = "https://git.example.com/acme/edge-ota",
        }, default);

        using var raw = JsonDocument.Parse(await Tool.RunAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{reference}"));
        using var inspect = JsonDocument.Parse(await Tool.RunAsync("skopeo", "inspect", "--tls-verify=false", $"docker://{reference}"));

        var manifest = raw.RootElement;
        Assert.Equal(MediaTypes.PolycrateBlock, manifest.GetProperty("artifactType").GetString());
        Assert.Equal(MediaTypes.OciManifest, manifest.GetProperty("mediaType").GetString());
        var annotations = manifest.GetProperty("annotations");
        Assert.Equal("2.1.0", annotations.GetProperty("org.opencontainers.image.version").GetString());
        Assert.Equal(reference.Repository[(reference.Repository.LastIndexOf('/') + 1)..], annotations.GetProperty("org.opencontainers.image.title").GetString());
        Assert.Equal("https://git.example.com/acme/edge-ota", annotations.GetProperty("org.opencontainers.image.source").GetString());
        Assert.Equal("1970-01-01T00:00:00Z", annotations.GetProperty("org.opencontainers.image.created").GetString());
        var labels = inspect.RootElement.GetProperty("Labels");
        Assert.Equal("2.1.0", labels.GetProperty("polycrate.block.version").GetString());
        Assert.Equal("generic", labels.GetProperty("blocks.polycrate.io/kind").GetString());
        Assert.Equal(64, labels.GetProperty("polycrate.blocks.checksum").GetString()!.Length);
        Assert.Equal("linux", inspect.RootElement.GetProperty("Os").GetString());
    }
}
