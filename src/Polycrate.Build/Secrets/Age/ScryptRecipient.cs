using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;

namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// Passphrase encryption: the wrap key is scrypt(passphrase, N = 2^workFactor, r = 8, p = 1).
/// An scrypt stanza must be the only stanza of a file, so it cannot be combined with other recipients.
/// </summary>
internal sealed class ScryptRecipient : IRecipient
{
    internal const string StanzaType = "scrypt";
    internal const int SaltSize = 16;
    private static readonly byte[] SaltLabel = Encoding.ASCII.GetBytes("age-encryption.org/v1/scrypt");

    private readonly byte[] passphrase;

    /// <summary>The passphrase is UTF-8 encoded for scrypt and never logged; the work factor is log2 N (age's default 18 is about one second).</summary>
    public ScryptRecipient(string passphrase, int workFactor = 18)
    {
        if (string.IsNullOrEmpty(passphrase))
        {
            throw new AgeException(AgeErrorKind.InvalidKey, "The passphrase for age scrypt encryption is empty. Provide a non-empty passphrase.");
        }

        if (workFactor is < 1 or > 30)
        {
            throw new AgeException(AgeErrorKind.InvalidKey, $"The scrypt work factor {workFactor} is out of range 1..30.");
        }

        this.passphrase = Encoding.UTF8.GetBytes(passphrase);
        WorkFactor = workFactor;
    }

    public int WorkFactor { get; }

    public AgeStanza Wrap(ReadOnlySpan<byte> fileKey)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var wrapKey = DeriveWrapKey(passphrase, salt, WorkFactor);
        var body = StanzaKeyWrap.Seal(wrapKey, fileKey);
        CryptographicOperations.ZeroMemory(wrapKey);
        return new AgeStanza([StanzaType, AgeBase64.Encode(salt), WorkFactor.ToString()], body);
    }

    internal static byte[] DeriveWrapKey(byte[] passphrase, byte[] salt, int workFactor)
    {
        var fullSalt = new byte[SaltLabel.Length + salt.Length];
        SaltLabel.CopyTo(fullSalt, 0);
        salt.CopyTo(fullSalt, SaltLabel.Length);
        return SCrypt.Generate(passphrase, fullSalt, 1 << workFactor, 8, 1, 32);
    }

    public override string ToString() => $"ScryptRecipient(workFactor={WorkFactor})";
}
