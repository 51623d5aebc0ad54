using Polycrate.Build.IntegrationTests.Registry;
using Polycrate.Build.IntegrationTests.WorkspaceBlocks;
using Polycrate.Build.WorkspaceBlocks;

namespace Polycrate.Build.IntegrationTests.Hostile;

/// <summary>
/// Six `blocks pull` processes at once into one workspace, against the real local registry: every block is installed
/// and blocks.lock keeps all six entries (it kept one of six when each process read, changed and wrote it unlocked).
/// </summary>
[Collection(RegistryCollection.Name)]
public sealed class ConcurrentPullTests(RegistryFixture registry)
{
    [Fact]
    public async Task Six_concurrent_pulls_into_one_workspace_keep_all_six_lock_entries()
    {
        var prefix = $"{registry.Anonymous}/{RegistryFixture.UniqueRepository("concurrent")}";
        using var publisher = new ScratchWorkspace("name: publisher\norganization: acme\n");
        var names = Enumerable.Range(1, 6).Select(i => $"block-{i}").ToList();
        foreach (var name in names)
        {
            publisher.Write($"blocks/{name}/block.poly", $"name: {name}\nversion: 1.0.0\nactions:\n  - name: go\n    script: [\"true\"]\n");
            await publisher.JsonAsync("blocks", "push", name, "--registry", prefix);
        }

        using var consumer = new ScratchWorkspace("name: consumer\norganization: acme\n");
        var pulls = names.Select(name => CliProcess.RunAsync(["-w", consumer.Root, "blocks", "pull", $"{prefix}/{name}:1.0.0"])).ToList();
        var results = await Task.WhenAll(pulls);

        foreach (var result in results)
        {
            Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        }

        var locked = (await BlockLockFile.LoadAsync(consumer.Root, CancellationToken.None)).Blocks;
        Assert.Equal(names.Select(n => $"{prefix}/{n}").Order(StringComparer.Ordinal), locked.Select(b => b.Repository));
        foreach (var name in names)
        {
            Assert.True(consumer.Exists($"blocks/{prefix}/{name}/block.poly"), name);
        }
    }
}
