using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.IntegrationTests.Secrets.Age;

/// <summary>Files written by our implementation decrypt with the age CLI, and the other way round.</summary>
public sealed class AgeCliInteropTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("age-interop-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string PlainFile(int size)
    {
        var path = Path.Combine(dir, $"plain-{size}.bin");
        var data = new byte[size];
        new Random(size).NextBytes(data);
        File.WriteAllBytes(path, data);
        return path;
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(64 * 1024, false)]
    [InlineData(300_001, false)]
    [InlineData(300_001, true)]
    public async Task Ours_to_age_cli_with_one_recipient(int size, bool armor)
    {
        var (keyFile, recipient) = await AgeCli.KeygenAsync(dir, "key.txt");
        var plain = PlainFile(size);

        await AgeFile.EncryptToFileAsync(plain, plain + ".age", [X25519Recipient.Parse(recipient)], new AgeEncryptOptions(armor), CancellationToken.None);
        await AgeCli.RunAsync(AgeCli.Age, ["-d", "-i", keyFile, "-o", plain + ".out", plain + ".age"]);

        // age creates its -o file lazily, on the first plaintext byte: an empty payload leaves none.
        var output = File.Exists(plain + ".out") ? File.ReadAllBytes(plain + ".out") : [];
        Assert.Equal(File.ReadAllBytes(plain), output);
        Assert.Equal(armor, File.ReadAllText(plain + ".age").StartsWith("-----BEGIN AGE ENCRYPTED FILE-----", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ours_to_age_cli_with_several_recipients()
    {
        var keys = new[] { await AgeCli.KeygenAsync(dir, "a.txt"), await AgeCli.KeygenAsync(dir, "b.txt"), await AgeCli.KeygenAsync(dir, "c.txt") };
        var plain = PlainFile(150_000);
        var recipientsFile = Path.Combine(dir, "recipients.txt");
        await File.WriteAllTextAsync(recipientsFile, "# team\n" + string.Join("\n\n", keys.Select(k => k.Recipient)) + "\n");

        var recipients = await AgeKeyFile.ReadRecipientsAsync(recipientsFile, CancellationToken.None);
        await AgeFile.EncryptToFileAsync(plain, plain + ".age", recipients, AgeEncryptOptions.Default, CancellationToken.None);

        foreach (var (keyFile, _) in keys)
        {
            await AgeCli.RunAsync(AgeCli.Age, ["-d", "-i", keyFile, "-o", plain + ".out", plain + ".age"]);
            Assert.Equal(File.ReadAllBytes(plain), File.ReadAllBytes(plain + ".out"));
            File.Delete(plain + ".out");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Age_cli_to_ours_with_one_and_several_recipients(bool armor)
    {
        var a = await AgeCli.KeygenAsync(dir, "a.txt");
        var b = await AgeCli.KeygenAsync(dir, "b.txt");
        var plain = PlainFile(200_000);
        string[] armorFlag = armor ? ["-a"] : [];

        await AgeCli.RunAsync(AgeCli.Age, [.. armorFlag, "-r", a.Recipient, "-o", plain + ".one.age", plain]);
        await AgeCli.RunAsync(AgeCli.Age, [.. armorFlag, "-r", a.Recipient, "-r", b.Recipient, "-o", plain + ".two.age", plain]);

        var identityA = await AgeKeyFile.ReadIdentitiesAsync(a.KeyFile, CancellationToken.None);
        var identityB = await AgeKeyFile.ReadIdentitiesAsync(b.KeyFile, CancellationToken.None);
        await AgeFile.DecryptToFileAsync(plain + ".one.age", plain + ".one.out", identityA, CancellationToken.None);
        await AgeFile.DecryptToFileAsync(plain + ".two.age", plain + ".two.out", identityB, CancellationToken.None);

        Assert.Equal(File.ReadAllBytes(plain), File.ReadAllBytes(plain + ".one.out"));
        Assert.Equal(File.ReadAllBytes(plain), File.ReadAllBytes(plain + ".two.out"));
        var ex = await Assert.ThrowsAsync<AgeException>(() => AgeFile.DecryptToFileAsync(plain + ".one.age", plain + ".x", identityB, CancellationToken.None));
        Assert.Equal(AgeErrorKind.NoIdentityMatched, ex.Kind);
    }

    [Fact]
    public async Task Passphrase_ours_to_age_cli()
    {
        var plain = PlainFile(70_000);
        await AgeFile.EncryptToFileAsync(plain, plain + ".age", [new ScryptRecipient("interop passphrase", workFactor: 15)], AgeEncryptOptions.Default, CancellationToken.None);

        await AgeCli.RunWithPassphraseAsync($"-d -o {plain}.out {plain}.age", "interop passphrase", prompts: 1);

        Assert.Equal(File.ReadAllBytes(plain), File.ReadAllBytes(plain + ".out"));
    }

    [Fact]
    public async Task Passphrase_age_cli_to_ours()
    {
        var plain = PlainFile(70_000);

        // age -p asks for the passphrase and its confirmation.
        await AgeCli.RunWithPassphraseAsync($"-p -o {plain}.age {plain}", "interop passphrase", prompts: 2);
        Assert.StartsWith("age-encryption.org/v1\n-> scrypt ", File.ReadAllText(plain + ".age"), StringComparison.Ordinal);

        await AgeFile.DecryptToFileAsync(plain + ".age", plain + ".out", [new ScryptIdentity("interop passphrase")], CancellationToken.None);

        Assert.Equal(File.ReadAllBytes(plain), File.ReadAllBytes(plain + ".out"));
    }

    [Fact]
    public async Task Age_keygen_identity_works_as_workspace_key_value()
    {
        var (keyFile, recipient) = await AgeCli.KeygenAsync(dir, "key.txt");
        var secretLine = File.ReadAllLines(keyFile).Single(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal));

        Assert.Equal(recipient, X25519Identity.Parse(secretLine).Recipient.ToString());
    }
}
