using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.Runs;

/// <summary>
/// Execute step of a run: schedules the plan's sub-graph (needs:, when:, allow_failure, --max-parallel) and hands each
/// target to the <see cref="IRunEngine"/>. Owns the private run directory (0700 with its run.json owner record, see
/// <see cref="RunDirectories"/>; removed afterwards) and fills the output tails the recorders write.
/// </summary>
internal sealed class RunExecutor(IRunEngine engine, IRunObserver observer, TimeProvider clock, ILogger logger)
{
    public async Task<FinishedRun> ExecuteAsync(RunPlan plan, RunOptions options, RunOutputs outputs, Action<TargetResult> finished,
        CancellationToken cancellationToken)
    {
        var results = new List<TargetResult>(plan.Installs);
        var canceled = false;
        if (plan.Graph is { } graph)
        {
            var runDirectory = RunDirectories.Create(RunRecord.ForRun(plan.TransactionId, plan.Workspace, options.Command ?? "polycrate-build", plan.Started));
            string? image = null;

            async Task<TargetOutcome> Execute(Target target, CancellationToken token)
            {
                var tail = outputs.For(target.Id);
                switch (target.Kind)
                {
                    case TargetKind.Image when engine.OnHost:
                        return new TargetOutcome(true, UpToDate: true, Message: "runtime host: no image");
                    case TargetKind.Image:
                        var built = await engine.EnsureImageAsync(plan.Workspace, options, token);
                        var outcome = ImageTargetStatus.Outcome(built, engine.ImageAtCreate);
                        logger.LogDebug("Phase image done: {Outcome}", outcome.Message);
                        image = built.Tag;
                        return outcome;
                    case TargetKind.Action or TargetKind.Step:
                        return await engine.RunActionAsync(target, ContextFor(plan, target, options, engine.OnHost, image), runDirectory, tail, token);
                    default:
                        return TargetOutcome.Success;
                }
            }

            try
            {
                var closure = graph.Closure(plan.Roots);
                engine.ActionsPlanned(closure.Count(t => t.Kind is TargetKind.Action or TargetKind.Step));
                observer.RunPlanned(closure);
                var summary = await TargetScheduler.RunAsync(graph, plan.Roots, Execute,
                    new SchedulerOptions
                    {
                        MaxParallel = options.MaxParallel,
                        Started = observer.TargetStarted,
                        Finished = result =>
                        {
                            observer.TargetFinished(result);
                            finished(result);
                        },
                    },
                    cancellationToken);
                // Known only now when the first container create was the image check.
                results.AddRange(engine.ImageAtCreate is { } atCreate && image is not null
                    ? summary.Results.Select(r => r.Target.Kind == TargetKind.Image && r.Status == TargetStatus.Succeeded ? ImageTargetStatus.Resolved(r, image, atCreate) : r)
                    : summary.Results);
                canceled = summary.Canceled;
            }
            finally
            {
                await engine.EndActionsAsync();
                if (RunDirectories.TryDelete(runDirectory) is { } problem)
                {
                    logger.LogWarning("Could not remove the run directory {Directory}: {Message}", runDirectory, problem);
                }
            }
        }

        return new FinishedRun(plan.Workspace, options, plan.TransactionId, plan.Started, clock.GetLocalNow(), new RunSummary(results, canceled), outputs);
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
        };
    }
}
