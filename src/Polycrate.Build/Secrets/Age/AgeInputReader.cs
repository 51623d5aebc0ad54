namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// A small buffered reader over the encrypted input: line reads for the textual header and armor,
/// bulk reads for the binary payload, without losing bytes between the two (the payload starts right after
/// the header's last line, so the header must not be read through a separate buffering reader).
/// </summary>
internal sealed class AgeInputReader(Stream source)
{
    private readonly byte[] buffer = new byte[4096];
    private int start;
    private int end;

    /// <summary>Ensures up to <paramref name="count"/> bytes are buffered and returns them (fewer at EOF).</summary>
    public async ValueTask<ReadOnlyMemory<byte>> PeekAsync(int count, CancellationToken ct)
    {
        if (end - start < count)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
            while (end < count)
            {
                var n = await source.ReadAsync(buffer.AsMemory(end), ct);
                if (n == 0)
                {
                    break;
                }

                end += n;
            }
        }

        return buffer.AsMemory(start, Math.Min(count, end - start));
    }

    public void Skip(int count) => start += count;

    /// <summary>
    /// Reads one line including its '\n' (missing only when EOF came first). Returns null at EOF before any
    /// byte; throws <paramref name="onError"/>'s exception when the line is longer than <paramref name="maxLength"/>.
    /// </summary>
    public async ValueTask<byte[]?> ReadLineAsync(int maxLength, Func<string, AgeException> onError, CancellationToken ct)
    {
        var line = new List<byte>(80);
        while (true)
        {
            if (start == end)
            {
                start = 0;
                end = await source.ReadAsync(buffer, ct);
                if (end == 0)
                {
                    return line.Count == 0 ? null : [.. line];
                }
            }

            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            var take = newline < 0 ? end - start : newline - start + 1;
            if (line.Count + take > maxLength + 1)
            {
                throw onError($"a line is longer than {maxLength} characters");
            }

            line.AddRange(buffer.AsSpan(start, take));
            start += take;
            if (newline >= 0)
            {
                return [.. line];
            }
        }
    }

    /// <summary>Fills <paramref name="destination"/> as far as the input allows; returns the count (less only at EOF).</summary>
    public async ValueTask<int> ReadFullAsync(Memory<byte> destination, CancellationToken ct)
    {
        var total = Math.Min(end - start, destination.Length);
        buffer.AsMemory(start, total).CopyTo(destination);
        start += total;
        while (total < destination.Length)
        {
            var n = await source.ReadAsync(destination[total..], ct);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
