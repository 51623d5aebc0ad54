using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Execution.Cleanup;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Tests.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Tests.Execution.Cleanup;

/// <summary>
/// Every hidden folder the engine makes beside a block or a run directory (<see cref="TemporarySiblings"/>: pull staging,
/// displaced old block, claimed delete — also nested, and the owner-less names of older versions) is recognised by the
/// next sweep once its maker is gone, and two sweeps at once both finish with everything gone.
/// </summary>
public sealed class TemporarySiblingSweepTests : IDisposable
{
    private readonly TempWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    private string Blocks(params string[] parts) => Path.Combine([ws.Root, "blocks", .. parts]);

    private static string Leftover(string path, TemporarySiblingKind kind, ProcessOwner owner)
    {
        var sibling = TemporarySiblings.Create(path, kind, owner);
        Directory.CreateDirectory(Path.Combine(sibling, "templates"));
        File.WriteAllText(Path.Combine(sibling, "block.poly"), "name: app\n");
        return sibling;
    }

    [Fact]
    public void Names_made_by_the_writers_parse_back_with_kind_original_and_owner()
    {
        foreach (var kind in Enum.GetValues<TemporarySiblingKind>())
        {
            var name = Path.GetFileName(TemporarySiblings.Create(Blocks("localhost:5000", "acme", "app"), kind));
            Assert.Equal(new TemporarySibling(kind, "app", ProcessOwner.Current), TemporarySiblings.Parse(name));
        }

        var nested = TemporarySiblings.Create(TemporarySiblings.Create(Blocks("app"), TemporarySiblingKind.PullStaging), TemporarySiblingKind.Removing);
        Assert.Equal(TemporarySiblingKind.Removing, TemporarySiblings.Parse(Path.GetFileName(nested))!.Kind);
        Assert.Null(TemporarySiblings.Parse(".app"));
        Assert.Null(TemporarySiblings.Parse(".app.old-1234"));
        Assert.Null(TemporarySiblings.Parse("app.removing-" + Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public async Task Each_kind_of_leftover_of_a_dead_process_goes_and_a_live_ones_stay()
    {
        var dead = await DeadProcess.OwnerAsync();
        var registry = Blocks("localhost:5000", "acme");
        Directory.CreateDirectory(Path.Combine(registry, "app"));
        File.WriteAllText(Path.Combine(registry, "app", "block.poly"), "name: app\n");
        var staging = Leftover(Path.Combine(registry, "app"), TemporarySiblingKind.PullStaging, dead);
        var displaced = Leftover(Path.Combine(registry, "app"), TemporarySiblingKind.Displaced, dead);
        // A sweep killed while deleting a staging folder: the claimed name wraps the staging name.
        var halfDeleted = Leftover(TemporarySiblings.Create(Path.Combine(registry, "web"), TemporarySiblingKind.PullStaging, dead), TemporarySiblingKind.Removing, dead);
        var topLevelStaging = Leftover(Blocks("local"), TemporarySiblingKind.PullStaging, dead);
        var legacyRemoving = Path.Combine(registry, $"..db.pull-{dead.Token}-{Guid.NewGuid():N}.removing-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(legacyRemoving, "files"));
        Directory.SetLastWriteTimeUtc(legacyRemoving, DateTime.UtcNow - WorkspaceLeftovers.LegacyQuietPeriod - TimeSpan.FromMinutes(1));
        var recentLegacy = Directory.CreateDirectory(Path.Combine(registry, $".db.removing-{Guid.NewGuid():N}")).FullName;
        File.WriteAllText(Path.Combine(recentLegacy, "block.poly"), "name: db\n");
        var liveStaging = Leftover(Path.Combine(registry, "cache"), TemporarySiblingKind.PullStaging, ProcessOwner.Current);
        var liveRemoving = Leftover(Path.Combine(registry, "old"), TemporarySiblingKind.Removing, ProcessOwner.Current);

        var sweep = WorkspaceLeftovers.Sweep(ws.Model);

        foreach (var gone in new[] { staging, displaced, halfDeleted, topLevelStaging, legacyRemoving })
        {
            Assert.False(Directory.Exists(gone), gone);
            Assert.Contains(gone, sweep.Removed);
        }

        Assert.Empty(Directory.EnumerateDirectories(registry, ".*.removing-*").Except([recentLegacy, liveRemoving]));
        Assert.True(Directory.Exists(recentLegacy));
        Assert.True(Directory.Exists(liveStaging));
        Assert.True(Directory.Exists(liveRemoving));
        Assert.True(File.Exists(Path.Combine(registry, "app", "block.poly")));
        Assert.Empty(sweep.Restored);
    }

    [Fact]
    public async Task A_displaced_block_whose_replacement_never_arrived_is_moved_back()
    {
        // Killed between moving the installed block aside and moving the new one in: blocks.lock still names the old one.
        var dead = await DeadProcess.OwnerAsync();
        var target = Blocks("localhost:5000", "acme", "app");
        var displaced = Leftover(target, TemporarySiblingKind.Displaced, dead);
        var staging = Leftover(target, TemporarySiblingKind.PullStaging, dead);

        var sweep = WorkspaceLeftovers.Sweep(ws.Model);

        Assert.Equal([target], sweep.Restored);
        Assert.True(File.Exists(Path.Combine(target, "block.poly")));
        Assert.True(Directory.Exists(Path.Combine(target, "templates")));
        Assert.False(Directory.Exists(displaced));
        Assert.False(Directory.Exists(staging));
    }

    [Fact]
    public async Task Two_sweeps_at_once_both_finish_and_every_leftover_goes()
    {
        var dead = await DeadProcess.OwnerAsync();
        for (var round = 0; round < 5; round++)
        {
            var leftovers = new List<string>();
            var kinds = new[] { TemporarySiblingKind.PullStaging, TemporarySiblingKind.Displaced, TemporarySiblingKind.Removing };
            for (var i = 0; i < 60; i++)
            {
                var target = Blocks("localhost:5000", "acme", $"b{i}");
                Directory.CreateDirectory(target);
                File.WriteAllText(Path.Combine(target, "block.poly"), $"name: b{i}\n");
                var leftover = Leftover(target, kinds[i % 3], dead);
                for (var f = 0; f < 20; f++)
                {
                    File.WriteAllText(Path.Combine(leftover, "templates", $"f{f}.yml"), "x: 1\n");
                }

                leftovers.Add(leftover);
            }

            var sweeps = Enumerable.Range(0, 2).Select(_ => Task.Run(() => WorkspaceLeftovers.Sweep(ws.Model))).ToArray();
            var results = await Task.WhenAll(sweeps);

            Assert.All(leftovers, leftover => Assert.False(Directory.Exists(leftover), leftover));
            Assert.Equal(leftovers.Order(), results.SelectMany(r => r.Removed).Distinct().Order());
            Assert.All(Enumerable.Range(0, 60), i => Assert.True(File.Exists(Blocks("localhost:5000", "acme", $"b{i}", "block.poly"))));
        }
    }

    [Fact]
    public async Task A_claimed_run_directory_whose_delete_was_cut_short_goes_even_without_its_record()
    {
        // TryDelete removes the record before the final directory delete: killed there, only the name tells the owner.
        var dead = await DeadProcess.OwnerAsync();
        var root = PrivateRunRoot.Ensure();
        var claimed = TemporarySiblings.Create(Path.Combine(root, Guid.NewGuid().ToString()), TemporarySiblingKind.Removing, dead);
        var live = TemporarySiblings.Create(Path.Combine(root, Guid.NewGuid().ToString()), TemporarySiblingKind.Removing, ProcessOwner.Current);
        Directory.CreateDirectory(Path.Combine(claimed, "action_app_0", "secrets"));
        Directory.CreateDirectory(live);
        try
        {
            await new OrphanReaper(NullLogger.Instance).ReapRunDirectoriesAsync([], default);

            Assert.False(Directory.Exists(claimed));
            Assert.True(Directory.Exists(live));
        }
        finally
        {
            Directory.Delete(live, recursive: true);
        }
    }
}
