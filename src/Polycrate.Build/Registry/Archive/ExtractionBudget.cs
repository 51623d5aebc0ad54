using Polycrate.Build.Limits;

namespace Polycrate.Build.Registry.Archive;

/// <summary>
/// Counts what the layers of one pull decompress to, across all layers, and stops the extraction as soon as a
/// <see cref="PullLimits"/> bound is crossed: before the bytes reach the disk, not after. Not thread-safe (one pull
/// extracts its layers one after the other).
/// </summary>
internal sealed class ExtractionBudget
{
    private readonly ImageReference _reference;
    private long _bytes;
    private long _files;

    public ExtractionBudget(ImageReference reference, PullLimits limits)
    {
        _reference = reference;
        Limits = limits;
    }

    public PullLimits Limits { get; }

    /// <summary>Decompressed bytes counted so far (all layers).</summary>
    public long Bytes => _bytes;

    /// <summary>Tar entries counted so far (all layers).</summary>
    public long Files => _files;

    /// <summary>Wraps the decompressed tar stream of a layer whose compressed size is <paramref name="compressedSize"/>.</summary>
    public Stream Count(Stream decompressed, long compressedSize) => new CountingStream(this, decompressed, compressedSize);

    /// <summary>Counts one tar entry.</summary>
    /// <exception cref="PullLimitException">The block has more entries than allowed.</exception>
    public void CountEntry()
    {
        if (++_files > Limits.MaxFiles)
        {
            throw new PullLimitException(_reference, $"it has more than {Limits.MaxFiles} files (tar entries)", LimitVariables.MaxBlockFiles);
        }
    }

    private void Add(int read, long layerBytes, long compressedSize)
    {
        _bytes += read;
        if (_bytes > Limits.MaxBytes)
        {
            throw new PullLimitException(_reference, $"its layers decompress to more than {Limits.MaxBytes} bytes", LimitVariables.MaxBlockBytes);
        }

        if (layerBytes > PullLimits.RatioFloorBytes && layerBytes > compressedSize * Limits.MaxCompressionRatio)
        {
            throw new PullLimitException(_reference,
                $"a layer of {compressedSize} compressed bytes inflates to more than {layerBytes} bytes (more than {Limits.MaxCompressionRatio}:1, a compression bomb)",
                LimitVariables.MaxCompressionRatio);
        }
    }

    private sealed class CountingStream(ExtractionBudget budget, Stream inner, long compressedSize) : Stream
    {
        private long _layerBytes;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _layerBytes;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Counted(int read)
        {
            _layerBytes += read;
            budget.Add(read, _layerBytes, compressedSize);
            return read;
        }
    }
}
