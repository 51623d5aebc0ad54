using System.Text;
using System.Text.Json;
using Polycrate.Build.Registry;

namespace Polycrate.Build.IntegrationTests.Registry;

/// <summary>Pushes hand-built images through the client's low-level API (formats our publisher never writes).</summary>
internal static class RawImage
{
    /// <summary>Pushes layers plus a config with <paramref name="labels"/>; returns the manifest digest.</summary>
    public static async Task<string> PushAsync(
        RegistryClient client,
        ImageReference reference,
        IReadOnlyList<byte[]> layers,
        IReadOnlyDictionary<string, string> labels,
        bool docker,
        string tagOrDigest,
        string architecture = "amd64")
    {
        var config = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["architecture"] = architecture,
            ["os"] = "linux",
            ["config"] = new Dictionary<string, object> { ["Labels"] = labels },
            ["rootfs"] = new Dictionary<string, object> { ["type"] = "layers", ["diff_ids"] = layers.Select(TestBlock.DiffId).ToArray() },
        });
        var layerType = docker ? MediaTypes.DockerLayerGzip : MediaTypes.OciLayerGzip;
        var configType = docker ? MediaTypes.DockerConfig : MediaTypes.OciConfig;
        var manifestType = docker ? MediaTypes.DockerManifest : MediaTypes.OciManifest;
        foreach (var layer in layers.Append(config))
        {
            await client.PushBlobAsync(reference, BlobContent.FromBytes(layer), null, default);
        }

        var manifest = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = manifestType,
            ["config"] = new Descriptor(configType, ContentDigest.Of(config), config.Length),
            ["layers"] = layers.Select(l => new Descriptor(layerType, ContentDigest.Of(l), l.Length)).ToArray(),
        });
        return await client.PushManifestAsync(reference, tagOrDigest, manifestType, manifest, default);
    }

    public static async Task PushIndexAsync(RegistryClient client, ImageReference reference, params (string Digest, string Architecture)[] manifests)
    {
        var entries = new List<object>();
        foreach (var (digest, architecture) in manifests)
        {
            var size = (await client.GetManifestAsync(reference.WithDigest(digest), default)).Bytes.Length;
            entries.Add(new Descriptor(MediaTypes.OciManifest, digest, size) { Platform = new Platform(architecture, "linux") });
        }

        var index = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { schemaVersion = 2, mediaType = MediaTypes.OciIndex, manifests = entries }));
        await client.PushManifestAsync(reference, reference.Tag!, MediaTypes.OciIndex, index, default);
    }
}
