using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Polycrate.Build.Registry;

namespace Polycrate.Build.IntegrationTests.Registry.Hostile;

/// <summary>A crafted block artifact: blobs by digest and a manifest that may lie about them.</summary>
internal sealed class HostileArtifact
{
    public Dictionary<string, byte[]> Blobs { get; } = new(StringComparer.Ordinal);

    public List<Descriptor> Layers { get; } = [];

    public static string Digest(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Adds a gzip layer and returns its descriptor (also listed in <see cref="Layers"/>).</summary>
    public Descriptor AddLayer(byte[] tarGz, long? declaredSize = null)
    {
        var descriptor = new Descriptor(MediaTypes.OciLayerGzip, Digest(tarGz), declaredSize ?? tarGz.LongLength);
        Blobs[descriptor.Digest] = tarGz;
        Layers.Add(descriptor);
        return descriptor;
    }

    public byte[] Manifest()
    {
        var config = Encoding.UTF8.GetBytes("{}");
        Blobs[Digest(config)] = config;
        var manifest = new ImageManifest(2, MediaTypes.OciManifest, new Descriptor(MediaTypes.OciEmpty, Digest(config), config.Length), Layers);
        return JsonSerializer.SerializeToUtf8Bytes(manifest);
    }

    /// <summary>Serves the manifest for any tag and the blobs by digest; anything else is 404.</summary>
    public Func<HostileRequest, Stream, CancellationToken, Task> Serve(Func<HostileRequest, Stream, CancellationToken, Task<bool>>? intercept = null)
    {
        var manifest = Manifest();
        return async (request, stream, cancellationToken) =>
        {
            if (intercept is not null && await intercept(request, stream, cancellationToken))
            {
                return;
            }

            if (request.Path.Contains("/manifests/", StringComparison.Ordinal))
            {
                await HostileRegistry.RespondAsync(stream, request, 200, manifest, MediaTypes.OciManifest, ("Docker-Content-Digest", Digest(manifest)));
            }
            else if (request.Path.Contains("/blobs/", StringComparison.Ordinal) && Blobs.TryGetValue(request.Path[(request.Path.LastIndexOf('/') + 1)..], out var blob))
            {
                await HostileRegistry.RespondAsync(stream, request, 200, blob, "application/octet-stream");
            }
            else
            {
                await HostileRegistry.RespondAsync(stream, request, request.Path == "/v2/" ? 200 : 404, Encoding.UTF8.GetBytes("{}"));
            }
        };
    }

    /// <summary>A tar.gz with the given files; a file's content may be a long run of zeros (a bomb) without holding it in memory.</summary>
    public static byte[] TarGz(params (string Name, long ZeroBytes, string? Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, zeros, text) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    Mode = (UnixFileMode)0x1A4,
                    DataStream = text is null ? new ZeroStream(zeros) : new MemoryStream(Encoding.UTF8.GetBytes(text)),
                });
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The smallest real block: a block.poly.</summary>
    public static byte[] BlockLayer(string name = "hostile", string version = "1.0.0") =>
        TarGz(("block.poly", 0, $"name: {name}\nversion: {version}\nactions:\n  - name: go\n    script: [\"true\"]\n"));

    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        // Seekable with a known length, so TarWriter streams it instead of buffering it to learn its size.
        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => _position = value;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var take = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, take);
            _position += take;
            return take;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) =>
            _position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => _position + offset, _ => length + offset };

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
