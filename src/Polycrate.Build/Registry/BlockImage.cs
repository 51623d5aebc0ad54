using System.Globalization;
using Polycrate.Build.Registry.Archive;

namespace Polycrate.Build.Registry;

/// <summary>
/// Builds the image config and OCI manifest of a packed block. Everything in them derives from the layer and
/// the options, serialised in a fixed order, so the same block yields the same manifest digest.
/// </summary>
internal static class BlockImage
{
    public const string VersionLabel = "polycrate.block.version";
    public const string ChecksumLabel = "polycrate.blocks.checksum";
    public const string ChecksumAlgorithmLabel = "polycrate.blocks.checksum_algo";

    public static (byte[] Config, byte[] Manifest) Build(PackedLayer layer, PushOptions options)
    {
        var created = (options.Created ?? DateTimeOffset.UnixEpoch).ToUniversalTime()
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in options.Labels)
        {
            labels[key] = value;
        }

        // The 2025 tool wrote an MD5 directory hash here; sha256 of the uncompressed layer says the same, better.
        labels[VersionLabel] = options.Version;
        labels[ChecksumLabel] = ContentDigest.Hex(layer.DiffId);
        labels[ChecksumAlgorithmLabel] = "sha256";

        var config = RegistryJson.Serialize(new ImageConfig(
            created, "amd64", "linux", new ImageConfigDetails(labels), new RootFs("layers", [layer.DiffId])));

        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["org.opencontainers.image.created"] = created,
            ["org.opencontainers.image.title"] = options.Title ?? options.Reference.Repository[(options.Reference.Repository.LastIndexOf('/') + 1)..],
            ["org.opencontainers.image.version"] = options.Version,
        };
        if (!string.IsNullOrEmpty(options.Source))
        {
            annotations["org.opencontainers.image.source"] = options.Source;
        }

        var manifest = RegistryJson.Serialize(new ImageManifest(
            2,
            MediaTypes.OciManifest,
            new Descriptor(MediaTypes.OciConfig, ContentDigest.Of(config), config.Length),
            [layer.ToDescriptor()])
        {
            ArtifactType = MediaTypes.PolycrateBlock,
            Annotations = annotations,
        });
        return (config, manifest);
    }
}
