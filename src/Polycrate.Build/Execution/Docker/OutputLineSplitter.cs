using System.Text;

namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// Turns a byte stream into UTF-8 lines (without the line end; a trailing CR is dropped), decoding characters
/// that are split across writes correctly. <see cref="Flush"/> emits an unterminated last line.
/// </summary>
internal sealed class OutputLineSplitter
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
    private readonly StringBuilder _line = new();
    private readonly Action<string> _onLine;

    public OutputLineSplitter(Action<string> onLine) => _onLine = onLine;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[1024];
        while (!bytes.IsEmpty)
        {
            var take = Math.Min(bytes.Length, 1000);
            _decoder.Convert(bytes[..take], chars, flush: false, out var used, out var produced, out _);
            bytes = bytes[used..];
            Append(chars[..produced]);
        }
    }

    public void Flush()
    {
        Span<char> chars = stackalloc char[8];
        _decoder.Convert(ReadOnlySpan<byte>.Empty, chars, flush: true, out _, out var produced, out _);
        Append(chars[..produced]);
        if (_line.Length > 0)
        {
            Emit();
        }
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            if (c == '\n')
            {
                Emit();
            }
            else
            {
                _line.Append(c);
            }
        }
    }

    private void Emit()
    {
        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        _onLine(_line.ToString());
        _line.Clear();
    }
}
