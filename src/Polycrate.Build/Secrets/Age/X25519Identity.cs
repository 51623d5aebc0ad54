using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// An X25519 private key, written "AGE-SECRET-KEY-1…". <see cref="ToString"/> shows only the public
/// recipient; the secret string is available only through <see cref="ToSecretString"/>.
/// </summary>
internal sealed class X25519Identity : IIdentity
{
    private const string Hrp = "age-secret-key-";
    private readonly byte[] secretKey;

    private X25519Identity(byte[] secretKey)
    {
        this.secretKey = secretKey;
        var publicKey = new byte[X25519Recipient.KeySize];
        X25519.ScalarMultBase(secretKey, 0, publicKey, 0);
        Recipient = new X25519Recipient(publicKey);
    }

    /// <summary>The public key that files for this identity are encrypted to.</summary>
    public X25519Recipient Recipient { get; }

    /// <summary>Generates a fresh identity from the system CSPRNG.</summary>
    public static X25519Identity Generate() => new(RandomNumberGenerator.GetBytes(X25519Recipient.KeySize));

    /// <summary>Parses "AGE-SECRET-KEY-1…" (e.g. the WORKSPACE_ENCRYPTION_KEY value); surrounding whitespace is ignored.</summary>
    public static X25519Identity Parse(string text)
    {
        if (!TryParse(text, out var identity))
        {
            throw new AgeException(
                AgeErrorKind.InvalidKey,
                "The value is not a valid age X25519 identity (expected 'AGE-SECRET-KEY-1…' with a valid Bech32 checksum). "
                + "Check that the key was copied completely; generate one with 'age-keygen' if needed.");
        }

        return identity;
    }

    public static bool TryParse(string text, out X25519Identity identity)
    {
        identity = null!;
        if (!Bech32.TryDecode(text.Trim(), out var hrp, out var data) || hrp != Hrp || data.Length != X25519Recipient.KeySize)
        {
            return false;
        }

        identity = new X25519Identity(data);
        return true;
    }

    /// <summary>The "AGE-SECRET-KEY-1…" string. Secret: never log it.</summary>
    public string ToSecretString() => Bech32.Encode(Hrp.ToUpperInvariant(), secretKey);

    public byte[]? Unwrap(IReadOnlyList<AgeStanza> stanzas)
    {
        foreach (var stanza in stanzas)
        {
            if (stanza.Type != X25519Recipient.StanzaType)
            {
                continue;
            }

            var share = stanza.Arguments.Count == 2 ? AgeBase64.TryDecode(stanza.Arguments[1]) : null;
            if (share is null || share.Length != X25519Recipient.KeySize)
            {
                throw new AgeException(
                    AgeErrorKind.MalformedHeader,
                    "An X25519 stanza in the age header is malformed (it needs exactly one argument, a 32-byte base64 share).");
            }

            if (stanza.Body.Length != StanzaKeyWrap.BodySize)
            {
                throw new AgeException(AgeErrorKind.MalformedHeader, "An X25519 stanza body in the age header has the wrong length.");
            }

            var shared = new byte[X25519Recipient.KeySize];
            if (!X25519.CalculateAgreement(secretKey, 0, share, 0, shared, 0))
            {
                throw new AgeException(
                    AgeErrorKind.MalformedHeader,
                    "An X25519 stanza in the age header uses a low-order share; the file is invalid or malicious.");
            }

            var wrapKey = X25519Recipient.DeriveWrapKey(shared, share, Recipient.PublicKey);
            CryptographicOperations.ZeroMemory(shared);
            var fileKey = StanzaKeyWrap.Open(wrapKey, stanza.Body);
            CryptographicOperations.ZeroMemory(wrapKey);
            if (fileKey is not null)
            {
                return fileKey;
            }
        }

        return null;
    }

    /// <summary>Shows only the public recipient, so an identity in a log or debugger never leaks.</summary>
    public override string ToString() => $"X25519Identity({Recipient})";
}
