using System.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Snapshots;

namespace Polycrate.Build.Benchmarks;

/// <summary>
/// The part of a step that could grow with the workflow's size, measured without starting processes (whose cost
/// dominates and varies with the machine's load): preparing a step's environment and snapshot
/// (<see cref="ActionEnvironmentBuilder"/>) and writing its private files, as <c>ActionRunner</c> does, for every step
/// of the workflow with one snapshot cache per run.
/// </summary>
internal static class StepPreparationProbe
{
    /// <summary>Seconds per step and the size of the last step's snapshot file (bytes).</summary>
    public static async Task<(double SecondsPerStep, long SnapshotBytes)> MeasureAsync(string workspaceRoot, string workflowName, CancellationToken ct)
    {
        var workspace = (await new WorkspaceLoader().LoadAsync(workspaceRoot, new LoadOptions(), ct)).Workspace;
        var workflow = workspace.FindWorkflow(workflowName) ?? throw new InvalidOperationException($"no workflow {workflowName}");
        var runDirectory = Directory.CreateTempSubdirectory("steps-probe-").FullName;
        try
        {
            var cache = new SnapshotCache();
            long bytes = 0;
            var clock = Stopwatch.StartNew();
            foreach (var step in workflow.Steps)
            {
                var (block, action) = Lookup.Action(workspace, step.Block, step.Action);
                var context = new ActionContext
                {
                    Workspace = workspace,
                    Block = block,
                    Action = action,
                    Workflow = workflow,
                    Step = workflow.FindStep(step.Name),
                    TransactionId = "probe",
                    OnHost = true,
                };
                var stepDirectory = Path.Combine(runDirectory, step.Name);
                var prepared = ActionEnvironmentBuilder.Build(context, new ActionPreparationOptions { RunDirectory = stepDirectory, Cache = cache });
                await PreparedActionWriter.WriteAsync(prepared, runDirectory, ct);
                bytes = new FileInfo(prepared.SnapshotHostPath).Length;
                PreparedActionWriter.Remove(prepared);
            }

            return (clock.Elapsed.TotalSeconds / workflow.Steps.Count, bytes);
        }
        finally
        {
            Directory.Delete(runDirectory, recursive: true);
        }
    }
}
