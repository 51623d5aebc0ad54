using Polycrate.Build.Cli;
using Polycrate.Build.IntegrationTests.Secrets.Age;

namespace Polycrate.Build.IntegrationTests.Secrets.WorkspaceSecrets;

/// <summary>
/// The workspace encryption verbs of the CLI (in process) on a sample workspace holding a real SSH key
/// (ssh-keygen) and a kubeconfig; the age CLI must decrypt what we write, with our key file.
/// </summary>
public sealed class WorkspaceEncryptionCliTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("pcb-ws-secrets-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Secrets => Path.Combine(root, "artifacts", "secrets");

    private async Task<(int Code, string Stdout, string Stderr)> CliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await new CliApplication(stdout, stderr).RunAsync(["-w", root, .. args], CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task<string> CreateSampleAsync()
    {
        Assert.Equal(0, (await CliAsync("workspace", "init", "--name", "acme")).Code);
        var sshKeygen = File.Exists("/usr/bin/ssh-keygen")
            ? "/usr/bin/ssh-keygen"
            : throw new InvalidOperationException("/usr/bin/ssh-keygen is missing (package openssh-client); run eng/install-prereqs.sh.");
        await AgeCli.RunAsync(sshKeygen, ["-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", Path.Combine(Secrets, "id_ed25519")]);
        Directory.CreateDirectory(Path.Combine(Secrets, "app"));
        await File.WriteAllTextAsync(Path.Combine(Secrets, "kubeconfig.yml"), "apiVersion: v1\nkind: Config\nclusters: []\n");
        await File.WriteAllTextAsync(Path.Combine(Secrets, "app", "token"), "tok-abcdef123456");
        await File.WriteAllTextAsync(Path.Combine(root, ".gitignore"), "# mine\n.logs/\n");
        return Path.Combine(root, "key.txt");
    }

    private static Dictionary<string, byte[]> Snapshot(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllBytes);

    [Fact]
    public async Task Keygen_encrypt_status_decrypt_round_trip_and_age_cli_interop()
    {
        var key = await CreateSampleAsync();
        var originals = Snapshot(Secrets);

        var keygen = await CliAsync("workspace", "keygen", "--out", key, "--append-recipient", "--comment", "alice");
        Assert.Equal(0, keygen.Code);
        Assert.Empty(keygen.Stdout);
        Assert.DoesNotContain("AGE-SECRET-KEY-1", keygen.Stderr, StringComparison.Ordinal);
        var recipient = (await AgeCli.RunAsync(AgeCli.AgeKeygen, ["-y", key])).Trim();
        Assert.Contains(recipient, await File.ReadAllTextAsync(Path.Combine(root, ".age-recipients")), StringComparison.Ordinal);

        var encrypt = await CliAsync("workspace", "encrypt", "--identity", key);
        Assert.True(encrypt.Code == 0, encrypt.Stderr);
        Assert.Equal(originals.Keys.Select(k => k + ".age").Order(), Snapshot(Secrets).Keys.Order());

        // The age CLI reads our .age files with the key file we wrote.
        foreach (var (name, content) in originals)
        {
            var output = Path.Combine(root, "age-out");
            await AgeCli.RunAsync(AgeCli.Age, ["-d", "-i", key, "-o", output, Path.Combine(Secrets, name + ".age")]);
            Assert.Equal(content, await File.ReadAllBytesAsync(output));
            File.Delete(output);
        }

        var gitignore = await File.ReadAllTextAsync(Path.Combine(root, ".gitignore"));
        Assert.StartsWith("# mine\n.logs/\n", gitignore, StringComparison.Ordinal);
        Assert.Contains("/artifacts/secrets/id_ed25519\n", gitignore, StringComparison.Ordinal);
        Assert.Contains("/artifacts/secrets/app/token\n", gitignore, StringComparison.Ordinal);

        var second = await CliAsync("workspace", "encrypt", "--identity", key);
        Assert.Equal(0, second.Code);
        Assert.Equal(gitignore, await File.ReadAllTextAsync(Path.Combine(root, ".gitignore")));

        var status = await CliAsync("workspace", "status", "--identity", key, "-o", "json");
        Assert.Equal(0, status.Code);
        Assert.Contains("\"app/token\"", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"encrypted-only\"", status.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-abcdef", status.Stdout + status.Stderr, StringComparison.Ordinal);

        var decrypt = await CliAsync("workspace", "decrypt", "--identity", key);
        Assert.True(decrypt.Code == 0, decrypt.Stderr);
        var restored = Snapshot(Secrets).Where(e => !e.Key.EndsWith(".age", StringComparison.Ordinal)).ToDictionary();
        Assert.Equal(originals.Keys.Order(), restored.Keys.Order());
        Assert.All(originals, e => Assert.Equal(e.Value, restored[e.Key]));

        // The decrypted SSH key is still a valid key for ssh-keygen.
        var publicKey = await AgeCli.RunAsync("/usr/bin/ssh-keygen", ["-y", "-f", Path.Combine(Secrets, "id_ed25519")]);
        Assert.Equal((await File.ReadAllTextAsync(Path.Combine(Secrets, "id_ed25519.pub"))).Split(' ')[1], publicKey.Split(' ')[1]);
    }

    [Fact]
    public async Task Files_encrypted_by_the_age_cli_decrypt_through_the_workspace()
    {
        await CreateSampleAsync();
        var (key, recipient) = await AgeCli.KeygenAsync(root, "key.txt");
        var token = Path.Combine(Secrets, "app", "token");
        await AgeCli.RunAsync(AgeCli.Age, ["-r", recipient, "-o", token + ".age", token]);
        File.Delete(token);

        var decrypt = await CliAsync("workspace", "decrypt", "-i", key);

        Assert.True(decrypt.Code == 0, decrypt.Stderr);
        Assert.Equal("tok-abcdef123456", await File.ReadAllTextAsync(token));
    }

    [Fact]
    public async Task Errors_name_the_problem_and_the_fix()
    {
        var key = await CreateSampleAsync();
        Assert.Equal(0, (await CliAsync("workspace", "keygen", "--out", key)).Code);
        Assert.Equal(0, (await CliAsync("workspace", "encrypt", "-i", key)).Code);

        var noKey = await CliAsync("workspace", "decrypt");
        Assert.Equal(2, noKey.Code);
        Assert.Contains("WORKSPACE_ENCRYPTION_KEY=AGE-SECRET-KEY-", noKey.Stderr, StringComparison.Ordinal);
        Assert.Contains("workspace keygen", noKey.Stderr, StringComparison.Ordinal);

        var other = Path.Combine(root, "other.txt");
        Assert.Equal(0, (await CliAsync("workspace", "keygen", "--out", other)).Code);
        var wrongKey = await CliAsync("workspace", "decrypt", "-i", other);
        Assert.Equal(1, wrongKey.Code);
        Assert.Contains("PCB5003", wrongKey.Stderr, StringComparison.Ordinal);

        var exists = await CliAsync("workspace", "keygen", "--out", other);
        Assert.Equal(2, exists.Code);
        Assert.Contains("already exists", exists.Stderr, StringComparison.Ordinal);

        Assert.Equal(0, (await CliAsync("workspace", "decrypt", "-i", key)).Code);
        await File.WriteAllTextAsync(Path.Combine(Secrets, "app", "token"), "edited-locally");
        var conflict = await CliAsync("workspace", "decrypt", "-i", key);
        Assert.Equal(1, conflict.Code);
        Assert.Contains("--force", conflict.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("edited-locally", conflict.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rekey_adds_a_teammate_who_can_then_decrypt_with_the_age_cli()
    {
        var key = await CreateSampleAsync();
        Assert.Equal(0, (await CliAsync("workspace", "keygen", "--out", key, "--append-recipient", "--comment", "alice")).Code);
        Assert.Equal(0, (await CliAsync("workspace", "encrypt", "-i", key)).Code);
        var (bobKey, _) = await AgeCli.KeygenAsync(root, "bob.txt");
        var bobRecipient = (await AgeCli.RunAsync(AgeCli.AgeKeygen, ["-y", bobKey])).Trim();
        await File.AppendAllTextAsync(Path.Combine(root, ".age-recipients"), $"# bob\n{bobRecipient}\n");

        var rekey = await CliAsync("workspace", "rekey", "-i", key);

        Assert.True(rekey.Code == 0, rekey.Stderr);
        var output = Path.Combine(root, "out");
        await AgeCli.RunAsync(AgeCli.Age, ["-d", "-i", bobKey, "-o", output, Path.Combine(Secrets, "kubeconfig.yml.age")]);
        Assert.Equal("apiVersion: v1\nkind: Config\nclusters: []\n", await File.ReadAllTextAsync(output));
    }
}
