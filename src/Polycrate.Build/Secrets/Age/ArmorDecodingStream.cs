using System.Text;

namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// Read-only stream that strips the age ASCII armor line by line (constant memory). Rejects anything a
/// strict PEM encoder would not produce, except whitespace around the block and CRLF line endings.
/// </summary>
internal sealed class ArmorDecodingStream(AgeInputReader reader, string source) : Stream
{
    private const int MaxLine = 128;
    private readonly byte[] decoded = new byte[AgeArmor.BytesPerLine];
    private int decodedStart;
    private int decodedEnd;
    private bool begun;
    private bool ended;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        while (decodedStart == decodedEnd)
        {
            if (ended)
            {
                return 0;
            }

            await DecodeNextLineAsync(cancellationToken);
        }

        var n = Math.Min(destination.Length, decodedEnd - decodedStart);
        decoded.AsMemory(decodedStart, n).CopyTo(destination);
        decodedStart += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    private AgeException Malformed(string what) => new(
        AgeErrorKind.MalformedArmor,
        $"{source} has malformed ASCII armor: {what}. Re-export the file with 'age -a' or use the binary form.");

    private async Task<string> NextLineAsync(CancellationToken ct)
    {
        var bytes = await reader.ReadLineAsync(MaxLine, Malformed, ct) ?? throw Malformed("it ends before the END line");
        var length = bytes[^1] == '\n' ? bytes.Length - 1 : throw Malformed("the last line does not end with a newline");
        if (length > 0 && bytes[length - 1] == '\r')
        {
            length--;
        }

        return Encoding.Latin1.GetString(bytes, 0, length);
    }

    private async Task DecodeNextLineAsync(CancellationToken ct)
    {
        if (!begun)
        {
            await SkipWhitespaceAsync(ct);
            if (await NextLineAsync(ct) != AgeArmor.BeginLine)
            {
                throw Malformed($"the first line is not '{AgeArmor.BeginLine}'");
            }

            begun = true;
        }

        var line = await NextLineAsync(ct);
        if (line == AgeArmor.EndLine)
        {
            await FinishAsync(ct);
            return;
        }

        if (line.Length is 0 or > AgeArmor.ColumnsPerLine || line.Length % 4 != 0)
        {
            throw Malformed("a base64 line has the wrong length");
        }

        if (!Convert.TryFromBase64String(line, decoded, out var n) || Convert.ToBase64String(decoded, 0, n) != line)
        {
            throw Malformed("a line is not canonical base64");
        }

        decodedStart = 0;
        decodedEnd = n;
        if (line.Length < AgeArmor.ColumnsPerLine || line.EndsWith('='))
        {
            // A short or padded line must be the last one.
            if (await NextLineAsync(ct) != AgeArmor.EndLine)
            {
                throw Malformed($"a short line is not followed by '{AgeArmor.EndLine}'");
            }

            await FinishAsync(ct);
        }
    }

    private async Task FinishAsync(CancellationToken ct)
    {
        ended = true;
        await SkipWhitespaceAsync(ct);
        if ((await reader.PeekAsync(1, ct)).Length != 0)
        {
            throw Malformed("there is data after the END line");
        }
    }

    private async Task SkipWhitespaceAsync(CancellationToken ct)
    {
        while (true)
        {
            var next = await reader.PeekAsync(1, ct);
            if (next.Length == 0 || !AgeArmor.IsOuterWhitespace(next.Span[0]))
            {
                return;
            }

            reader.Skip(1);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
