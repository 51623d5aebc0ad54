using System.Text.Json;

namespace Polycrate.Build.Cli.Tests;

/// <summary>Issue 9.9: the commands and flags Polycrate users type, and usage errors that help.</summary>
public sealed class PolycrateUserCommandsTests : IDisposable
{
    private static readonly string EdgeFleet = Path.Combine(CliRunner.Samples, "edge-fleet");
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "pcb-cli-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    private string Scratch(string workspacePoly)
    {
        Directory.CreateDirectory(_scratch);
        File.WriteAllText(Path.Combine(_scratch, "workspace.poly"), workspacePoly);
        return _scratch;
    }

    [Theory]
    [InlineData(new[] { "blocks", "pul", "x" }, "'pull'", "polycrate-build blocks --help")]
    [InlineData(new[] { "workflowz", "list" }, "'workflows'", "polycrate-build --help")]
    [InlineData(new[] { "run", "edge-ota", "ota-update", "--forse" }, "'--force'", "polycrate-build run --help")]
    [InlineData(new[] { "workspace", "inspect", "--outptu", "json" }, "'--output'", "polycrate-build workspace inspect --help")]
    public async Task A_mistyped_verb_or_option_gets_did_you_mean_and_the_help_of_the_typed_verb(string[] args, string suggestion, string help)
    {
        var (exit, _, stderr) = await CliRunner.RunAsync([.. args, "-w", EdgeFleet]);

        Assert.Equal(2, exit);
        Assert.Contains($"did you mean {suggestion}?", stderr, StringComparison.Ordinal);
        Assert.Contains($"Run '{help}' for usage.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("workflows --help", stderr.Replace(help, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_snapshot_prints_the_snapshot_with_the_run_env_mounts_and_loglevel_and_runs_nothing()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("-w", EdgeFleet, "run", "edge-ota", "ota-update", "--snapshot",
            "-e", "GREETING=hello=world", "--mount", Path.GetTempPath().TrimEnd('/') + ":/data:ro", "--loglevel", "2", "-o", "json");

        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var env = document.RootElement.GetProperty("env");
        Assert.Equal("hello=world", env.GetProperty("GREETING").GetString());
        Assert.Equal("2", env.GetProperty("ANSIBLE_VERBOSITY").GetString());
        Assert.Contains("/data", document.RootElement.GetProperty("mounts").ToString(), StringComparison.Ordinal);
        Assert.Equal("ota-update", document.RootElement.GetProperty("action").GetProperty("name").GetString());
        Assert.False(Directory.Exists(Path.Combine(EdgeFleet, ".logs", DateTime.Now.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture), "x")));
    }

    [Fact]
    public async Task Snapshot_of_a_workflow_is_a_usage_error()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("-w", EdgeFleet, "run", "edge-rollout", "--snapshot");

        Assert.Equal(2, exit);
        Assert.Contains("run BLOCK ACTION --snapshot", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--env", "NOVALUE")]
    [InlineData("--mount", "/srv:relative")]
    public async Task Malformed_env_and_mount_values_are_usage_errors(string option, string value)
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("-w", EdgeFleet, "run", "edge-ota", "ota-update", option, value);

        Assert.Equal(2, exit);
        Assert.Contains(value, stderr, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Local_runs_on_this_machine_with_the_env_of_the_command_line()
    {
        var output = Path.Combine(_scratch, "out.txt");
        var root = Scratch($"name: ws\nblocks:\n  - name: hello\n    actions:\n      - name: greet\n        script: ['echo \"$GREETING\" > {output}']\n");

        var (exit, _, stderr) = await CliRunner.RunAsync("-w", root, "run", "hello", "greet", "--local", "-e", "GREETING=from the command line");

        Assert.True(exit == 0, stderr);
        Assert.Equal("from the command line\n", File.ReadAllText(output));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Init_with_name_and_ssh_keys_writes_a_loading_workspace_and_a_private_key_0600()
    {
        Directory.CreateDirectory(_scratch);

        var (exit, _, stderr) = await CliRunner.RunAsync("-w", _scratch, "init", "--with-name", "demo", "--with-ssh-keys");

        Assert.True(exit == 0, stderr);
        var key = Path.Combine(_scratch, "artifacts", "secrets", "id_ed25519");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        Assert.StartsWith("ssh-ed25519 ", File.ReadAllText(key + ".pub"), StringComparison.Ordinal);
        var inspect = await CliRunner.RunAsync("-w", _scratch, "workspace", "inspect", "-o", "json");
        Assert.True(inspect.ExitCode == 0, inspect.Stderr);
        Assert.Equal("demo", JsonDocument.Parse(inspect.Stdout).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Blocks_readme_prints_the_readme_and_says_so_when_there_is_none()
    {
        var root = Scratch("name: ws\nblocks:\n  - name: web\n    from: base\n");
        Directory.CreateDirectory(Path.Combine(root, "blocks", "base"));
        File.WriteAllText(Path.Combine(root, "blocks", "base", "block.poly"), "name: base\n");
        File.WriteAllText(Path.Combine(root, "blocks", "base", "README.md"), "# Base block\n");

        var (exit, stdout, _) = await CliRunner.RunAsync("-w", root, "blocks", "readme", "web");

        Assert.Equal(0, exit);
        Assert.Equal("# Base block\n", stdout);
        File.Delete(Path.Combine(root, "blocks", "base", "README.md"));
        var missing = await CliRunner.RunAsync("-w", root, "blocks", "readme", "web");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no README.md", missing.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pull")]
    [InlineData("push")]
    [InlineData("install")]
    [InlineData("uninstall")]
    [InlineData("prune")]
    [InlineData("init")]
    public async Task Polycrates_top_level_shortcuts_exist(string verb)
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(verb, "--help");

        Assert.Equal(0, exit);
        Assert.Contains(verb, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_runs_the_install_action_of_the_block()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("-w", EdgeFleet, "install", "edge-ota", "--snapshot");

        Assert.Equal(2, exit);
        Assert.Contains("has no action 'install'", stderr, StringComparison.Ordinal);
    }
}
