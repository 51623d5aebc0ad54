using Polycrate.Build.Execution.Cleanup;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Tests.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Tests.Execution.Cleanup;

/// <summary>Issue 12 items 1 and 2: temporary files and folders of killed commands are removed, live ones never.</summary>
public sealed class WorkspaceLeftoversTests : IDisposable
{
    private readonly TempWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    private string Blocks(params string[] parts) => Path.Combine([ws.Root, "blocks", .. parts]);

    [Fact]
    public void Stale_secret_temp_file_is_removed_but_one_a_live_writer_holds_is_kept()
    {
        var stale = ws.Write($"app/.token.{Guid.NewGuid():N}.tmp", "partial plaintext");
        var live = ws.Write($".kubeconfig.yml.{Guid.NewGuid():N}.tmp", "being written");
        var userFile = ws.Write(".notes.tmp", "not ours");
        using var writer = new FileStream(live, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var removed = WorkspaceLeftovers.Sweep(ws.Model).Removed;

        Assert.Equal([stale], removed);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(userFile));
    }

    [Fact]
    public async Task Pull_staging_of_a_dead_process_is_removed_and_a_live_one_kept()
    {
        var dead = await DeadProcess.OwnerAsync();
        var deadStaging = Directory.CreateDirectory(Blocks("localhost:5000", "acme", $".app.pull-{dead.Token}-{Guid.NewGuid():N}", "sub")).Parent!.FullName;
        var liveStaging = Directory.CreateDirectory(Blocks("localhost:5000", "acme", $".web.pull-{ProcessOwner.Current.Token}-{Guid.NewGuid():N}")).FullName;
        File.WriteAllText(Path.Combine(liveStaging, "block.poly"), "name: web\n");

        var removed = WorkspaceLeftovers.Sweep(ws.Model).Removed;

        Assert.Contains(deadStaging, removed);
        Assert.False(Directory.Exists(deadStaging));
        Assert.True(Directory.Exists(liveStaging));
    }

    [Fact]
    public void Unlocked_layer_temp_file_is_removed_and_a_locked_one_kept()
    {
        Directory.CreateDirectory(Blocks("registry.acme.com", "infra"));
        var stale = Blocks("registry.acme.com", "infra", $".layer-{Guid.NewGuid():N}.tmp");
        var live = Blocks("registry.acme.com", "infra", $".layer-{Guid.NewGuid():N}.tmp");
        File.WriteAllText(stale, "half a layer");
        File.WriteAllText(live, "downloading");
        using var download = new FileStream(live, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        WorkspaceLeftovers.Sweep(ws.Model);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
    }

    [Fact]
    public void Stale_blocks_lock_temporary_file_is_removed_but_not_the_lock_itself()
    {
        var stale = Path.Combine(ws.Root, $"blocks.lock.{Guid.NewGuid():N}.tmp");
        var lockFile = Path.Combine(ws.Root, "blocks.lock");
        File.WriteAllText(stale, "blocks: [");
        File.WriteAllText(lockFile, "blocks: []\n");

        Assert.Equal([stale], WorkspaceLeftovers.Sweep(ws.Model).Removed);
        Assert.True(File.Exists(lockFile));
    }

    [Fact]
    public void Empty_registry_folders_of_a_refused_pull_are_removed_but_not_blocks_or_local_folders()
    {
        Directory.CreateDirectory(Blocks("localhost:5000", "acme", "infra"));
        Directory.CreateDirectory(Blocks("registry.acme.com", "team", "empty"));
        Directory.CreateDirectory(Blocks("registry.acme.com", "team", "app", "templates"));
        File.WriteAllText(Blocks("registry.acme.com", "team", "app", "block.poly"), "name: app\n");
        Directory.CreateDirectory(Blocks("my-block", "templates"));

        var removed = WorkspaceLeftovers.Sweep(ws.Model).Removed;

        Assert.False(Directory.Exists(Blocks("localhost:5000")));
        Assert.False(Directory.Exists(Blocks("registry.acme.com", "team", "empty")));
        Assert.True(Directory.Exists(Blocks("registry.acme.com", "team", "app", "templates")));
        Assert.True(Directory.Exists(Blocks("my-block", "templates")));
        Assert.Contains(Blocks("localhost:5000"), removed);
    }
}
