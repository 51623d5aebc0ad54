using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Limits;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Registry.Archive;

namespace Polycrate.Build.Registry;

/// <summary>
/// Pulls a block and installs it atomically. Reads this tool's OCI artifacts and the 2025 tool's Docker v2
/// schema 2 images (base layers plus block layer, applied in order with whiteouts); picks linux/amd64 from an
/// index. Layers are downloaded and digest-verified, extracted into a staging directory next to the target,
/// validated, then swapped in; any failure or cancellation leaves the previous block untouched.
/// </summary>
internal sealed class BlockPuller
{
    public const string BlockFileName = "block.poly";

    private readonly RegistryClient _client;
    private readonly ILogger _logger;

    public BlockPuller(RegistryClient client, ILogger? logger = null)
    {
        _client = client;
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task<PullResult> PullAsync(PullOptions options, CancellationToken cancellationToken)
    {
        var reference = options.Reference;
        var content = await _client.GetManifestAsync(reference, cancellationToken);
        if (MediaTypes.IsIndex(content.MediaType))
        {
            content = await _client.GetManifestAsync(reference.WithDigest(ChoosePlatform(reference, content)), cancellationToken);
        }

        if (!MediaTypes.IsManifest(content.MediaType))
        {
            throw new UnsupportedImageException(reference, $"its manifest has media type '{content.MediaType}', not an OCI or Docker v2 image manifest");
        }

        var manifest = Parse<ImageManifest>(reference, content.Bytes, "manifest");
        var unsupported = manifest.Layers.FirstOrDefault(l => !MediaTypes.IsTarLayer(l.MediaType));
        if (unsupported is not null)
        {
            throw new UnsupportedImageException(reference, $"layer {unsupported.Digest} has media type '{unsupported.MediaType}' (only tar and tar+gzip layers are supported)");
        }

        var limits = _client.Limits;
        CheckDeclaredSizes(reference, manifest, limits);
        var labels = await ReadLabelsAsync(reference, manifest.Config, cancellationToken);
        var target = Path.GetFullPath(options.TargetDirectory);
        var parent = Path.GetDirectoryName(target) ?? throw new UnsupportedImageException(reference, $"the target {target} has no parent directory");
        Directory.CreateDirectory(parent);
        // The owner token lets the next command remove the folder if this process is killed (WorkspaceLeftovers).
        var staging = TemporarySiblings.Create(target, TemporarySiblingKind.PullStaging);
        await using var layers = new LayerFiles(_client, reference, parent, manifest.Layers);
        try
        {
            Directory.CreateDirectory(staging);
            var budget = new ExtractionBudget(reference, limits);
            foreach (var layer in manifest.Layers)
            {
                _logger.LogDebug("Applying layer {Digest} ({Size} bytes)", layer.Digest, layer.Size);
                var stream = await layers.OpenAsync(layer, cancellationToken);
                await using (stream)
                {
                    await LayerExtractor.ApplyAsync(stream, staging, budget, cancellationToken);
                }
            }

            LayerExtractor.VerifySymlinks(staging);
            (options.ValidateStagedBlock ?? RequireBlockFile(reference))(staging);
            cancellationToken.ThrowIfCancellationRequested();
            Swap(staging, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw FileSystemException.From(e, $"installing {reference} into {target}");
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        _logger.LogInformation("Installed {Reference} into {Target}", reference.WithDigest(content.Digest), target);
        return new PullResult(reference.WithDigest(content.Digest), content.Digest, labels, target);
    }

    private static string ChoosePlatform(ImageReference reference, ManifestContent content)
    {
        var index = Parse<ImageIndex>(reference, content.Bytes, "index");
        var match = index.Manifests.FirstOrDefault(m => m.Platform is { Os: "linux", Architecture: "amd64" })
            ?? (index.Manifests.Count == 1 ? index.Manifests[0] : null);
        return match?.Digest ?? throw new UnsupportedImageException(reference,
            "its index has no linux/amd64 manifest (platforms: "
            + string.Join(", ", index.Manifests.Select(m => m.Platform is null ? "none" : $"{m.Platform.Os}/{m.Platform.Architecture}")) + ")");
    }

    private async Task<IReadOnlyDictionary<string, string>> ReadLabelsAsync(ImageReference reference, Descriptor config, CancellationToken cancellationToken)
    {
        if (config.MediaType is not (MediaTypes.OciConfig or MediaTypes.DockerConfig))
        {
            return new Dictionary<string, string>();
        }

        var bytes = await _client.GetBlobBytesAsync(reference, config, cancellationToken);
        return Parse<ImageConfig>(reference, bytes, "image config").Config?.Labels ?? new Dictionary<string, string>();
    }

    /// <summary>Refuses before any download: too many layers, or layers declared larger than the block may be.</summary>
    private static void CheckDeclaredSizes(ImageReference reference, ImageManifest manifest, PullLimits limits)
    {
        if (manifest.Layers.Count > limits.MaxLayers)
        {
            throw new PullLimitException(reference, $"its manifest has {manifest.Layers.Count} layers, more than {limits.MaxLayers}", LimitVariables.MaxBlockLayers);
        }

        var declared = manifest.Layers.DistinctBy(l => l.Digest).Sum(l => Math.Max(0, l.Size));
        if (manifest.Layers.Any(l => l.Size > limits.MaxBytes) || declared > limits.MaxBytes)
        {
            throw new PullLimitException(reference, $"its layers declare {declared} bytes, more than the {limits.MaxBytes} a block may have", LimitVariables.MaxBlockBytes);
        }
    }

    private static Action<string> RequireBlockFile(ImageReference reference) => staging =>
    {
        if (!File.Exists(Path.Combine(staging, BlockFileName)))
        {
            throw new UnsupportedImageException(reference, $"it contains no {BlockFileName} at its root, so it is not a Polycrate block");
        }
    };

    /// <summary>Moves the old block aside, moves the new one in, then deletes the old one; restores on failure.</summary>
    private static void Swap(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }

        // Named with our owner token: if this process dies before the delete, the sweep restores or removes it.
        var old = TemporarySiblings.Create(target, TemporarySiblingKind.Displaced);
        Directory.Move(target, old);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(old, target);
            throw;
        }

        Directory.Delete(old, recursive: true);
    }

    private static T Parse<T>(ImageReference reference, byte[] json, string what) where T : class
    {
        try
        {
            return RegistryJson.Deserialize<T>(json, what);
        }
        catch (InvalidDataException e)
        {
            throw new UnsupportedImageException(reference, e.Message);
        }
    }
}
