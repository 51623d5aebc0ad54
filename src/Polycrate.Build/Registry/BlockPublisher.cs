using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Registry.Archive;

namespace Polycrate.Build.Registry;

/// <summary>
/// Pushes a block directory as an OCI artifact: pack, build config and manifest, upload only missing blobs,
/// tag. Re-pushing identical content uploads nothing; a tag holding other content is refused unless forced.
/// </summary>
internal sealed class BlockPublisher
{
    private readonly RegistryClient _client;
    private readonly ILogger _logger;

    public BlockPublisher(RegistryClient client, ILogger? logger = null)
    {
        _client = client;
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task<PushResult> PushAsync(PushOptions options, CancellationToken cancellationToken)
    {
        var reference = options.Reference.Tag is null ? options.Reference.WithTag(options.Version) : options.Reference;
        using var layer = await BlockPacker.PackAsync(options.BlockDirectory, options.TempDirectory, cancellationToken);
        var (config, manifest) = BlockImage.Build(layer, options);
        var digest = ContentDigest.Of(manifest);

        var existing = await _client.TryResolveDigestAsync(reference, cancellationToken);
        if (existing == digest)
        {
            _logger.LogInformation("{Reference} already holds {Digest}; nothing to upload", reference, digest);
            await TagLatestAsync(reference, options, manifest, digest, cancellationToken);
            return new PushResult(reference.WithDigest(digest), digest, 0, AlreadyPresent: true);
        }

        if (existing is not null && !options.Force)
        {
            throw new TagExistsException(reference, existing, digest);
        }

        var uploaded = await _client.PushBlobAsync(reference, BlobContent.FromFile(layer.FilePath, layer.Digest), options.MountFrom, cancellationToken);
        uploaded += await _client.PushBlobAsync(reference, BlobContent.FromBytes(config), options.MountFrom, cancellationToken);
        await _client.PushManifestAsync(reference, reference.Tag!, MediaTypes.OciManifest, manifest, cancellationToken);
        await TagLatestAsync(reference, options, manifest, digest, cancellationToken);
        _logger.LogInformation("Pushed {Reference}@{Digest} ({Bytes} bytes uploaded)", reference, digest, uploaded);
        return new PushResult(reference.WithDigest(digest), digest, uploaded, AlreadyPresent: false);
    }

    private async Task TagLatestAsync(ImageReference reference, PushOptions options, byte[] manifest, string digest, CancellationToken cancellationToken)
    {
        if (!options.TagLatest || reference.Tag == "latest")
        {
            return;
        }

        var latest = reference.WithTag("latest");
        if (await _client.TryResolveDigestAsync(latest, cancellationToken) != digest)
        {
            await _client.PushManifestAsync(latest, "latest", MediaTypes.OciManifest, manifest, cancellationToken);
        }
    }
}
