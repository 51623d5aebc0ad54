using System.Buffers.Text;
using System.Text;

namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// Write-only stream that wraps its output in the age ASCII armor: BEGIN line, base64 in 64-column
/// lines, END line. Call <see cref="CompleteAsync"/> to write the final line; disposing does not.
/// </summary>
internal sealed class ArmorEncodingStream(Stream output) : Stream
{
    private const int LinesPerFlush = 256;
    private readonly byte[] pending = new byte[AgeArmor.BytesPerLine];
    private readonly byte[] encoded = new byte[LinesPerFlush * (AgeArmor.ColumnsPerLine + 1)];
    private int pendingCount;
    private int encodedCount;
    private bool begun;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        await BeginAsync(cancellationToken);
        while (!source.IsEmpty)
        {
            var n = Math.Min(source.Length, pending.Length - pendingCount);
            source[..n].CopyTo(pending.AsMemory(pendingCount));
            pendingCount += n;
            source = source[n..];
            if (pendingCount == pending.Length)
            {
                EncodeLine();
                if (encodedCount == encoded.Length)
                {
                    await output.WriteAsync(encoded.AsMemory(0, encodedCount), cancellationToken);
                    encodedCount = 0;
                }
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>Writes the last (padded) line and the END line.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        await BeginAsync(ct);
        if (pendingCount > 0)
        {
            EncodeLine();
        }

        await output.WriteAsync(encoded.AsMemory(0, encodedCount), ct);
        encodedCount = 0;
        await output.WriteAsync(Encoding.ASCII.GetBytes(AgeArmor.EndLine + "\n"), ct);
        await output.FlushAsync(ct);
    }

    private async Task BeginAsync(CancellationToken ct)
    {
        if (!begun)
        {
            begun = true;
            await output.WriteAsync(Encoding.ASCII.GetBytes(AgeArmor.BeginLine + "\n"), ct);
        }
    }

    private void EncodeLine()
    {
        Base64.EncodeToUtf8(pending.AsSpan(0, pendingCount), encoded.AsSpan(encodedCount), out _, out var written);
        encodedCount += written;
        encoded[encodedCount++] = (byte)'\n';
        pendingCount = 0;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
