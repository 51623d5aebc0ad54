using System.Text;

namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// Decrypts passphrase-encrypted files. Rejects work factors above <see cref="MaxWorkFactor"/> (a file
/// could otherwise make us spend minutes and gigabytes) and headers mixing scrypt with other stanzas.
/// </summary>
internal sealed class ScryptIdentity : IIdentity
{
    /// <summary>age's own default ceiling: 2^22 is about 4 GiB·s of work and 4 GiB of memory at r = 8.</summary>
    public const int DefaultMaxWorkFactor = 22;

    private readonly byte[] passphrase;

    public ScryptIdentity(string passphrase, int maxWorkFactor = DefaultMaxWorkFactor)
    {
        this.passphrase = Encoding.UTF8.GetBytes(passphrase);
        MaxWorkFactor = maxWorkFactor;
    }

    public int MaxWorkFactor { get; }

    public byte[]? Unwrap(IReadOnlyList<AgeStanza> stanzas)
    {
        var scrypt = stanzas.FirstOrDefault(s => s.Type == ScryptRecipient.StanzaType);
        if (scrypt is null)
        {
            return null;
        }

        if (stanzas.Count != 1)
        {
            throw new AgeException(
                AgeErrorKind.MalformedHeader,
                "The age header mixes an scrypt (passphrase) stanza with other stanzas, which the age format forbids.");
        }

        var args = scrypt.Arguments;
        var salt = args.Count == 3 ? AgeBase64.TryDecode(args[1]) : null;
        if (salt is null || salt.Length != ScryptRecipient.SaltSize || !TryParseWorkFactor(args[2], out var workFactor))
        {
            throw new AgeException(
                AgeErrorKind.MalformedHeader,
                "The scrypt stanza in the age header is malformed (it needs a 16-byte base64 salt and a decimal work factor).");
        }

        if (scrypt.Body.Length != StanzaKeyWrap.BodySize)
        {
            throw new AgeException(AgeErrorKind.MalformedHeader, "The scrypt stanza body in the age header has the wrong length.");
        }

        if (workFactor > MaxWorkFactor)
        {
            throw new AgeException(
                AgeErrorKind.WorkFactorTooLarge,
                $"The file's scrypt work factor {workFactor} exceeds the maximum {MaxWorkFactor}; refusing to spend that much time and memory.");
        }

        var wrapKey = ScryptRecipient.DeriveWrapKey(passphrase, salt, workFactor);
        return StanzaKeyWrap.Open(wrapKey, scrypt.Body);
    }

    /// <summary>Strict decimal without sign or leading zero (spec: ^[1-9][0-9]*$), bounded so 1 &lt;&lt; n cannot overflow.</summary>
    private static bool TryParseWorkFactor(string text, out int workFactor)
    {
        workFactor = 0;
        if (text.Length is 0 or > 2 || text[0] == '0' || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        workFactor = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return workFactor < 64;
    }

    public override string ToString() => "ScryptIdentity";
}
