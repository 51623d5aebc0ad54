using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Tests.Secrets.WorkspaceSecrets;

public sealed class SecretDiscoveryTests : IDisposable
{
    private readonly TempWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    [Fact]
    public void Pairs_plaintext_and_age_files_and_skips_gitignore_temp_files_and_symlinks()
    {
        ws.Write("kubeconfig.yml", "a");
        ws.Write("kubeconfig.yml.age", "b");
        ws.Write("only.age", "c");
        ws.Write(".env", "d");
        ws.Write("my-block/token", "e");
        ws.Write(".gitignore", "*");
        ws.Write(".token.0123456789abcdef0123456789abcdef.tmp", "f");
        File.CreateSymbolicLink(ws.Secret("link"), "/etc/hostname");

        var names = SecretDiscovery.Discover(ws.Model).Select(s => s.Name).ToList();

        Assert.Equal([".env", "kubeconfig.yml", "my-block/token", "only"], names);
    }

    [Fact]
    public void No_secrets_directory_means_no_secrets()
    {
        Directory.Delete(ws.SecretsDirectory);
        Assert.Empty(SecretDiscovery.Discover(ws.Model));
    }

    [Fact]
    public async Task Status_distinguishes_all_states()
    {
        ws.Write("plain", "p");
        ws.Write("same", "s");
        ws.Write("changed", "old");
        ws.Write("sealed", "x");
        await new WorkspaceEncryptor().EncryptAsync(ws.Model, new WorkspaceEncryptOptions(ws.Identity, KeepPlaintext: true), default);
        File.Delete(ws.Secret("sealed"));
        ws.Write("changed", "new");
        ws.Write("plain2", "q");

        var withKey = (await SecretStatus.ReadAllAsync(ws.Model, [ws.Key], default)).ToDictionary(s => s.Secret.Name, s => s.State);
        var withoutKey = (await SecretStatus.ReadAllAsync(ws.Model, null, default)).ToDictionary(s => s.Secret.Name, s => s.State);

        Assert.Equal(SecretState.Encrypted, withKey["same"]);
        Assert.Equal(SecretState.OutOfDate, withKey["changed"]);
        Assert.Equal(SecretState.EncryptedOnly, withKey["sealed"]);
        Assert.Equal(SecretState.PlaintextOnly, withKey["plain2"]);
        Assert.Equal(SecretState.Unverified, withoutKey["same"]);
        Assert.Equal(SecretState.EncryptedOnly, withoutKey["sealed"]);
    }

    [Fact]
    public async Task Plaintext_that_is_a_prefix_or_extension_of_the_encrypted_content_is_out_of_date()
    {
        ws.Write("a", "abcdef");
        await new WorkspaceEncryptor().EncryptAsync(ws.Model, new WorkspaceEncryptOptions(ws.Identity, KeepPlaintext: true), default);
        var secret = SecretDiscovery.Discover(ws.Model).Single();

        ws.Write("a", "abc");
        Assert.Equal(SecretState.OutOfDate, await SecretStatus.ReadAsync(secret, [ws.Key], default));
        ws.Write("a", "abcdefg");
        Assert.Equal(SecretState.OutOfDate, await SecretStatus.ReadAsync(secret, [ws.Key], default));
    }
}
