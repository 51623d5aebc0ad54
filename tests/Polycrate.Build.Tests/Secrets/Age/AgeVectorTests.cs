using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Tests.Secrets.Age;

/// <summary>Runs the CCTV age test vectors in Vectors/ (see the README there for origin and license).</summary>
public sealed class AgeVectorTests
{
    private static string VectorDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Vectors");

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(VectorDirectory()).Where(f => Path.GetFileName(f) is not "README.md" and not ".gitattributes").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Vector_set_is_present()
    {
        Assert.True(Vectors().Count >= 10);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Vector_decrypts_as_expected(string name)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(VectorDirectory(), name));
        var split = IndexOf(bytes, "\n\n"u8) + 2;
        var fields = Encoding.ASCII.GetString(bytes, 0, split - 2).Split('\n').Select(l => l.Split(": ", 2)).ToList();
        string? Field(string key) => fields.FirstOrDefault(f => f[0] == key)?[1];
        var identities = fields.Where(f => f[0] == "identity").Select(f => (IIdentity)X25519Identity.Parse(f[1]))
            .Concat(fields.Where(f => f[0] == "passphrase").Select(f => new ScryptIdentity(f[1])))
            .ToList();
        var expect = Field("expect");

        using var output = new MemoryStream();
        var error = await Record.ExceptionAsync(() =>
            AgeDecryptor.DecryptAsync(new MemoryStream(bytes[split..]), output, identities, name, CancellationToken.None));

        if (expect == "success")
        {
            Assert.Null(error);
        }
        else
        {
            var kind = Assert.IsType<AgeException>(error).Kind;
            AgeErrorKind[] allowed = expect switch
            {
                "armor failure" => [AgeErrorKind.MalformedArmor],
                "header failure" => [AgeErrorKind.MalformedHeader, AgeErrorKind.Truncated, AgeErrorKind.WorkFactorTooLarge],
                "HMAC failure" => [AgeErrorKind.HeaderMacMismatch],
                "no match" => [AgeErrorKind.NoIdentityMatched],
                "payload failure" => [AgeErrorKind.PayloadAuthenticationFailed, AgeErrorKind.Truncated],
                _ => throw new InvalidOperationException($"unknown expectation '{expect}' in {name}"),
            };
            Assert.Contains(kind, allowed);
        }

        if (Field("payload") is { } payloadHash)
        {
            Assert.Equal(payloadHash, Convert.ToHexStringLower(SHA256.HashData(output.ToArray())));
        }
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
