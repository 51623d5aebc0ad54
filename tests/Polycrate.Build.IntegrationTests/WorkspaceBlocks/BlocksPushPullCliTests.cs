using System.Text.Json;
using Polycrate.Build.Registry;
using Polycrate.Build.WorkspaceBlocks;
using Polycrate.Build.IntegrationTests.Registry;

namespace Polycrate.Build.IntegrationTests.WorkspaceBlocks;

/// <summary><c>blocks push</c>, <c>blocks pull</c> and <c>blocks list</c> against the real anonymous registry.</summary>
[Collection(RegistryCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BlocksPushPullCliTests(RegistryFixture registry)
{
    private static ScratchWorkspace Publisher(string version = "0.1.0")
    {
        var workspace = new ScratchWorkspace("name: publisher\norganization: acme\n");
        workspace.Write("blocks/edge-ota/block.poly",
            $"name: edge-ota\nversion: {version}\nlabels:\n  team: edge\nconfig:\n  hall: 0\nactions:\n  - name: update\n    playbook: update.yml\n");
        workspace.Write("blocks/edge-ota/update.yml", "- hosts: all\n  tasks: []\n");
        return workspace;
    }

    private static ScratchWorkspace Consumer(string from) =>
        new($"name: consumer\norganization: acme\nblocks:\n  - name: ota-hall-1\n    from: {from}\n    config:\n      hall: 1\n");

    private static JsonElement Row(JsonElement list, string name) => list.EnumerateArray().Single(b => b.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Push_pull_pins_the_digest_and_a_moved_tag_needs_update()
    {
        var prefix = $"{registry.Anonymous}/{RegistryFixture.UniqueRepository("it")}";
        var reference = $"{prefix}/edge-ota:0.1.0";
        using var publisher = Publisher();
        using var consumer = Consumer(reference);
        using var client = registry.Client();

        // push: reference from --registry + name + version; a retry uploads nothing; latest stays untouched.
        var pushed = await publisher.JsonAsync("blocks", "push", "edge-ota", "--registry", prefix);
        var digest = pushed.GetProperty("digest").GetString()!;
        Assert.Equal(reference, pushed.GetProperty("reference").GetString());
        Assert.Equal("pushed", pushed.GetProperty("status").GetString());
        Assert.Equal(digest, await client.TryResolveDigestAsync(ImageReference.Parse(reference), default));
        var retry = await publisher.JsonAsync("blocks", "push", "edge-ota", "--registry", prefix);
        Assert.Equal(digest, retry.GetProperty("digest").GetString());
        Assert.Equal(0, retry.GetProperty("uploaded_bytes").GetInt64());
        Assert.StartsWith("unchanged", retry.GetProperty("status").GetString(), StringComparison.Ordinal);
        Assert.Null(await client.TryResolveDigestAsync(ImageReference.Parse($"{prefix}/edge-ota:latest"), default));

        // Before the pull the pin is reported missing.
        var before = Row(await consumer.JsonAsync("blocks", "list"), "ota-hall-1");
        Assert.StartsWith("not installed", before.GetProperty("pin").GetString(), StringComparison.Ordinal);

        // pull: installed at blocks/<registry>/<path>/, digest recorded in blocks.lock.
        var pulled = await consumer.JsonAsync("blocks", "pull", reference);
        var installDir = $"blocks/{prefix}/edge-ota";
        Assert.Equal(digest, pulled.GetProperty("digest").GetString());
        Assert.Equal(installDir, pulled.GetProperty("path").GetString());
        Assert.Equal(publisher.Read("blocks/edge-ota/block.poly"), consumer.Read($"{installDir}/block.poly"));
        var entry = Assert.Single((await BlockLockFile.LoadAsync(consumer.Root, default)).Blocks);
        Assert.Equal(new BlockLockEntry($"{prefix}/edge-ota", "0.1.0", digest, "edge-ota", "0.1.0", installDir), entry);

        // blocks list shows installed version, digest and a matching pin; the instance inherits the pulled actions.
        var row = Row(await consumer.JsonAsync("blocks", "list"), "ota-hall-1");
        Assert.Equal("0.1.0", row.GetProperty("installed_version").GetString());
        Assert.Equal(digest, row.GetProperty("digest").GetString());
        Assert.Equal("ok", row.GetProperty("pin").GetString());
        Assert.Equal(["update"], row.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        // Re-pulling the same digest is fine and leaves the lock byte-for-byte unchanged.
        var lockText = File.ReadAllText(consumer.LockFile);
        Assert.Equal(0, (await consumer.CliAsync("blocks", "pull", reference)).ExitCode);
        Assert.Equal(lockText, File.ReadAllText(consumer.LockFile));

        // Other content under the same tag: refused without --force, then forced.
        publisher.Write("blocks/edge-ota/update.yml", "- hosts: all\n  tasks: [{debug: {msg: changed}}]\n");
        var refused = await publisher.CliAsync("blocks", "push", "edge-ota", "--registry", prefix);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("PCB4003", refused.Stderr, StringComparison.Ordinal);
        var forced = await publisher.JsonAsync("blocks", "push", "edge-ota", "--registry", prefix, "--force");
        var moved = forced.GetProperty("digest").GetString()!;
        Assert.NotEqual(digest, moved);

        // The consumer's pin refuses the moved tag and keeps the old block; --update accepts it.
        var pinned = await consumer.CliAsync("blocks", "pull", reference);
        Assert.Equal(1, pinned.ExitCode);
        Assert.Contains("PCB4007", pinned.Stderr, StringComparison.Ordinal);
        Assert.Contains("--update", pinned.Stderr, StringComparison.Ordinal);
        Assert.Equal("- hosts: all\n  tasks: []\n", consumer.Read($"{installDir}/update.yml"));
        Assert.Equal(lockText, File.ReadAllText(consumer.LockFile));

        var updated = await consumer.JsonAsync("blocks", "pull", reference, "--update");
        Assert.Equal(moved, updated.GetProperty("digest").GetString());
        Assert.Equal(digest, updated.GetProperty("previous_digest").GetString());
        Assert.Contains("changed", consumer.Read($"{installDir}/update.yml"), StringComparison.Ordinal);
        Assert.Equal(moved, Assert.Single((await BlockLockFile.LoadAsync(consumer.Root, default)).Blocks).Digest);

        // latest moves only when asked.
        await publisher.JsonAsync("blocks", "push", "edge-ota", "--registry", prefix, "--tag-latest");
        Assert.Equal(moved, await client.TryResolveDigestAsync(ImageReference.Parse($"{prefix}/edge-ota:latest"), default));
    }

    [Fact]
    public async Task A_pull_that_fails_validation_leaves_the_installed_block_and_the_lock_untouched()
    {
        var prefix = $"{registry.Anonymous}/{RegistryFixture.UniqueRepository("it")}";
        using var publisher = Publisher();
        using var consumer = Consumer($"{prefix}/edge-ota:0.1.0");
        await publisher.JsonAsync("blocks", "push", "edge-ota", "--registry", prefix);
        await consumer.JsonAsync("blocks", "pull", $"{prefix}/edge-ota:0.1.0");
        var lockText = File.ReadAllText(consumer.LockFile);
        var installed = consumer.Read($"blocks/{prefix}/edge-ota/block.poly");

        // A tag whose block.poly claims another version (pushed with the raw publisher, as a foreign tool could).
        using (var client = registry.Client())
        {
            await new BlockPublisher(client).PushAsync(
                new PushOptions(ImageReference.Parse($"{prefix}/edge-ota:0.2.0"), Path.Combine(publisher.Root, "blocks", "edge-ota"), "0.2.0"), default);
        }

        var result = await consumer.CliAsync("blocks", "pull", $"{prefix}/edge-ota:0.2.0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PCB4008", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("version '0.1.0'", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(installed, consumer.Read($"blocks/{prefix}/edge-ota/block.poly"));
        Assert.Equal(lockText, File.ReadAllText(consumer.LockFile));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(consumer.Root, "blocks", prefix), ".*"));
    }

    [Fact]
    public async Task Push_derives_the_repository_from_a_full_name_or_the_directory_and_refuses_without_registry()
    {
        var prefix = $"{registry.Anonymous}/{RegistryFixture.UniqueRepository("it")}";
        using var workspace = new ScratchWorkspace("name: publisher\n");
        workspace.Write($"blocks/{prefix}/full/block.poly", $"name: {prefix}/full\nversion: 1.0.0\n");
        workspace.Write($"blocks/{prefix}/linux-maintenance/block.poly", "name: linux-maintenance\nversion: 0.1.0\n");
        workspace.Write("blocks/local/block.poly", "name: local\nversion: 1.0.0\n");
        workspace.Write("blocks/unversioned/block.poly", "name: unversioned\n");

        Assert.Equal($"{prefix}/full:1.0.0", (await workspace.JsonAsync("blocks", "push", $"{prefix}/full")).GetProperty("reference").GetString());
        Assert.Equal($"{prefix}/linux-maintenance:0.1.0",
            (await workspace.JsonAsync("blocks", "push", "linux-maintenance")).GetProperty("reference").GetString());

        // Without --registry, the variable is the only default; nothing is pushed anywhere implicitly.
        if (Environment.GetEnvironmentVariable(DefaultRegistry.Variable) is null)
        {
            var noRegistry = await workspace.CliAsync("blocks", "push", "local");
            Assert.Equal(2, noRegistry.ExitCode);
            Assert.Contains("--registry", noRegistry.Stderr, StringComparison.Ordinal);
            Assert.Contains(DefaultRegistry.Variable, noRegistry.Stderr, StringComparison.Ordinal);
        }

        var noVersion = await workspace.CliAsync("blocks", "push", "unversioned", "--registry", prefix);
        Assert.Equal(2, noVersion.ExitCode);
        Assert.Contains("PCB4010", noVersion.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_does_not_replace_a_block_directory_it_did_not_install_unless_updating()
    {
        var prefix = $"{registry.Anonymous}/{RegistryFixture.UniqueRepository("it")}";
        using var publisher = Publisher();
        await publisher.JsonAsync("blocks", "push", "edge-ota", "--registry", prefix);
        using var developer = new ScratchWorkspace("name: developer\n");
        developer.Write($"blocks/{prefix}/edge-ota/block.poly", "name: edge-ota\nversion: 0.1.0\n# work in progress\n");

        var refused = await developer.CliAsync("blocks", "pull", $"{prefix}/edge-ota:0.1.0");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("PCB4011", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("work in progress", developer.Read($"blocks/{prefix}/edge-ota/block.poly"), StringComparison.Ordinal);
        Assert.Equal(0, (await developer.CliAsync("blocks", "pull", $"{prefix}/edge-ota:0.1.0", "--update")).ExitCode);
        Assert.Equal(publisher.Read("blocks/edge-ota/block.poly"), developer.Read($"blocks/{prefix}/edge-ota/block.poly"));
    }
}
