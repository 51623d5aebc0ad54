using Polycrate.Build.Testing;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// The real-world fixtures (tests/Polycrate.Build.Tests/TestData/RealWorld: the formats of Polycrate's getting-started
/// guide, its cluster example and its editor extension's examples) run unchanged in the toolchain container.
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class RealWorldFixtureRunTests
{
    private static TestWorkspace Fixture(string name) =>
        TestWorkspace.CopyOf(Path.Combine(RepositoryRoot.Path, "tests", "Polycrate.Build.Tests", "TestData", "RealWorld", name), withArtifacts: true);

    private static async Task<string> RunOkAsync(TestWorkspace workspace, params string[] args)
    {
        var run = await workspace.RunAsync(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Stdout;
    }

    [Fact]
    public async Task The_getting_started_guide_runs_as_written()
    {
        using var workspace = Fixture("getting-started");

        Assert.Contains("HELLO PLAIN", await RunOkAsync(workspace, "run", "hello", "plain"), StringComparison.Ordinal);
        Assert.Contains("HELLO Jane Doe", await RunOkAsync(workspace, "run", "hello", "from-extraenv"), StringComparison.Ordinal);
        Assert.Contains("HELLO Jane Doe", await RunOkAsync(workspace, "run", "hello", "from-config-env"), StringComparison.Ordinal);
        Assert.Contains("workspace is 'getting-started'", await RunOkAsync(workspace, "run", "hello", "workspace-name"), StringComparison.Ordinal);
        var env = await RunOkAsync(workspace, "run", "hello", "polycrate-env");
        Assert.Contains("ci=true term=xterm-256color ref=polycrate-toolchain version=bookworm-2", env, StringComparison.Ordinal);
        Assert.Contains("first=node-a second=node-b inventory=/etc/ansible/hosts kubeconfig=.", env, StringComparison.Ordinal);
        Assert.Contains("Greeting block-default!", await RunOkAsync(workspace, "run", "python", "hello-code"), StringComparison.Ordinal);
        Assert.Contains("Greeting instance-value!", await RunOkAsync(workspace, "run", "greeter-instance", "hello-code"), StringComparison.Ordinal);
        foreach (var action in new[] { "debug", "debug-script" })
        {
            var output = await RunOkAsync(workspace, "run", "ansible", action);
            Assert.Contains($"block=ansible action={action} greeter=from-ansible", output, StringComparison.Ordinal);
            Assert.Contains("python greeter=block-default", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_cluster_example_hands_one_blocks_inventory_and_another_blocks_kubeconfig_to_an_instance()
    {
        using var workspace = Fixture("hcloud-cluster");

        await RunOkAsync(workspace, "run", "inventory", "install");
        Assert.True(File.Exists(workspace.PathOf("artifacts/blocks/inventory/inventory.yml")));

        var show = await RunOkAsync(workspace, "run", "worker", "show");
        Assert.Contains("group=worker kubeconfig=/workspace/artifacts/blocks/controlplane/kubeconfig.yml inventory=/workspace/artifacts/blocks/inventory/inventory.yml", show, StringComparison.Ordinal);
        Assert.Contains("email=ops@example.org", show, StringComparison.Ordinal);
        Assert.Contains("worker group worker nodes ['w-1'] cidr 10.20.0.0/24", await RunOkAsync(workspace, "run", "worker", "install"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalog_example_asks_before_its_prompted_workflow_and_runs_it_when_forced()
    {
        using var workspace = Fixture("catalog-block");

        var refused = await workspace.RunAsync("workflows", "run", "full");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("Run the whole workflow?", refused.Output, StringComparison.Ordinal);
        Assert.Contains("PCB1023", refused.Stderr, StringComparison.Ordinal);

        var output = await RunOkAsync(workspace, "workflows", "run", "full", "--force");
        Assert.Contains("namespace=cache-prod chart=redis@17.3.7", output, StringComparison.Ordinal);
        Assert.Contains("host=cache.{{ .Workspace.Config.Globals.domain }}", output, StringComparison.Ordinal);
        Assert.Contains("healthy", output, StringComparison.Ordinal);
    }
}
