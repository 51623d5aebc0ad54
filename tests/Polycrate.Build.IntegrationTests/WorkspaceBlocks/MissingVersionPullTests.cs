using Polycrate.Build.IntegrationTests.Registry;

namespace Polycrate.Build.IntegrationTests.WorkspaceBlocks;

/// <summary>
/// A block version that is not in the registry (the usual typo when pinning <c>from:</c>): invalid input (exit code 2) on
/// every path — <c>blocks pull</c>, <c>workspace update</c>, a run that pulls it — and the error lists the tags the
/// repository has, or says the repository does not exist — real anonymous registry.
/// </summary>
[Collection(RegistryCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class MissingVersionPullTests(RegistryFixture registry)
{
    [Fact]
    public async Task A_missing_tag_lists_the_tags_there_are_and_a_missing_repository_says_so()
    {
        var prefix = $"{registry.Anonymous}/{RegistryFixture.UniqueRepository("newcomer")}";
        using var publisher = new ScratchWorkspace("name: publisher\norganization: acme\n");
        publisher.Write("blocks/app/block.poly", "name: app\nversion: 0.1.0\nactions: [{name: hello, script: [echo]}]\n");
        Assert.Equal(0, (await publisher.CliAsync("blocks", "push", "app", "--registry", prefix)).ExitCode);
        using var consumer = new ScratchWorkspace($"name: consumer\norganization: acme\nblocks:\n  - name: a\n    from: {prefix}/app:0.2.0\n");

        var (exit, _, stderr) = await consumer.CliAsync("blocks", "pull", $"{prefix}/app:0.2.0");
        Assert.Equal(2, exit);
        Assert.Contains($"{prefix}/app:0.2.0 was not found", stderr, StringComparison.Ordinal);
        Assert.Contains($"Tags of {prefix}/app: 0.1.0.", stderr, StringComparison.Ordinal);

        // The same through workspace update (the from: above), and for a repository that was never pushed.
        var update = await consumer.CliAsync("workspace", "update");
        Assert.Equal(2, update.ExitCode);
        Assert.Contains($"Tags of {prefix}/app: 0.1.0.", update.Stderr, StringComparison.Ordinal);
        var run = await consumer.CliAsync("run", "a", "hello", "--runtime", "host", "--blocks-auto-pull");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Tags of {prefix}/app: 0.1.0.", run.Stderr, StringComparison.Ordinal);
        var missing = await consumer.CliAsync("blocks", "pull", $"{prefix}/nothere:1.0.0");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains($"The repository {prefix}/nothere does not exist there", missing.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(consumer.Root, "blocks", prefix, "app")));
    }
}
