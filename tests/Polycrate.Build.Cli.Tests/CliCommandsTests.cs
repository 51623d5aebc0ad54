using System.Text.Json;

namespace Polycrate.Build.Cli.Tests;

public sealed class CliCommandsTests
{
    private static readonly string Nightly = Path.Combine(CliRunner.Samples, "nightly-maintenance");

    [Fact]
    public async Task Workflows_graph_shows_backup_update_verify()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("-w", Nightly, "workflows", "graph", "nightly-maintenance");

        Assert.Equal(0, exit);
        Assert.Contains("backup → update → verify", stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public async Task Json_output_goes_to_stdout_and_parses()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("workspace", "inspect", "-w", Nightly, "-o", "json");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal("acme-corp-automation", document.RootElement.GetProperty("name").GetString());
        Assert.Equal("linux-maintenance", document.RootElement.GetProperty("blocks")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Snapshot_of_an_action_carries_the_instance_config_over_the_block_defaults()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("-w", Path.Combine(CliRunner.Samples, "edge-fleet"), "workspace", "snapshot", "edge-ota", "ota-update", "-o", "json");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        // block.poly says serial: 10; the sample's workspace.poly instance overrides it with 2.
        Assert.Equal(2, document.RootElement.GetProperty("block").GetProperty("config").GetProperty("serial").GetInt32());
        Assert.Equal("ota-update", document.RootElement.GetProperty("env").GetProperty("POLYCRATE_ACTION_NAME").GetString());
    }

    [Theory]
    [InlineData("blocks", "list")]
    [InlineData("blocks", "inspect", "linux-maintenance")]
    [InlineData("actions", "list")]
    [InlineData("actions", "inspect", "linux-maintenance", "verify")]
    [InlineData("workflows", "list")]
    [InlineData("workflows", "inspect", "nightly-maintenance")]
    [InlineData("version")]
    public async Task Inspect_commands_succeed_on_the_sample(params string[] args)
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync([.. args, "-w", Nightly]);

        Assert.True(exit == 0, stderr);
        Assert.NotEmpty(stdout);
    }

    [Fact]
    public async Task A_broken_reference_exits_2_naming_file_line_and_column()
    {
        var directory = Directory.CreateTempSubdirectory("pcb-cli-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "workspace.poly"), "name: ws\nworkflows:\n  - name: w\n    steps:\n      - name: s\n        block: nope\n        action: run\n");

        var (exit, stdout, stderr) = await CliRunner.RunAsync("-w", directory, "workflows", "list");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"{Path.Combine(directory, "workspace.poly")}:6:16: error PCB1012:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_names_and_bad_usage_exit_2()
    {
        Assert.Equal(2, (await CliRunner.RunAsync("-w", Nightly, "blocks", "inspect", "nope")).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("-w", Nightly, "workflows", "graph")).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("-w", Nightly, "--output", "xml", "workflows", "list")).ExitCode);
    }

    [Fact]
    public async Task Workspace_init_writes_a_workspace_that_loads()
    {
        var directory = Path.Combine(Directory.CreateTempSubdirectory("pcb-cli-").FullName, "My Workspace");
        Directory.CreateDirectory(directory);

        var init = await CliRunner.RunAsync("-w", directory, "workspace", "init", "--organization", "acme");
        var inspect = await CliRunner.RunAsync("-w", directory, "workspace", "inspect", "--strict");
        var again = await CliRunner.RunAsync("-w", directory, "workspace", "init");

        Assert.Equal(0, init.ExitCode);
        Assert.Equal(0, inspect.ExitCode);
        Assert.Contains("name: My-Workspace", inspect.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
    }

    [Fact]
    public async Task Workspace_init_names_the_toolchain_image_the_readme_documents()
    {
        var directory = Directory.CreateTempSubdirectory("pcb-cli-init-").FullName;
        var other = Directory.CreateTempSubdirectory("pcb-cli-init-").FullName;

        var init = await CliRunner.RunAsync("-w", directory, "workspace", "init");
        var inspect = await CliRunner.RunAsync("-w", directory, "workspace", "inspect", "--strict", "-o", "json");
        var custom = await CliRunner.RunAsync("-w", other, "init", "--image", "cargo.ayedo.cloud/library/polycrate:0.29.3");
        var bad = await CliRunner.RunAsync("-w", Path.Combine(other, "x"), "init", "--image", "two words");

        Assert.True(init.ExitCode == 0, init.Stderr);
        Assert.True(inspect.ExitCode == 0, inspect.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(inspect.Stdout);
        Assert.Contains("\"polycrate-toolchain:bookworm-2\"", json.RootElement.ToString(), StringComparison.Ordinal);
        Assert.Contains("    image: polycrate-toolchain:bookworm-2\n", File.ReadAllText(Path.Combine(directory, "workspace.poly")), StringComparison.Ordinal);
        Assert.Equal(0, custom.ExitCode);
        Assert.Contains("    image: cargo.ayedo.cloud/library/polycrate:0.29.3\n", File.ReadAllText(Path.Combine(other, "workspace.poly")), StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.False(File.Exists(Path.Combine(other, "x", "workspace.poly")));
    }

    [Fact]
    public async Task Workspace_init_refuses_an_invalid_name_and_writes_nothing()
    {
        var directory = Directory.CreateTempSubdirectory("pcb-cli-").FullName;

        var (exit, _, stderr) = await CliRunner.RunAsync("-w", directory, "workspace", "init", "--name", "bad name!");

        Assert.Equal(2, exit);
        Assert.Contains("--name 'bad name!' is not a valid name", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory));
    }

    [Fact]
    public async Task Help_explains_the_verbs()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("workflows", stdout, StringComparison.Ordinal);
        Assert.Contains("--workspace", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "run", "--help" }, new[] { "--limit <PATTERN>", "--tags", "--skip-tags", "--check", "--diff", "--extra-vars <VARS>", "--vault-password-file <FILE>", "--commit", "--isolate-steps" })]
    [InlineData(new[] { "workflows", "run", "--help" }, new[] { "--limit <PATTERN>", "--extra-vars <VARS>", "--commit", "--isolate-steps" })]
    [InlineData(new[] { "ssh", "--help" }, new[] { "ssh HOST -- COMMAND", "ControlMaster", "SSH_AUTH_SOCK", "list", "--block" })]
    [InlineData(new[] { "workspace", "--help" }, new[] { "sync", "pull", "push" })]
    [InlineData(new[] { "workspace", "sync", "--help" }, new[] { "rebase", "push" })]
    public async Task Help_describes_the_integrations(string[] args, string[] expected)
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(args);

        Assert.Equal(0, exit);
        foreach (var text in expected)
        {
            Assert.Contains(text, stdout, StringComparison.Ordinal);
        }
    }
}
