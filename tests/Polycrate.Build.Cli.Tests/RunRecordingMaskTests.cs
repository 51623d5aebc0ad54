namespace Polycrate.Build.Cli.Tests;

/// <summary>
/// What a fresh user found: a value given with -e reached the run log's recorded command in clear text; names listed in
/// secret_keys were masked as if they were secret values; --local --snapshot showed the container's paths.
/// </summary>
public sealed class RunRecordingMaskTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pcb-mask-" + Guid.NewGuid().ToString("N")[..12]);

    public RunRecordingMaskTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "blocks", "app"));
        File.WriteAllText(Path.Combine(_root, "workspace.poly"), "name: ws\nblocks:\n  - name: app\n");
        File.WriteAllText(Path.Combine(_root, "blocks", "app", "block.poly"), """
            name: app
            config:
              vault_addr: https://vault.example.com
              secret_keys: [vault_addr]
            actions:
              - name: hello
                script: ['echo "set client_secret and vault_addr"']
            """);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_run_env_value_never_reaches_the_run_log()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("-w", _root, "run", "app", "hello", "--local", "-e", "DB_PASS=hunter2hunter2");

        Assert.True(exit == 0, stderr);
        Assert.Contains("set client_secret and vault_addr", stdout + stderr, StringComparison.Ordinal);
        var log = Directory.EnumerateFiles(Path.Combine(_root, ".logs"), "*.yml", SearchOption.AllDirectories).Single();
        var text = await File.ReadAllTextAsync(log);
        Assert.DoesNotContain("hunter2hunter2", text, StringComparison.Ordinal);
        Assert.Contains("DB_PASS=********", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_snapshot_shows_host_paths_and_secret_keys_names()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("-w", _root, "run", "app", "hello", "--local", "--snapshot");

        Assert.True(exit == 0, stderr);
        Assert.Contains("IN_CONTAINER: \"0\"", stdout, StringComparison.Ordinal);
        Assert.Contains($"POLYCRATE_WORKSPACE: {_root}", stdout, StringComparison.Ordinal);
        Assert.Contains("- vault_addr", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("https://vault.example.com", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mount_whose_source_does_not_exist_is_a_usage_error()
    {
        var missing = Path.Combine(_root, "no-such-dir");

        var (exit, _, stderr) = await CliRunner.RunAsync("-w", _root, "run", "app", "hello", "--local", "-m", missing + ":/data");

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Theory]
    [InlineData("SMTP_PASS", true)]
    [InlineData("MYSQL_PWD", true)]
    [InlineData("db_pass", true)]
    [InlineData("PWD", false)]
    [InlineData("BYPASS", false)]
    [InlineData("secret_keys", false)]
    [InlineData("sshprivatekey", false)]
    public void Secret_names(string name, bool secret) => Assert.Equal(secret, Polycrate.Build.Secrets.SecretNames.LooksSecret(name));
}
