namespace Polycrate.Build.Registry;

/// <summary>
/// The downloaded layer blobs of one pull, each in a temporary file beside the target: a digest that several layers
/// share is downloaded once and applied as often as the manifest lists it. All files are deleted on dispose.
/// </summary>
internal sealed class LayerFiles : IAsyncDisposable
{
    private readonly RegistryClient _client;
    private readonly ImageReference _reference;
    private readonly string _directory;
    private readonly Dictionary<string, int> _remainingUses;
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public LayerFiles(RegistryClient client, ImageReference reference, string directory, IReadOnlyList<Descriptor> layers)
    {
        _client = client;
        _reference = reference;
        _directory = directory;
        _remainingUses = layers.GroupBy(l => l.Digest, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>Number of blobs actually downloaded so far.</summary>
    public int Downloads { get; private set; }

    /// <summary>A readable, seekable stream of the verified layer blob, downloaded on its first use.</summary>
    public async Task<Stream> OpenAsync(Descriptor layer, CancellationToken cancellationToken)
    {
        if (!_files.TryGetValue(layer.Digest, out var file))
        {
            file = Path.Combine(_directory, $".layer-{Guid.NewGuid():N}.tmp");
            _files[layer.Digest] = file;
            await using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await _client.DownloadBlobAsync(_reference, layer, stream, cancellationToken);
            }

            Downloads++;
        }

        // The last use of a blob deletes its file as soon as it is closed, so disk use stays at the layers still needed.
        var lastUse = --_remainingUses[layer.Digest] == 0;
        var options = FileOptions.Asynchronous | (lastUse ? FileOptions.DeleteOnClose : FileOptions.None);
        if (lastUse)
        {
            _files.Remove(layer.Digest);
        }

        return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, options);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var file in _files.Values)
        {
            File.Delete(file);
        }

        _files.Clear();
        return ValueTask.CompletedTask;
    }
}
