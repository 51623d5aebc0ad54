using System.Text;

namespace Polycrate.Build.Limits;

/// <summary>
/// Bytes of a file the user controls to text the way a <see cref="StreamReader"/> with byte-order-mark detection reads them: a
/// UTF-8, UTF-16 or UTF-32 byte-order mark selects that encoding and is dropped; without one the text is UTF-8
/// (invalid sequences become U+FFFD). Decoded in one step from the bytes already read, without a reader's copies.
/// </summary>
internal static class TextDecoding
{
    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: true);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var (encoding, mark) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (Utf32BigEndian, 4),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => (Encoding.UTF8, 0),
        };
        return encoding.GetString(bytes[mark..]);
    }
}
