using System.Text;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Model;
using Polycrate.Build.Snapshots;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Snapshots;

/// <summary>
/// Issue 12 item 3 ("per-step cost must not grow with the workflow's size"), measured without timing (which depends on
/// the machine's load): preparing a step's snapshot allocates the same for a 500- and a 5,000-step workflow, far less
/// than the snapshot's size, because the shared sections are written from the run's cache as they are; and the file
/// written is byte for byte the snapshot rendered without any cache.
/// </summary>
public sealed class StepCostScalingTests
{
    [Fact]
    public async Task Preparing_a_step_allocates_the_same_for_500_and_5000_steps()
    {
        var small = await AllocatedPerStepAsync(500);
        var large = await AllocatedPerStepAsync(5000);

        // Formerly every step built the whole snapshot as a string (2 bytes per character), then encoded it: ~5 MB per step at 5,000 steps.
        Assert.True(large.Allocated < small.Allocated * 1.5 + 16 * 1024,
            $"a step of 5,000 allocates {large.Allocated:N0} bytes, a step of 500 {small.Allocated:N0} bytes");
        Assert.True(large.Allocated < large.SnapshotBytes / 4, $"{large.Allocated:N0} bytes allocated for a {large.SnapshotBytes:N0}-byte snapshot");
    }

    [Fact]
    public async Task The_written_snapshot_is_byte_for_byte_the_uncached_rendering()
    {
        using var workspace = Generate(300, description: "Grüße, 東京 — \"quoted\" {{ braces }}");
        var (ws, workflow, block, action) = await LoadAsync(workspace);
        var cache = new SnapshotCache();
        var run = Directory.CreateTempSubdirectory("pcb-snapshot-").FullName;
        try
        {
            foreach (var step in new[] { workflow.Steps[0], workflow.Steps[1], workflow.Steps[299] })
            {
                var context = Context(ws, workflow, block, action, step);
                var directory = Path.Combine(run, step.Name);
                var cached = ActionEnvironmentBuilder.Build(context, new ActionPreparationOptions { RunDirectory = directory, Cache = cache });
                var fresh = ActionEnvironmentBuilder.Build(context, new ActionPreparationOptions { RunDirectory = directory });

                await PreparedActionWriter.WriteAsync(cached, run, CancellationToken.None);

                var expected = Encoding.UTF8.GetBytes(fresh.Files.Single(f => f.HostPath == fresh.SnapshotHostPath).Text!);
                Assert.Equal(expected, await File.ReadAllBytesAsync(cached.SnapshotHostPath));
                PreparedActionWriter.Remove(cached);
            }

            Assert.True(cache.Yaml.Hits >= 4); // the second and third step were served the shared sections
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    private static async Task<(long Allocated, long SnapshotBytes)> AllocatedPerStepAsync(int steps)
    {
        using var workspace = Generate(steps, description: null);
        var (ws, workflow, block, action) = await LoadAsync(workspace);
        var cache = new SnapshotCache();
        var options = new ActionPreparationOptions { RunDirectory = "/tmp/run", Cache = cache };
        ActionEnvironmentBuilder.Build(Context(ws, workflow, block, action, workflow.Steps[0]), options); // fills the cache

        const int Measured = 20;
        long allocated = 0;
        PreparedAction? last = null;
        for (var i = 1; i <= Measured; i++)
        {
            var context = Context(ws, workflow, block, action, workflow.Steps[i * (steps / (Measured + 1))]);
            var before = GC.GetAllocatedBytesForCurrentThread();
            last = ActionEnvironmentBuilder.Build(context, options);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var snapshot = last!.Files.Single(f => f.HostPath == last.SnapshotHostPath).Yaml!;
        return (allocated / Measured, snapshot.Length);
    }

    private static TempWorkspace Generate(int steps, string? description)
    {
        var workspace = new TempWorkspace();
        workspace.Write("blocks/app/block.poly", "name: app\nactions: [{name: run, script: [\"true\"]}]\n");
        var text = new StringBuilder("name: ws\nworkflows:\n  - name: long\n    steps:\n");
        for (var i = 0; i < steps; i++)
        {
            text.Append($"      - name: s{i}\n        block: app\n        action: run\n");
            if (description is not null)
            {
                text.Append($"        description: '{description.Replace("'", "''", StringComparison.Ordinal)}'\n");
            }
        }

        return workspace.Write("workspace.poly", text.ToString());
    }

    private static async Task<(Workspace Workspace, Workflow Workflow, Block Block, BlockAction Action)> LoadAsync(TempWorkspace workspace)
    {
        var ws = (await workspace.LoadAsync()).Workspace;
        var (block, action) = Lookup.Action(ws, "app", "run");
        return (ws, ws.FindWorkflow("long")!, block, action);
    }

    private static ActionContext Context(Workspace ws, Workflow workflow, Block block, BlockAction action, WorkflowStep step) =>
        new() { Workspace = ws, Block = block, Action = action, Workflow = workflow, Step = step, TransactionId = "tx", OnHost = true };
}
