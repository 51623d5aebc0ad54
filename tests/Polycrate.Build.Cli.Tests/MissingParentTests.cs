using System.Text.Json;

namespace Polycrate.Build.Cli.Tests;

/// <summary>
/// Issue 9.8: a block whose registry parent is missing is treated the same way by every command: the workspace loads,
/// listings show it as missing, commands about it name the reference and how to install it, other blocks work.
/// </summary>
public sealed class MissingParentTests : IDisposable
{
    private const string Reference = "cargo.ayedo.cloud/ayedo/hcloud/k8s:1.0.0";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pcb-missing-" + Guid.NewGuid().ToString("N")[..12]);

    public MissingParentTests()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "workspace.poly"), """
            name: ws
            blocks:
              - name: cluster
                from: ayedo/hcloud/k8s:1.0.0
              - name: app
                kubeconfig: {from: cluster}
                actions: [{name: hello, script: ['true']}]
              - name: other
                actions: [{name: hello, script: ['true']}]
            workflows:
              - name: all
                steps: [{name: cluster, block: cluster, action: install}, {name: app, block: app, action: hello}]
            """);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<(int ExitCode, string Stdout, string Stderr)> Cli(params string[] args) => CliRunner.RunAsync(["-w", _root, .. args]);

    [Theory]
    [InlineData("workspace", "inspect")]
    [InlineData("blocks", "list")]
    [InlineData("actions", "list")]
    [InlineData("workflows", "list")]
    [InlineData("workflows", "graph", "all")]
    public async Task Listings_load_and_name_the_missing_reference_once(params string[] args)
    {
        var (exit, stdout, stderr) = await Cli(args);

        Assert.True(exit == 0, stderr);
        Assert.Equal(string.Empty, stderr);
        if (args[0] is "workspace" or "blocks")
        {
            Assert.Contains(Reference, stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("blocks", "inspect", "cluster")]
    [InlineData("workspace", "snapshot", "cluster", "install")]
    [InlineData("run", "cluster", "install", "--snapshot")]
    [InlineData("actions", "inspect", "cluster", "install")]
    [InlineData("run", "cluster", "install", "--local")]
    public async Task Commands_about_the_block_exit_2_naming_the_reference_and_workspace_update(params string[] args)
    {
        var (exit, _, stderr) = await Cli(args);

        Assert.Equal(2, exit);
        Assert.Contains(Reference, stderr, StringComparison.Ordinal);
        Assert.Contains("workspace update", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("PCB1010", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unrelated_block_runs()
    {
        var (exit, _, stderr) = await Cli("run", "other", "hello", "--local");

        Assert.True(exit == 0, stderr);
    }

    /// <summary>No silent fallback (9.8): a block whose kubeconfig comes from the waiting block does not run without it.</summary>
    [Fact]
    public async Task A_block_linked_to_the_waiting_block_exits_2_naming_the_reference_and_workspace_update()
    {
        var (exit, _, stderr) = await Cli("run", "app", "hello", "--local");

        Assert.Equal(2, exit);
        Assert.Contains("PCB1017", stderr, StringComparison.Ordinal);
        Assert.Contains(Reference, stderr, StringComparison.Ordinal);
        Assert.Contains("workspace update", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blocks_list_marks_the_block_as_waiting_for_its_parent()
    {
        var (_, stdout, _) = await Cli("blocks", "list", "-o", "json");

        var row = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "cluster");
        Assert.Equal("parent not installed", row.GetProperty("status").GetString());
        Assert.StartsWith("not installed", row.GetProperty("pin").GetString(), StringComparison.Ordinal);
    }
}
