using System.Buffers.Text;

namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// The base64 flavour of age headers: standard alphabet, no '=' padding, canonical encodings only
/// (decoders must reject anything an encoder would not produce, so a header has exactly one byte form).
/// </summary>
internal static class AgeBase64
{
    public static string Encode(ReadOnlySpan<byte> data) => Convert.ToBase64String(data).TrimEnd('=');

    /// <summary>Decodes strictly; returns null for padding, whitespace, foreign characters or non-canonical trailing bits.</summary>
    public static byte[]? TryDecode(string text)
    {
        foreach (var c in text)
        {
            if (!IsBase64Char(c))
            {
                return null;
            }
        }

        if (text.Length % 4 == 1)
        {
            return null;
        }

        var padded = text.Length % 4 == 0 ? text : text + new string('=', 4 - (text.Length % 4));
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(padded.Length)];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
        {
            return null;
        }

        var result = bytes.AsSpan(0, written).ToArray();

        // Non-canonical: unused low bits of the last character were set.
        return Encode(result) == text ? result : null;
    }

    public static bool IsBase64Char(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/';
}
