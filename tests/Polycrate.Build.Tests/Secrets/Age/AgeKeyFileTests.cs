using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Tests.Secrets.Age;

public sealed class AgeKeyFileTests
{
    [Fact]
    public void Parses_recipients_with_comments_and_blank_lines()
    {
        var a = X25519Identity.Generate().Recipient.ToString();
        var b = X25519Identity.Generate().Recipient.ToString();
        var text = $"# team keys\n\n{a}\r\n   {b}  \n# end\n";

        var recipients = AgeKeyFile.ParseRecipients(text, "recipients.txt");

        Assert.Equal([a, b], recipients.Select(r => r.ToString()));
    }

    [Fact]
    public void Parses_an_age_keygen_identities_file_and_a_bare_key()
    {
        var identity = X25519Identity.Generate();
        var file = $"# created: 2024-01-01T00:00:00Z\n# public key: {identity.Recipient}\n{identity.ToSecretString()}\n";

        Assert.Equal(identity.Recipient.ToString(), AgeKeyFile.ParseIdentities(file, "key.txt").Single().Recipient.ToString());
        Assert.Equal(identity.Recipient.ToString(), AgeKeyFile.ParseIdentities(identity.ToSecretString() + "\n", "WORKSPACE_ENCRYPTION_KEY").Single().Recipient.ToString());
    }

    [Fact]
    public void Bad_line_gives_the_line_number_but_not_the_content()
    {
        var secret = X25519Identity.Generate().ToSecretString();
        var text = $"{X25519Identity.Generate().Recipient}\n# comment\n{secret}\n";

        var ex = Assert.Throws<AgeException>(() => AgeKeyFile.ParseRecipients(text, "recipients.txt"));

        Assert.Equal("PCB5001", ex.Code);
        Assert.Contains("recipients.txt:3", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_an_error()
    {
        Assert.Throws<AgeException>(() => AgeKeyFile.ParseIdentities("# nothing\n\n", "key.txt"));
    }
}
