using System.Security.Cryptography;

namespace Polycrate.Build.Secrets.Age;

/// <summary>Encrypts a stream to age v1 recipients, chunk by chunk in constant memory.</summary>
internal static class AgeEncryptor
{
    public static async Task EncryptAsync(
        Stream input,
        Stream output,
        IReadOnlyList<IRecipient> recipients,
        AgeEncryptOptions options,
        CancellationToken ct)
    {
        if (recipients.Count == 0)
        {
            throw new AgeException(AgeErrorKind.InvalidRecipients, "No age recipients were given; add at least one 'age1…' recipient.");
        }

        if (recipients.Count > 1 && recipients.Any(r => r is ScryptRecipient))
        {
            throw new AgeException(
                AgeErrorKind.InvalidRecipients,
                "A passphrase (scrypt) recipient cannot be combined with other recipients in one age file.");
        }

        var fileKey = RandomNumberGenerator.GetBytes(StanzaKeyWrap.FileKeySize);
        var armor = options.Armor ? new ArmorEncodingStream(output) : null;
        var target = (Stream?)armor ?? output;
        try
        {
            var stanzas = recipients.Select(r => r.Wrap(fileKey)).ToList();
            await target.WriteAsync(AgeHeader.Encode(stanzas, fileKey), ct);
            var nonce = RandomNumberGenerator.GetBytes(AgePayload.NonceSize);
            await target.WriteAsync(nonce, ct);
            var payloadKey = AgePayload.DeriveKey(fileKey, nonce);
            try
            {
                await AgePayload.EncryptAsync(input, target, payloadKey, ct);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(payloadKey);
            }

            if (armor is not null)
            {
                await armor.CompleteAsync(ct);
            }

            await output.FlushAsync(ct);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
            if (armor is not null)
            {
                await armor.DisposeAsync();
            }
        }
    }
}
