using Polycrate.Build.Secrets.Age;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Tests.Secrets.WorkspaceSecrets;

public sealed class WorkspaceEncryptionTests : IDisposable
{
    private readonly TempWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    private Task<SecretsResult> EncryptAsync(bool keep = false, IdentitySource? identity = null) =>
        new WorkspaceEncryptor().EncryptAsync(ws.Model, new WorkspaceEncryptOptions(identity ?? ws.Identity, KeepPlaintext: keep), default);

    [Fact]
    public async Task Encrypt_then_decrypt_round_trips_and_removes_the_plaintext()
    {
        ws.Write("kubeconfig.yml", "apiVersion: v1\n");
        ws.Write("my-block/token", "s3cr3t-token");

        var encrypted = await EncryptAsync();

        Assert.Equal(2, encrypted.Count(SecretChangeKind.Encrypted));
        Assert.All(encrypted.Changes, c => Assert.True(c.PlaintextRemoved));
        Assert.False(File.Exists(ws.Secret("kubeconfig.yml")));
        Assert.False(File.Exists(ws.Secret("my-block/token")));
        Assert.True(File.Exists(ws.Secret("my-block/token.age")));

        var decrypted = await new WorkspaceDecryptor().DecryptAsync(ws.Model, ws.Identity, force: false, default);

        Assert.Equal(2, decrypted.Count(SecretChangeKind.Decrypted));
        Assert.Equal("apiVersion: v1\n", File.ReadAllText(ws.Secret("kubeconfig.yml")));
        Assert.Equal("s3cr3t-token", File.ReadAllText(ws.Secret("my-block/token")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ws.Secret("kubeconfig.yml")));
        }
    }

    [Fact]
    public async Task Second_encrypt_changes_nothing()
    {
        ws.Write("a", "one");
        ws.Write("b", "two");
        await EncryptAsync(keep: true);
        var before = ws.Files();

        var again = await EncryptAsync(keep: true);

        Assert.Equal(2, again.Count(SecretChangeKind.Unchanged));
        Assert.False(again.GitIgnoreUpdated);
        Assert.Equal(before, ws.Files());
    }

    [Fact]
    public async Task Only_changed_plaintext_is_re_encrypted()
    {
        ws.Write("a", "one");
        ws.Write("b", "two");
        await EncryptAsync(keep: true);
        var untouched = File.ReadAllBytes(ws.Secret("a.age"));
        ws.Write("b", "three");

        var result = await EncryptAsync(keep: true);

        Assert.Equal([SecretChangeKind.Unchanged, SecretChangeKind.Encrypted], result.Changes.Select(c => c.Kind));
        Assert.Equal(untouched, File.ReadAllBytes(ws.Secret("a.age")));
        Assert.Equal(SecretState.Encrypted, await SecretStatus.ReadAsync(SecretDiscovery.Discover(ws.Model)[1], [ws.Key], default));
    }

    [Fact]
    public async Task Gitignore_lists_plaintext_paths_and_keeps_user_lines()
    {
        File.WriteAllText(Path.Combine(ws.Root, ".gitignore"), "node_modules/\n");
        ws.Write("my-block/token", "t");

        await EncryptAsync();

        var gitignore = File.ReadAllText(Path.Combine(ws.Root, ".gitignore"));
        Assert.StartsWith("node_modules/\n", gitignore, StringComparison.Ordinal);
        Assert.Contains("\n/artifacts/secrets/my-block/token\n", gitignore, StringComparison.Ordinal);
        Assert.DoesNotContain(".age", gitignore, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_encrypt_uses_the_recipients_file_and_keeps_the_plaintext()
    {
        File.WriteAllText(RecipientsFile.DefaultPath(ws.Root), $"# alice\n{ws.Key.Recipient}\n");
        ws.Write("a", "secret-a");

        var result = await EncryptAsync(identity: IdentitySource.None);

        Assert.False(result.Verified);
        Assert.True(File.Exists(ws.Secret("a")));
        Assert.Equal("secret-a", await DecryptToStringAsync(ws.Secret("a.age"), ws.Key));
    }

    [Fact]
    public async Task Without_a_key_and_recipients_encrypt_says_how_to_get_a_key()
    {
        ws.Write("a", "x");

        var ex = await Assert.ThrowsAsync<WorkspaceSecretsException>(() => EncryptAsync(identity: IdentitySource.None));

        Assert.Equal("PCB5102", ex.Code);
        Assert.Equal(2, ex.ExitCode);
        Assert.Contains("WORKSPACE_ENCRYPTION_KEY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("workspace keygen", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Encrypt_refuses_when_the_key_is_not_a_recipient()
    {
        File.WriteAllText(RecipientsFile.DefaultPath(ws.Root), $"{X25519Identity.Generate().Recipient}\n");
        ws.Write("a", "x");

        var ex = await Assert.ThrowsAsync<WorkspaceSecretsException>(() => EncryptAsync());

        Assert.Equal("PCB5103", ex.Code);
        Assert.True(File.Exists(ws.Secret("a")));
        Assert.False(File.Exists(ws.Secret("a.age")));
    }

    [Fact]
    public async Task Decrypt_refuses_to_overwrite_a_differing_plaintext_unless_forced()
    {
        ws.Write("a", "original");
        ws.Write("b", "other");
        await EncryptAsync();
        ws.Write("a", "my unsaved edit");

        var ex = await Assert.ThrowsAsync<WorkspaceSecretsException>(() => new WorkspaceDecryptor().DecryptAsync(ws.Model, ws.Identity, force: false, default));

        Assert.Equal("PCB5104", ex.Code);
        Assert.Contains(ws.Secret("a"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("--force", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unsaved", ex.Message, StringComparison.Ordinal);
        Assert.Equal("my unsaved edit", File.ReadAllText(ws.Secret("a")));
        Assert.False(File.Exists(ws.Secret("b")));

        await new WorkspaceDecryptor().DecryptAsync(ws.Model, ws.Identity, force: true, default);

        Assert.Equal("original", File.ReadAllText(ws.Secret("a")));
        Assert.Equal("other", File.ReadAllText(ws.Secret("b")));
    }

    [Fact]
    public async Task Decrypt_with_the_wrong_key_fails_and_writes_nothing()
    {
        ws.Write("a", "x");
        await EncryptAsync();

        var wrong = new IdentitySource(null, X25519Identity.Generate().ToSecretString());
        var ex = await Assert.ThrowsAsync<AgeException>(() => new WorkspaceDecryptor().DecryptAsync(ws.Model, wrong, force: false, default));

        Assert.Equal(AgeErrorKind.NoIdentityMatched, ex.Kind);
        Assert.False(File.Exists(ws.Secret("a")));
    }

    [Fact]
    public async Task Decrypt_without_a_key_says_how_to_get_one()
    {
        var ex = await Assert.ThrowsAsync<WorkspaceSecretsException>(() => new WorkspaceDecryptor().DecryptAsync(ws.Model, IdentitySource.None, force: false, default));

        Assert.Equal("PCB5101", ex.Code);
        Assert.Contains("--identity FILE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rekey_to_two_recipients_lets_both_decrypt()
    {
        ws.Write("kubeconfig.yml", "cfg");
        ws.Write("blk/key", "k");
        await EncryptAsync();
        var bob = X25519Identity.Generate();
        File.WriteAllText(RecipientsFile.DefaultPath(ws.Root), $"# alice\n{ws.Key.Recipient}\n# bob\n{bob.Recipient}\n");

        var result = await new WorkspaceRekeyer().RekeyAsync(ws.Model, ws.Identity, null, default);

        Assert.Equal(2, result.Count(SecretChangeKind.Rekeyed));
        foreach (var key in new[] { ws.Key, bob })
        {
            Assert.Equal("cfg", await DecryptToStringAsync(ws.Secret("kubeconfig.yml.age"), key));
            Assert.Equal("k", await DecryptToStringAsync(ws.Secret("blk/key.age"), key));
        }

        Assert.False(File.Exists(ws.Secret("kubeconfig.yml")));
    }

    [Fact]
    public void Identity_source_never_prints_the_key()
    {
        Assert.DoesNotContain("AGE-SECRET-KEY", ws.Identity.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(IdentitySource.EnvironmentVariable, ws.Identity.Description);
    }

    internal static async Task<string> DecryptToStringAsync(string path, X25519Identity key)
    {
        using var output = new MemoryStream();
        await using var input = File.OpenRead(path);
        await AgeDecryptor.DecryptAsync(input, output, [key], path, default);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
