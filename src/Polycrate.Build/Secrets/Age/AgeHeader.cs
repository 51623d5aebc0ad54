using System.Security.Cryptography;
using System.Text;

namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// The textual age v1 header: version line, recipient stanzas, MAC line. Parsing is strict (canonical
/// base64, 64-column bodies, LF only, printable arguments) so every accepted header has one byte form and
/// the MAC can be checked over the bytes as read.
/// </summary>
internal sealed record AgeHeader(IReadOnlyList<AgeStanza> Stanzas, byte[] MacedBytes, byte[] Mac)
{
    public const string VersionLine = "age-encryption.org/v1";
    private const string VersionPrefix = "age-encryption.org/";
    private const int ColumnsPerLine = 64;
    private const int MaxLineLength = 16 * 1024;
    private const int MaxStanzas = 1024;
    private static readonly byte[] HmacInfo = Encoding.ASCII.GetBytes("header");

    /// <summary>Encodes stanzas and MAC; returns the complete header bytes including the final newline.</summary>
    public static byte[] Encode(IReadOnlyList<AgeStanza> stanzas, ReadOnlySpan<byte> fileKey)
    {
        var sb = new StringBuilder();
        sb.Append(VersionLine).Append('\n');
        foreach (var stanza in stanzas)
        {
            sb.Append("-> ").AppendJoin(' ', stanza.Arguments).Append('\n');
            var body = AgeBase64.Encode(stanza.Body);
            for (var i = 0; i <= body.Length; i += ColumnsPerLine)
            {
                // Always ends with a line shorter than 64 columns, empty if the body fills whole lines.
                sb.Append(body.AsSpan(i, Math.Min(ColumnsPerLine, body.Length - i))).Append('\n');
            }
        }

        sb.Append("---");
        var maced = Encoding.ASCII.GetBytes(sb.ToString());
        var mac = ComputeMac(fileKey, maced);
        return Encoding.ASCII.GetBytes(sb.Append(' ').Append(AgeBase64.Encode(mac)).Append('\n').ToString());
    }

    public static byte[] ComputeMac(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> macedBytes)
    {
        var key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, key, [], HmacInfo);
        var mac = HMACSHA256.HashData(key, macedBytes);
        CryptographicOperations.ZeroMemory(key);
        return mac;
    }

    public bool VerifyMac(ReadOnlySpan<byte> fileKey) =>
        CryptographicOperations.FixedTimeEquals(ComputeMac(fileKey, MacedBytes), Mac);

    public static async Task<AgeHeader> ReadAsync(AgeInputReader reader, string source, CancellationToken ct)
    {
        AgeException Malformed(string what) => new(
            AgeErrorKind.MalformedHeader,
            $"{source} is not a valid age file: {what}. The file may be corrupted or not age-encrypted.");

        var maced = new MemoryStream();
        async Task<string> NextLineAsync()
        {
            var bytes = await reader.ReadLineAsync(MaxLineLength, Malformed, ct);
            if (bytes is null || bytes[^1] != '\n')
            {
                throw new AgeException(
                    AgeErrorKind.Truncated,
                    $"{source} ends inside the age header; the file is truncated. Restore it from its original source.");
            }

            maced.Write(bytes);
            var text = Encoding.Latin1.GetString(bytes, 0, bytes.Length - 1);
            return text.Any(c => c < 0x20 || c > 0x7e) ? throw Malformed("the header contains a non-printable character") : text;
        }

        var version = await NextLineAsync();
        if (version != VersionLine)
        {
            throw version.StartsWith(VersionPrefix, StringComparison.Ordinal)
                ? Malformed($"unsupported format version '{version}' (only {VersionLine} is supported)")
                : Malformed("the first line is not the age version line");
        }

        var stanzas = new List<AgeStanza>();
        while (true)
        {
            var line = await NextLineAsync();
            if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                var mac = AgeBase64.TryDecode(line[4..]);
                if (mac is null || mac.Length != 32)
                {
                    throw Malformed("the header MAC line is malformed");
                }

                if (stanzas.Count == 0)
                {
                    throw Malformed("the header has no recipient stanza");
                }

                // The MAC covers everything up to and including "---", not the space after it.
                var macedBytes = maced.ToArray()[..^(line.Length - 3 + 1)];
                return new AgeHeader(stanzas, macedBytes, mac);
            }

            if (!line.StartsWith("-> ", StringComparison.Ordinal))
            {
                throw Malformed("expected a recipient stanza ('-> ') or the MAC line ('--- ')");
            }

            var args = line[3..].Split(' ');
            if (args.Any(a => a.Length == 0))
            {
                throw Malformed("a recipient stanza has an empty argument");
            }

            var body = new StringBuilder();
            while (true)
            {
                var bodyLine = await NextLineAsync();
                if (bodyLine.Length > ColumnsPerLine || !bodyLine.All(AgeBase64.IsBase64Char))
                {
                    throw Malformed("a stanza body line is not base64 of at most 64 columns");
                }

                body.Append(bodyLine);
                if (bodyLine.Length < ColumnsPerLine)
                {
                    break;
                }
            }

            var decoded = AgeBase64.TryDecode(body.ToString()) ?? throw Malformed("a stanza body is not canonical base64");
            stanzas.Add(new AgeStanza(args, decoded));
            if (stanzas.Count > MaxStanzas)
            {
                throw Malformed($"the header has more than {MaxStanzas} stanzas");
            }
        }
    }
}
