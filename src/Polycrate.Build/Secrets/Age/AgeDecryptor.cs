using System.Security.Cryptography;

namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// Decrypts an age v1 stream (binary or armored) with the given identities, chunk by chunk in constant
/// memory. Only authenticated chunks are written, but if an exception is thrown, the output received an
/// incomplete plaintext and must be discarded: use <see cref="AgeFile.DecryptToFileAsync"/> for files,
/// which never leaves partial output behind.
/// </summary>
internal static class AgeDecryptor
{
    /// <summary>Decrypts <c>input</c> into <c>output</c>; <c>sourceName</c> names the input in error messages.</summary>
    public static async Task DecryptAsync(
        Stream input,
        Stream output,
        IReadOnlyList<IIdentity> identities,
        string sourceName,
        CancellationToken ct)
    {
        var reader = new AgeInputReader(input);
        if (await AgeArmor.IsArmoredAsync(reader, ct))
        {
            reader = new AgeInputReader(new ArmorDecodingStream(reader, sourceName));
        }

        var header = await AgeHeader.ReadAsync(reader, sourceName, ct);
        var fileKey = Unwrap(header, identities, sourceName);
        try
        {
            if (!header.VerifyMac(fileKey))
            {
                throw new AgeException(
                    AgeErrorKind.HeaderMacMismatch,
                    $"The header MAC of {sourceName} does not match: the header was modified or corrupted.");
            }

            var nonce = new byte[AgePayload.NonceSize];
            if (await reader.ReadFullAsync(nonce, ct) != nonce.Length)
            {
                throw new AgeException(AgeErrorKind.Truncated, $"{sourceName} ends before its payload nonce; the file is truncated.");
            }

            var payloadKey = AgePayload.DeriveKey(fileKey, nonce);
            try
            {
                await AgePayload.DecryptAsync(reader, output, payloadKey, sourceName, ct);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(payloadKey);
            }

            await output.FlushAsync(ct);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }

    private static byte[] Unwrap(AgeHeader header, IReadOnlyList<IIdentity> identities, string sourceName)
    {
        foreach (var identity in identities)
        {
            var fileKey = identity.Unwrap(header.Stanzas);
            if (fileKey is not null)
            {
                return fileKey;
            }
        }

        var types = string.Join(", ", header.Stanzas.Select(s => s.Type).Distinct());
        throw new AgeException(
            AgeErrorKind.NoIdentityMatched,
            $"Cannot decrypt {sourceName}: no identity matched any of the recipients (stanza types in the file: {types}). "
            + "Check that the right key (e.g. WORKSPACE_ENCRYPTION_KEY) or passphrase is used.");
    }
}
