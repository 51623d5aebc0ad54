namespace Polycrate.Build.Cli.Tests;

/// <summary>
/// What a Polycrate user types on day one: option values get the accepted values in the words of the help (never a .NET
/// type name), Polycrate's own flags are accepted where they have an equivalent and explained where they do not, and a
/// command run from inside a workspace's subdirectory names the workspace it meant.
/// </summary>
public sealed class PolycrateNewcomerCliTests
{
    private static readonly string Nightly = Path.Combine(CliRunner.Samples, "nightly-maintenance");

    private static async Task<string[]> UsageErrorAsync(params string[] args)
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync(["-w", Nightly, .. args]);
        Assert.True(exit == 2, $"exit {exit}\n{stderr}");
        Assert.Equal(string.Empty, stdout);
        Assert.DoesNotContain("expected type", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Polycrate.Build.", stderr, StringComparison.Ordinal);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Run 'polycrate-build ", lines[1], StringComparison.Ordinal);
        return lines;
    }

    [Theory]
    [InlineData(new[] { "run", "linux-maintenance", "backup", "--runtime", "docker" }, "error: 'docker' is not a valid value of '--runtime': expected container or host")]
    [InlineData(new[] { "run", "linux-maintenance", "backup", "--pull", "maybe" }, "error: 'maybe' is not a valid value of '--pull': expected missing, always or never")]
    [InlineData(new[] { "-o", "xml", "workspace", "inspect" }, "error: 'xml' is not a valid value of '--output': expected yaml or json")]
    [InlineData(new[] { "workflows", "graph", "nightly-maintenance", "--format", "svg" }, "error: 'svg' is not a valid value of '--format': expected text or dot")]
    [InlineData(new[] { "workflows", "export", "nightly-maintenance", "--format", "jenkins" }, "error: 'jenkins' is not a valid value of '--format': expected gitlab-ci or github-actions")]
    public async Task A_value_an_option_does_not_take_lists_the_values_it_does(string[] args, string error)
    {
        var lines = await UsageErrorAsync(args);

        Assert.Equal(error, lines[0]);
    }

    [Theory]
    [InlineData("--runtime <container|host>")]
    [InlineData("--pull <missing|always|never>")]
    [InlineData("-o, --output <yaml|json>")]
    public async Task Help_spells_the_values_as_they_are_typed(string expected)
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("run", "--help");

        Assert.Equal(0, exit);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--pull=false")]
    [InlineData("--pull=true")]
    [InlineData("--pull=Never")]
    public async Task Polycrates_boolean_pull_flag_is_accepted(string flag)
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("-w", Nightly, "run", "linux-maintenance", "backup", flag, "--snapshot");

        Assert.True(exit == 0, stderr);
        Assert.Contains("linux-maintenance", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-i", "'-i' is a flag of Polycrate's CLI that polycrate-build does not have: actions run without a terminal")]
    [InlineData("--build=false", "'--build' is a flag of Polycrate's CLI that polycrate-build does not have: Dockerfile.poly is rebuilt only when")]
    [InlineData("--output-format", "'--output-format' is a flag of Polycrate's CLI that polycrate-build does not have: use -o/--output yaml|json")]
    [InlineData("--kubeconfig", "'--kubeconfig' is a flag of Polycrate's CLI that polycrate-build does not have: the kubeconfig comes from the workspace")]
    public async Task A_Polycrate_flag_without_an_equivalent_says_what_to_do_instead(string flag, string start)
    {
        var lines = await UsageErrorAsync("run", "linux-maintenance", "backup", flag);

        Assert.StartsWith("error: " + start, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polycrates_step_index_and_dev_flags_are_explained_on_their_verbs()
    {
        Assert.Contains("--step NAME", (await UsageErrorAsync("workflows", "run", "nightly-maintenance", "--step-index", "1"))[0], StringComparison.Ordinal);
        Assert.Contains("version: 0.2.0-dev.1", (await UsageErrorAsync("blocks", "push", "linux-maintenance", "--dev"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ssh_without_a_workspace_inventory_names_the_blocks_that_have_one()
    {
        var root = Path.Combine(Path.GetTempPath(), "pcb-newcomer-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "artifacts", "blocks", "infra"));
            File.WriteAllText(Path.Combine(root, "workspace.poly"), "name: ws\nblocks:\n  - name: infra\n    actions: [{name: up, script: [echo]}]\n  - name: app\n    actions: [{name: up, script: [echo]}]\n");
            File.WriteAllText(Path.Combine(root, "artifacts", "blocks", "infra", "inventory.yml"), "all:\n  hosts:\n    h1:\n      ansible_host: 127.0.0.1\n");

            var (exit, stdout, stderr) = await CliRunner.RunAsync("-w", root, "ssh", "list");
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains("the workspace has no inventory (inventory.yml)", stderr, StringComparison.Ordinal);
            Assert.Contains("pass --block infra for its inventory (blocks with an inventory: infra)", stderr, StringComparison.Ordinal);

            var listed = await CliRunner.RunAsync("-w", root, "ssh", "list", "--block", "infra");
            Assert.True(listed.ExitCode == 0, listed.Stderr);
            Assert.Contains("h1", listed.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
