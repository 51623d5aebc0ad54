using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// The age payload: a 16-byte nonce, then the plaintext in 64 KiB chunks sealed with ChaCha20-Poly1305
/// under HKDF(file key, nonce, "payload"), chunk nonce = 11-byte big-endian counter || last-chunk flag.
/// Buffers are rented once per call and reused for every chunk.
/// </summary>
internal static class AgePayload
{
    public const int NonceSize = 16;
    public const int ChunkSize = 64 * 1024;
    private const int TagSize = 16;
    private const int EncryptedChunkSize = ChunkSize + TagSize;
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("payload");

    public static byte[] DeriveKey(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> nonce)
    {
        var key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, key, nonce, Info);
        return key;
    }

    public static async Task EncryptAsync(Stream input, Stream output, byte[] payloadKey, CancellationToken ct)
    {
        using var aead = new ChaCha20Poly1305(payloadKey);
        var nonce = new byte[12];

        // One extra plaintext byte tells whether another chunk follows, so the last chunk is flagged correctly.
        var plain = ArrayPool<byte>.Shared.Rent(ChunkSize + 1);
        var sealedChunk = ArrayPool<byte>.Shared.Rent(EncryptedChunkSize);
        try
        {
            var carried = 0;
            while (true)
            {
                var n = carried + await ReadFullAsync(input, plain.AsMemory(carried, ChunkSize + 1 - carried), ct);
                var last = n <= ChunkSize;
                var length = last ? n : ChunkSize;
                nonce[11] = last ? (byte)1 : (byte)0;
                aead.Encrypt(nonce, plain.AsSpan(0, length), sealedChunk.AsSpan(0, length), sealedChunk.AsSpan(length, TagSize));
                await output.WriteAsync(sealedChunk.AsMemory(0, length + TagSize), ct);
                if (last)
                {
                    return;
                }

                plain[0] = plain[ChunkSize];
                carried = 1;
                IncrementCounter(nonce);
            }
        }
        finally
        {
            Release(plain, sealedChunk);
        }
    }

    /// <summary>
    /// Decrypts chunk by chunk; each chunk is written only after it authenticated. On failure, what was
    /// already written is authentic but incomplete, and the caller must discard it.
    /// </summary>
    public static async Task DecryptAsync(AgeInputReader input, Stream output, byte[] payloadKey, string source, CancellationToken ct)
    {
        using var aead = new ChaCha20Poly1305(payloadKey);
        var nonce = new byte[12];
        var sealedChunk = ArrayPool<byte>.Shared.Rent(EncryptedChunkSize + 1);
        var plain = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var carried = 0;
            for (long index = 0; ; index++)
            {
                var n = carried + await input.ReadFullAsync(sealedChunk.AsMemory(carried, EncryptedChunkSize + 1 - carried), ct);
                var last = n <= EncryptedChunkSize;
                var length = (last ? n : EncryptedChunkSize) - TagSize;
                if (length < 0)
                {
                    throw new AgeException(
                        AgeErrorKind.Truncated,
                        $"{source} ends before the end of its payload (chunk {index} is incomplete); the file is truncated.");
                }

                nonce[11] = last ? (byte)1 : (byte)0;
                if (!TryOpen(aead, nonce, sealedChunk, length, plain))
                {
                    nonce[11] = 0;
                    var cutAtChunkBoundary = last && length == ChunkSize && TryOpen(aead, nonce, sealedChunk, length, plain);
                    throw cutAtChunkBoundary
                        ? new AgeException(
                            AgeErrorKind.Truncated,
                            $"{source} ends after payload chunk {index} without a final chunk; the file is truncated.")
                        : new AgeException(
                            AgeErrorKind.PayloadAuthenticationFailed,
                            $"Payload chunk {index} of {source} failed authentication: the file was modified, corrupted or truncated.");
                }

                if (last && length == 0 && index > 0)
                {
                    throw new AgeException(
                        AgeErrorKind.PayloadAuthenticationFailed,
                        $"{source} ends with an empty final chunk after chunk {index - 1}, which the age format forbids.");
                }

                await output.WriteAsync(plain.AsMemory(0, length), ct);
                if (last)
                {
                    return;
                }

                sealedChunk[0] = sealedChunk[EncryptedChunkSize];
                carried = 1;
                IncrementCounter(nonce);
            }
        }
        finally
        {
            Release(plain, sealedChunk);
        }
    }

    /// <summary>Wipes the plaintext buffer and returns both buffers to the pool.</summary>
    private static void Release(byte[] plain, byte[] sealedChunk)
    {
        CryptographicOperations.ZeroMemory(plain);
        ArrayPool<byte>.Shared.Return(plain);
        ArrayPool<byte>.Shared.Return(sealedChunk);
    }

    private static bool TryOpen(ChaCha20Poly1305 aead, byte[] nonce, byte[] sealedChunk, int length, byte[] plain)
    {
        try
        {
            aead.Decrypt(nonce, sealedChunk.AsSpan(0, length), sealedChunk.AsSpan(length, TagSize), plain.AsSpan(0, length));
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    /// <summary>Increments the 11-byte big-endian counter in nonce[0..11).</summary>
    private static void IncrementCounter(byte[] nonce)
    {
        for (var i = 10; i >= 0; i--)
        {
            if (++nonce[i] != 0)
            {
                return;
            }
        }

        throw new AgeException(AgeErrorKind.PayloadAuthenticationFailed, "The age payload chunk counter overflowed.");
    }

    private static async ValueTask<int> ReadFullAsync(Stream input, Memory<byte> destination, CancellationToken ct)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var n = await input.ReadAsync(destination[total..], ct);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
