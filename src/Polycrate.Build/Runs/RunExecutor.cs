using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Runs;

/// <summary>
/// Execute step of a run: schedules the plan's sub-graph (needs:, when:, allow_failure, --max-parallel) and hands each
/// target to the <see cref="IRunEngine"/>. Owns the private run directory (0700, removed afterwards) and the output
/// tails the recorders write.
/// </summary>
internal sealed class RunExecutor(IRunEngine engine, IRunObserver observer, TimeProvider clock, ILogger logger)
{
    public async Task<RunRecord> ExecuteAsync(RunPlan plan, RunOptions options, CancellationToken cancellationToken)
    {
        var tails = new ConcurrentDictionary<string, OutputTail>(StringComparer.Ordinal);
        var results = new List<TargetResult>(plan.Installs);
        var canceled = false;
        if (plan.Graph is not null)
        {
            var runDirectory = Path.Combine(Path.GetTempPath(), "polycrate-build", plan.TransactionId);
            CreatePrivateDirectory(runDirectory);
            string? image = null;

            async Task<TargetOutcome> Execute(Target target, CancellationToken token)
            {
                switch (target.Kind)
                {
                    case TargetKind.Image when engine.OnHost:
                        return new TargetOutcome(true, UpToDate: true, Message: "runtime host: no image");
                    case TargetKind.Image:
                        var built = await engine.EnsureImageAsync(plan.Workspace, options, token);
                        image = built.Tag;
                        return new TargetOutcome(true, UpToDate: !built.Built, Message: built.Tag);
                    case TargetKind.Action or TargetKind.Step:
                        var context = ContextFor(plan, target, options, engine.OnHost, image);
                        return await engine.RunActionAsync(target, context, runDirectory, tails.GetOrAdd(target.Id, _ => new OutputTail()), token);
                    default:
                        return TargetOutcome.Success;
                }
            }

            try
            {
                var summary = await TargetScheduler.RunAsync(plan.Graph, plan.Roots, Execute,
                    new SchedulerOptions { MaxParallel = options.MaxParallel, Started = observer.TargetStarted, Finished = observer.TargetFinished },
                    cancellationToken);
                results.AddRange(summary.Results);
                canceled = summary.Canceled;
            }
            finally
            {
                TryDelete(runDirectory);
            }
        }

        return new RunRecord(plan.Workspace, options, plan.TransactionId, plan.Started, clock.GetLocalNow(), new RunSummary(results, canceled),
            id => tails.TryGetValue(id, out var tail) && tail.TotalLines > 0 ? tail.ToString() : null);
    }

    private static ActionContext ContextFor(RunPlan plan, Target target, RunOptions options, bool onHost, string? image)
    {
        var workspace = plan.Workspace;
        var (block, action) = Lookup.Action(workspace, target.Block!, target.Action!);
        var workflow = target.Workflow is null ? null : workspace.FindWorkflow(target.Workflow);
        return new ActionContext
        {
            Workspace = workspace,
            Block = block,
            Action = action,
            Workflow = workflow,
            Step = target.Step is null ? null : workflow?.FindStep(target.Step),
            TransactionId = plan.TransactionId,
            OnHost = onHost,
            Force = options.Force,
            Image = image,
            SnapshotPath = string.Empty,
        };
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException ex)
        {
            logger.LogWarning("Could not remove the run directory {Directory}: {Message}", directory, ex.Message);
        }
    }
}
