using Polycrate.Build.IntegrationTests.Registry;

namespace Polycrate.Build.IntegrationTests.WorkspaceBlocks;

/// <summary>
/// A fresh checkout whose workflow runs a block listed in <c>dependencies:</c> (Polycrate's way to get registry blocks):
/// before, PCB1012 "uses block 'app', which does not exist" stopped every command — <c>workspace update</c>, the one that
/// installs it, included. Now the step waits for the dependency: the run names the command, update installs it, the run
/// works. Real anonymous registry, host runtime.
/// </summary>
[Collection(RegistryCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DependencyStepTests(RegistryFixture registry)
{
    [Fact]
    public async Task A_workflow_on_an_uninstalled_dependency_loads_says_how_to_install_and_runs_after_workspace_update()
    {
        var prefix = $"{registry.Anonymous}/{RegistryFixture.UniqueRepository("depstep")}";
        using var publisher = new ScratchWorkspace("name: publisher\norganization: acme\n");
        publisher.Write("blocks/app/block.poly", "name: app\nversion: 0.1.0\nactions: [{name: hello, script: [\"echo hello from the dependency\"]}]\n");
        Assert.Equal(0, (await publisher.CliAsync("blocks", "push", "app", "--registry", prefix)).ExitCode);
        using var consumer = new ScratchWorkspace(
            $"name: consumer\ndependencies:\n  - {prefix}/app:0.1.0\nworkflows:\n  - name: w\n    steps:\n      - {{name: s, block: app, action: hello}}\n");

        Assert.Equal(0, (await consumer.CliAsync("workspace", "inspect")).ExitCode);
        var refused = await consumer.CliAsync("workflows", "run", "w", "--runtime", "host");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("PCB3053", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{prefix}/app:0.1.0 (dependencies: at ", refused.Stderr, StringComparison.Ordinal);

        var update = await consumer.CliAsync("workspace", "update");
        Assert.True(update.ExitCode == 0, update.Stderr);
        var run = await consumer.CliAsync("workflows", "run", "w", "--runtime", "host");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("hello from the dependency", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
