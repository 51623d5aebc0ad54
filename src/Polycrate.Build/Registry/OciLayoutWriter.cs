using Polycrate.Build.Registry.Archive;

namespace Polycrate.Build.Registry;

/// <summary>
/// Writes a packed block as an OCI image layout (image-spec <c>image-layout.md</c>): <c>oci-layout</c>,
/// <c>index.json</c> with the one manifest tagged by <c>org.opencontainers.image.ref.name</c>, and
/// <c>blobs/sha256/…</c> holding layer, config and manifest. Same bytes as <see cref="BlockPublisher"/> pushes, so
/// <c>skopeo inspect oci:DIR:VERSION</c> shows the digest the registry will report, and
/// <c>skopeo copy oci:DIR:VERSION docker://…</c> can publish it without this tool.
/// </summary>
internal static class OciLayoutWriter
{
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    /// <summary>Replaces <paramref name="directory"/> with the layout; returns the manifest's descriptor.</summary>
    public static async Task<Descriptor> WriteAsync(PushOptions options, string directory, CancellationToken cancellationToken)
    {
        using var layer = await BlockPacker.PackAsync(options.BlockDirectory, options.TempDirectory, cancellationToken);
        var (config, manifest) = BlockImage.Build(layer, options);
        var manifestDescriptor = new Descriptor(MediaTypes.OciManifest, ContentDigest.Of(manifest), manifest.Length)
        {
            Annotations = new SortedDictionary<string, string>(StringComparer.Ordinal) { [RefNameAnnotation] = options.Reference.Tag ?? options.Version },
        };

        // A stale layout of an earlier version must not leave blobs or index entries behind.
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var blobs = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        File.Copy(layer.FilePath, BlobPath(blobs, layer.Digest));
        await File.WriteAllBytesAsync(BlobPath(blobs, ContentDigest.Of(config)), config, cancellationToken);
        await File.WriteAllBytesAsync(BlobPath(blobs, manifestDescriptor.Digest), manifest, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""", cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(directory, "index.json"),
            RegistryJson.Serialize(new ImageIndex(2, MediaTypes.OciIndex, [manifestDescriptor])), cancellationToken);
        return manifestDescriptor;
    }

    private static string BlobPath(string blobs, string digest) => Path.Combine(blobs, ContentDigest.Hex(digest));
}
