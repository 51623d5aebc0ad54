using System.Text;
using Polycrate.Build.Secrets.Age;
using static Polycrate.Build.Tests.Secrets.Age.AgeTestSupport;

namespace Polycrate.Build.Tests.Secrets.Age;

public sealed class AgeErrorTests
{
    private readonly X25519Identity identity = X25519Identity.Generate();

    private async Task<AgeException> DecryptFailsAsync(byte[] ciphertext, AgeErrorKind expected, params IIdentity[] identities)
    {
        var ex = await Assert.ThrowsAsync<AgeException>(() => DecryptAsync(ciphertext, identities.Length == 0 ? [identity] : identities));
        Assert.Equal(expected, ex.Kind);
        Assert.Equal($"PCB{(int)expected}", ex.Code);
        Assert.Equal(1, ex.ExitCode);
        Assert.DoesNotContain(identity.ToSecretString(), ex.Message, StringComparison.Ordinal);
        return ex;
    }

    private static int HeaderLength(byte[] file) =>
        Encoding.Latin1.GetString(file).IndexOf("\n---", StringComparison.Ordinal) is var i and >= 0
            ? Array.IndexOf(file, (byte)'\n', i + 1) + 1
            : throw new InvalidOperationException("no MAC line");

    [Fact]
    public async Task Wrong_key_says_no_identity_matched()
    {
        var ciphertext = await EncryptAsync(RandomBytes(10), [identity.Recipient]);
        var ex = await DecryptFailsAsync(ciphertext, AgeErrorKind.NoIdentityMatched, X25519Identity.Generate());
        Assert.Contains("no identity matched any of the recipients", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_stanza_type_without_a_matching_identity_says_no_identity_matched()
    {
        var file = Encoding.ASCII.GetBytes("age-encryption.org/v1\n-> example.com/enigma abc\nAAAA\n--- " + new string('A', 43) + "\n");
        var ex = await DecryptFailsAsync(file, AgeErrorKind.NoIdentityMatched);
        Assert.Contains("example.com/enigma", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(64 * 1024 * 2 + 5)]
    public async Task Flipped_payload_byte_fails_chunk_authentication(int size)
    {
        var ciphertext = await EncryptAsync(RandomBytes(size), [identity.Recipient]);
        ciphertext[^5] ^= 0x01;
        await DecryptFailsAsync(ciphertext, AgeErrorKind.PayloadAuthenticationFailed);
    }

    [Fact]
    public async Task Flipped_nonce_byte_fails_chunk_authentication()
    {
        var ciphertext = await EncryptAsync(RandomBytes(10), [identity.Recipient]);
        ciphertext[HeaderLength(ciphertext)] ^= 0x80;
        await DecryptFailsAsync(ciphertext, AgeErrorKind.PayloadAuthenticationFailed);
    }

    [Fact]
    public async Task Modified_header_fails_the_mac()
    {
        // Two recipients: changing the second stanza's argument leaves the first one unwrappable.
        var ciphertext = await EncryptAsync(RandomBytes(10), [identity.Recipient, X25519Identity.Generate().Recipient]);
        var text = Encoding.Latin1.GetString(ciphertext);
        var second = text.IndexOf("-> X25519 ", text.IndexOf("-> X25519 ", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        var pos = second + 11;
        ciphertext[pos] = (byte)(ciphertext[pos] == 'A' ? 'B' : 'A');
        await DecryptFailsAsync(ciphertext, AgeErrorKind.HeaderMacMismatch);
    }

    [Fact]
    public async Task Flipped_mac_byte_fails_the_mac()
    {
        var ciphertext = await EncryptAsync(RandomBytes(10), [identity.Recipient]);
        var pos = HeaderLength(ciphertext) - 10;
        ciphertext[pos] = (byte)(ciphertext[pos] == 'A' ? 'B' : 'A');
        await DecryptFailsAsync(ciphertext, AgeErrorKind.HeaderMacMismatch);
    }

    [Theory]
    [InlineData(100, 20)]
    [InlineData(100, 1)]
    [InlineData(64 * 1024 * 3, 65536 + 16 + 100)]
    public async Task Truncated_payload_is_reported(int size, int cut)
    {
        var ciphertext = await EncryptAsync(RandomBytes(size), [identity.Recipient]);
        var ex = await Assert.ThrowsAsync<AgeException>(() => DecryptAsync(ciphertext[..^cut], identity));
        Assert.Contains(ex.Kind, new[] { AgeErrorKind.Truncated, AgeErrorKind.PayloadAuthenticationFailed });
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_cut_at_a_chunk_boundary_is_reported_as_truncated()
    {
        var ciphertext = await EncryptAsync(RandomBytes(64 * 1024 * 2 + 10), [identity.Recipient]);
        await DecryptFailsAsync(ciphertext[..^(10 + 16)], AgeErrorKind.Truncated);
    }

    [Fact]
    public async Task File_cut_inside_the_header_is_reported_as_truncated()
    {
        var ciphertext = await EncryptAsync(RandomBytes(10), [identity.Recipient]);
        await DecryptFailsAsync(ciphertext[..40], AgeErrorKind.Truncated);
        await DecryptFailsAsync(ciphertext[..(HeaderLength(ciphertext) + 5)], AgeErrorKind.Truncated);
    }

    [Theory]
    [InlineData("not an age file\n")]
    [InlineData("age-encryption.org/v2\n-> X25519 AAAA\n\n--- AAAA\n")]
    [InlineData("age-encryption.org/v1\n--- 7aZ4mzNcfs5eFmfX6EaAWpeMTsnAJyeHdtYRP/wfe9c\n")]
    [InlineData("age-encryption.org/v1\r\n-> X25519 AAAA\n\n--- 7aZ4mzNcfs5eFmfX6EaAWpeMTsnAJyeHdtYRP/wfe9c\n")]
    [InlineData("age-encryption.org/v1\n-> X25519  AAAA\n\n--- 7aZ4mzNcfs5eFmfX6EaAWpeMTsnAJyeHdtYRP/wfe9c\n")]
    [InlineData("age-encryption.org/v1\n-> X25519 AAAA\nAAA=\n--- 7aZ4mzNcfs5eFmfX6EaAWpeMTsnAJyeHdtYRP/wfe9c\n")]
    [InlineData("age-encryption.org/v1\n-> X25519 AAAA\nAAB\n--- 7aZ4mzNcfs5eFmfX6EaAWpeMTsnAJyeHdtYRP/wfe9c\n")]
    [InlineData("age-encryption.org/v1\n-> X25519 AAAA\n\n---\n")]
    [InlineData("age-encryption.org/v1\n-> X25519 AAAA\n\n--- 7aZ4mzNcfs5eFmfX6EaAWpeMTsnAJyeHdtYRP/wfe9c=\n")]
    public async Task Malformed_header_is_reported(string header)
    {
        var file = Encoding.ASCII.GetBytes(header).Concat(new byte[40]).ToArray();
        var ex = await DecryptFailsAsync(file, AgeErrorKind.MalformedHeader);
        Assert.Contains("test.age", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stanza_body_line_longer_than_64_columns_is_malformed()
    {
        var file = Encoding.ASCII.GetBytes("age-encryption.org/v1\n-> foo\n" + new string('A', 68) + "\n\n--- " + new string('A', 43) + "\n");
        await DecryptFailsAsync(file, AgeErrorKind.MalformedHeader);
    }

    [Fact]
    public async Task Scrypt_work_factor_above_the_limit_is_refused()
    {
        var ciphertext = await EncryptAsync([1, 2, 3], [new ScryptRecipient("pw", workFactor: 12)]);
        await DecryptFailsAsync(ciphertext, AgeErrorKind.WorkFactorTooLarge, new ScryptIdentity("pw", maxWorkFactor: 11));
    }

    [Fact]
    public async Task Scrypt_stanza_mixed_with_another_stanza_is_refused()
    {
        var scrypt = new ScryptRecipient("pw", 10).Wrap(new byte[16]);
        var x25519 = identity.Recipient.Wrap(new byte[16]);
        var header = AgeHeader.Encode([x25519, scrypt], new byte[16]);
        var ex = await DecryptFailsAsync(header.Concat(new byte[40]).ToArray(), AgeErrorKind.MalformedHeader, new ScryptIdentity("pw"));
        Assert.Contains("scrypt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Armor_with_garbage_after_the_end_line_is_refused()
    {
        var armored = await EncryptAsync([1, 2, 3], [identity.Recipient], armor: true);
        await DecryptFailsAsync([.. armored, .. "garbage"u8.ToArray()], AgeErrorKind.MalformedArmor);
    }

    [Fact]
    public async Task Armor_with_a_non_canonical_line_is_refused()
    {
        var armored = Encoding.ASCII.GetString(await EncryptAsync([1, 2, 3], [identity.Recipient], armor: true));
        var lines = armored.Split('\n');
        lines[1] = lines[1][..^1] + (lines[1][^1] == 'A' ? 'B' : 'A');
        lines[1] = " " + lines[1][1..];
        await DecryptFailsAsync(Encoding.ASCII.GetBytes(string.Join('\n', lines)), AgeErrorKind.MalformedArmor);
    }
}
