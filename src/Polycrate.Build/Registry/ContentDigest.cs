using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Polycrate.Build.Registry;

/// <summary>OCI content digests (<c>sha256:&lt;hex&gt;</c>): validation and computation.</summary>
internal static partial class ContentDigest
{
    public static bool IsValid(string digest) => DigestPattern().IsMatch(digest);

    public static string Of(ReadOnlySpan<byte> content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    public static async Task<string> OfFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>Hex part of a digest, e.g. for the legacy checksum label.</summary>
    public static string Hex(string digest) => digest[(digest.IndexOf(':', StringComparison.Ordinal) + 1)..];

    [GeneratedRegex("^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$")]
    private static partial Regex DigestPattern();
}
