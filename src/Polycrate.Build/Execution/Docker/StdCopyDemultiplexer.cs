using System.Buffers.Binary;

namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// Splits the engine's multiplexed attach/logs stream (containers without a TTY) into stdout and stderr.
/// Each frame is an 8-byte header — stream type (1 stdout, 2 stderr, 3 engine error), three zero bytes,
/// big-endian uint32 payload length — followed by the payload. Frames may be split across reads at any byte.
/// </summary>
internal sealed class StdCopyDemultiplexer
{
    private readonly byte[] _header = new byte[8];
    private readonly Action<StdStream, ReadOnlySpan<byte>> _onPayload;
    private int _headerFill;
    private StdStream _current;
    private uint _remaining;

    public StdCopyDemultiplexer(Action<StdStream, ReadOnlySpan<byte>> onPayload) => _onPayload = onPayload;

    /// <summary>Feeds the next bytes read from the stream.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_remaining == 0)
            {
                var take = Math.Min(8 - _headerFill, data.Length);
                data[..take].CopyTo(_header.AsSpan(_headerFill));
                _headerFill += take;
                data = data[take..];
                if (_headerFill < 8)
                {
                    return;
                }

                _headerFill = 0;
                _current = _header[0] switch
                {
                    1 => StdStream.Stdout,
                    2 or 3 => StdStream.Stderr,
                    0 => StdStream.Stdout,
                    _ => throw new InvalidDataException(
                        $"The Docker log stream has an unknown frame type {_header[0]}; was the container created with a TTY?"),
                };
                _remaining = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4));
                continue;
            }

            var length = (int)Math.Min(_remaining, (uint)data.Length);
            _onPayload(_current, data[..length]);
            _remaining -= (uint)length;
            data = data[length..];
        }
    }

    /// <summary>True when the stream ended between frames (not inside a header or payload).</summary>
    public bool IsAtFrameBoundary => _headerFill == 0 && _remaining == 0;

    /// <summary>Reads <paramref name="source"/> to its end, feeding every read.</summary>
    public async Task CopyFromAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            Write(buffer.AsSpan(0, read));
        }
    }
}

internal enum StdStream
{
    Stdout,
    Stderr,
}
