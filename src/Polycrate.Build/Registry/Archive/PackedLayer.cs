using Polycrate.Build.PrivateRuns;

namespace Polycrate.Build.Registry.Archive;

/// <summary>
/// A packed block layer in a temporary file: gzip-compressed tar, its digest and size, and the digest of the
/// uncompressed tar (the image config's diff id). Disposing deletes the file.
/// </summary>
internal sealed class PackedLayer : IDisposable
{
    private readonly string? _ownedDirectory;

    /// <summary><paramref name="ownedDirectory"/>: a private directory created for this layer alone, removed with it.</summary>
    public PackedLayer(string filePath, string digest, long size, string diffId, string? ownedDirectory = null)
    {
        _ownedDirectory = ownedDirectory;
        FilePath = filePath;
        Digest = digest;
        Size = size;
        DiffId = diffId;
    }

    public string FilePath { get; }

    /// <summary>sha256 of the compressed layer (what the manifest references).</summary>
    public string Digest { get; }

    public long Size { get; }

    /// <summary>sha256 of the uncompressed tar.</summary>
    public string DiffId { get; }

    public static string MediaType => MediaTypes.OciLayerGzip;

    public Descriptor ToDescriptor() => new(MediaType, Digest, Size);

    public void Dispose()
    {
        File.Delete(FilePath);
        if (_ownedDirectory is not null)
        {
            RunDirectories.TryDelete(_ownedDirectory);
        }
    }
}
