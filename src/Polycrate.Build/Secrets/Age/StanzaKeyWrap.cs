using System.Security.Cryptography;

namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// The AEAD every native stanza uses around the file key: ChaCha20-Poly1305 with an all-zero nonce
/// (safe because each wrap key is used once).
/// </summary>
internal static class StanzaKeyWrap
{
    public const int FileKeySize = 16;
    public const int BodySize = FileKeySize + 16;

    public static byte[] Seal(byte[] wrapKey, ReadOnlySpan<byte> fileKey)
    {
        var body = new byte[BodySize];
        using var aead = new ChaCha20Poly1305(wrapKey);
        aead.Encrypt(stackalloc byte[12], fileKey, body.AsSpan(0, FileKeySize), body.AsSpan(FileKeySize));
        return body;
    }

    /// <summary>Returns the file key, or null when the tag does not verify (the stanza is for someone else).</summary>
    public static byte[]? Open(byte[] wrapKey, byte[] body)
    {
        var fileKey = new byte[FileKeySize];
        using var aead = new ChaCha20Poly1305(wrapKey);
        try
        {
            aead.Decrypt(stackalloc byte[12], body.AsSpan(0, FileKeySize), body.AsSpan(FileKeySize), fileKey);
            return fileKey;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
