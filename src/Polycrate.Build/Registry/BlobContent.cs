namespace Polycrate.Build.Registry;

/// <summary>A blob to upload: its digest and size, and a way to (re)open its bytes for each attempt.</summary>
internal sealed record BlobContent(string Digest, long Size, Func<Stream> Open)
{
    public static BlobContent FromBytes(byte[] bytes) => new(ContentDigest.Of(bytes), bytes.Length, () => new MemoryStream(bytes, writable: false));

    public static BlobContent FromFile(string path, string digest) => new(digest, new FileInfo(path).Length, () => File.OpenRead(path));
}
