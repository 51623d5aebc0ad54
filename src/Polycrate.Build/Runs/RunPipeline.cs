using Microsoft.Extensions.Logging;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;

namespace Polycrate.Build.Runs;

/// <summary>
/// A run as plan → execute → record: <see cref="RunPlanner"/> (load, check, install, graph once), the engine removes
/// what killed runs left, the recorders start (events, git state), <see cref="RunExecutor"/> schedules the targets on
/// the <see cref="IRunEngine"/>, then every <see cref="IRunRecorder"/> writes its record (run log, JUnit, events and
/// commit) — for succeeded, failed and canceled runs alike.
/// </summary>
internal sealed class RunPipeline(RunServices services, IRunObserver observer, Action<Diagnostic> warn, ILoggerFactory loggers)
{
    public async Task<RunReport> RunAsync(RunRequest request, RunOptions options, CancellationToken cancellationToken)
    {
        await using var engine = services.Engines(options, observer);
        // The first engine request (connection set-up, API version negotiation) overlaps loading the workspace.
        var warmUp = engine.WarmUpAsync(cancellationToken);
        var recorders = services.Recorders();
        try
        {
            var plan = await new RunPlanner(services.Workspaces, services.Blocks, observer, warn, services.Clock).PlanAsync(request, options, cancellationToken);
            await engine.ReapOrphansAsync(plan.Workspace, cancellationToken);
            var outputs = new RunOutputs();
            foreach (var recorder in recorders)
            {
                await recorder.StartAsync(new RunStart(plan, options, outputs), cancellationToken);
            }

            var finished = await new RunExecutor(engine, observer, services.Clock, loggers.CreateLogger<RunExecutor>())
                .ExecuteAsync(plan, options, outputs, result => recorders.ForEach(r => r.TargetFinished(result)), cancellationToken);
            string? logPath = null;
            foreach (var recorder in recorders)
            {
                // Records are written even when the run was canceled: they say that it was.
                var written = await recorder.RecordAsync(finished, CancellationToken.None);
                logPath ??= recorder.Name == RunLogRecorder.RecorderName ? written : null;
            }

            return new RunReport(finished.TransactionId, finished.Summary, logPath) { Warnings = plan.Warnings };
        }
        finally
        {
            foreach (var recorder in recorders.OfType<IAsyncDisposable>())
            {
                await recorder.DisposeAsync();
            }

            await warmUp;
        }
    }
}
