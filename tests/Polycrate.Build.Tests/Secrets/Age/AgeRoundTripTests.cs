using Polycrate.Build.Secrets.Age;
using static Polycrate.Build.Tests.Secrets.Age.AgeTestSupport;

namespace Polycrate.Build.Tests.Secrets.Age;

public sealed class AgeRoundTripTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64 * 1024 - 1)]
    [InlineData(64 * 1024)]
    [InlineData(64 * 1024 + 1)]
    [InlineData(3 * 64 * 1024)]
    [InlineData(3 * 64 * 1024 + 12345)]
    public async Task X25519_round_trips_any_size(int size)
    {
        var identity = X25519Identity.Generate();
        var plaintext = RandomBytes(size);

        var ciphertext = await EncryptAsync(plaintext, [identity.Recipient]);

        // Header + 16-byte nonce + one 16-byte tag per chunk (an empty payload still has one chunk).
        var chunks = Math.Max(1, (size + 65535) / 65536);
        Assert.Equal(plaintext, await DecryptAsync(ciphertext, identity));
        Assert.True(ciphertext.Length > size + 16 + (16 * chunks));
    }

    [Fact]
    public async Task Several_recipients_can_each_decrypt()
    {
        var a = X25519Identity.Generate();
        var b = X25519Identity.Generate();
        var c = X25519Identity.Generate();
        var plaintext = RandomBytes(100_000);

        var ciphertext = await EncryptAsync(plaintext, [a.Recipient, b.Recipient, c.Recipient]);

        Assert.Equal(plaintext, await DecryptAsync(ciphertext, b));
        Assert.Equal(plaintext, await DecryptAsync(ciphertext, X25519Identity.Generate(), c));
        Assert.Equal(plaintext, await DecryptAsync(ciphertext, a));
    }

    [Fact]
    public async Task Passphrase_round_trips()
    {
        var plaintext = RandomBytes(70_000);
        var ciphertext = await EncryptAsync(plaintext, [new ScryptRecipient("correct horse battery staple", workFactor: 10)]);

        Assert.Equal(plaintext, await DecryptAsync(ciphertext, new ScryptIdentity("correct horse battery staple")));
        var ex = await Assert.ThrowsAsync<AgeException>(() => DecryptAsync(ciphertext, new ScryptIdentity("wrong")));
        Assert.Equal(AgeErrorKind.NoIdentityMatched, ex.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(47)]
    [InlineData(48)]
    [InlineData(200_000)]
    public async Task Armored_round_trips_and_is_strict_pem(int size)
    {
        var identity = X25519Identity.Generate();
        var plaintext = RandomBytes(size);

        var armored = await EncryptAsync(plaintext, [identity.Recipient], armor: true);

        var text = System.Text.Encoding.ASCII.GetString(armored);
        var lines = text.Split('\n');
        Assert.Equal("-----BEGIN AGE ENCRYPTED FILE-----", lines[0]);
        Assert.Equal("-----END AGE ENCRYPTED FILE-----", lines[^2]);
        Assert.Equal("", lines[^1]);
        Assert.All(lines[1..^3], l => Assert.Equal(64, l.Length));
        Assert.InRange(lines[^3].Length, 4, 64);
        Assert.Equal(plaintext, await DecryptAsync(armored, identity));

        // CRLF line endings and surrounding whitespace are tolerated on read.
        var crlf = System.Text.Encoding.ASCII.GetBytes("\n  " + text.Replace("\n", "\r\n", StringComparison.Ordinal) + " \n");
        Assert.Equal(plaintext, await DecryptAsync(crlf, identity));
    }

    [Fact]
    public void Generated_identity_round_trips_through_its_strings()
    {
        var identity = X25519Identity.Generate();
        var secret = identity.ToSecretString();

        Assert.StartsWith("AGE-SECRET-KEY-1", secret, StringComparison.Ordinal);
        Assert.Equal(identity.Recipient.ToString(), X25519Identity.Parse(secret).Recipient.ToString());
        Assert.Equal(identity.Recipient.ToString(), X25519Recipient.Parse(identity.Recipient.ToString()).ToString());
        Assert.DoesNotContain(secret, identity.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrypt_cannot_be_mixed_with_other_recipients_when_encrypting()
    {
        var ex = await Assert.ThrowsAsync<AgeException>(() => EncryptAsync(
            [1, 2, 3],
            [new ScryptRecipient("pw", 10), X25519Identity.Generate().Recipient]));
        Assert.Equal(AgeErrorKind.InvalidRecipients, ex.Kind);
    }
}
