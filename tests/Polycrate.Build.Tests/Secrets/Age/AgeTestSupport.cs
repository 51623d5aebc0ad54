using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Tests.Secrets.Age;

internal static class AgeTestSupport
{
    public static async Task<byte[]> EncryptAsync(byte[] plaintext, IReadOnlyList<IRecipient> recipients, bool armor = false)
    {
        using var output = new MemoryStream();
        await AgeEncryptor.EncryptAsync(new MemoryStream(plaintext), output, recipients, new AgeEncryptOptions(armor), CancellationToken.None);
        return output.ToArray();
    }

    public static async Task<byte[]> DecryptAsync(byte[] ciphertext, params IIdentity[] identities)
    {
        using var output = new MemoryStream();
        await AgeDecryptor.DecryptAsync(new MemoryStream(ciphertext), output, identities, "test.age", CancellationToken.None);
        return output.ToArray();
    }

    public static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        return data;
    }
}
