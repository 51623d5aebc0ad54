using System.Text;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Model;
using Polycrate.Build.Snapshots;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Snapshots;

/// <summary>
/// Issue 12: each step of a 5,000-step workflow projected and rendered all steps again. With the run's cache the shared
/// sections are projected and rendered once; the snapshots are byte for byte what they were without it.
/// </summary>
public sealed class SnapshotCacheTests
{
    [Fact]
    public async Task Steps_share_the_rendered_workspace_and_workflow_sections_and_get_identical_snapshots()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/app/block.poly", "name: app\nactions: [{name: run, script: [echo]}]\n");
        var steps = new StringBuilder("name: ws\nworkflows:\n  - name: long\n    steps:\n");
        for (var i = 0; i < 300; i++)
        {
            steps.Append($"      - {{name: s{i}, block: app, action: run}}\n");
        }

        workspace.Write("workspace.poly", steps.ToString());
        var ws = (await workspace.LoadAsync()).Workspace;
        var workflow = ws.FindWorkflow("long")!;
        var (block, action) = Lookup.Action(ws, "app", "run");
        var cache = new SnapshotCache();

        foreach (var step in workflow.Steps)
        {
            var context = new ActionContext { Workspace = ws, Block = block, Action = action, Workflow = workflow, Step = step, TransactionId = "tx" };
            var cached = ActionEnvironmentBuilder.Build(context, new ActionPreparationOptions { RunDirectory = "/tmp/run", Cache = cache });
            var fresh = ActionEnvironmentBuilder.Build(context, new ActionPreparationOptions { RunDirectory = "/tmp/run" });
            Assert.Equal(SnapshotFile(fresh), SnapshotFile(cached));
        }

        // The workflow section and the workspace's workflows list, rendered once and served for the other 299 steps.
        Assert.Equal(2 * 299, cache.Yaml.Hits);
    }

    private static string? SnapshotFile(PreparedAction prepared) =>
        prepared.Files.Single(f => f.HostPath == prepared.SnapshotHostPath).Text;
}
