using Microsoft.Extensions.Logging;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Model;

namespace Polycrate.Build.Runs;

/// <summary>
/// A run as plan → execute → record: <see cref="RunPlanner"/> (load, check, install, graph once), the engine removes
/// what killed runs left (alongside the run, finished before it returns), the recorders start (events, git state), <see cref="RunExecutor"/> schedules the targets on
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
            var logger = loggers.CreateLogger<RunPipeline>();
            var plan = await new RunPlanner(services.Workspaces, services.Blocks, observer, warn, services.Clock).PlanAsync(request, options, cancellationToken);
            logger.LogDebug("Phase plan done: workspace loaded, target graph built");
            var outputs = new RunOutputs();
            FinishedRun finished;
            // Tidying up after killed runs touches only what dead owners left (never this run's container or directory)
            // and never changes a run's outcome, so it runs alongside the run instead of before it; the run ends after it.
            var reap = ReapAsync(engine, plan.Workspace, logger, cancellationToken);
            try
            {
                foreach (var recorder in recorders)
                {
                    await recorder.StartAsync(new RunStart(plan, options, outputs), cancellationToken);
                }

                finished = await new RunExecutor(engine, observer, services.Clock, loggers.CreateLogger<RunExecutor>())
                    .ExecuteAsync(plan, options, outputs, result => recorders.ForEach(r => r.TargetFinished(result)), cancellationToken);
                logger.LogDebug("Phase execute done: targets finished, action runtime released");
            }
            finally
            {
                await reap;
            }

            string? logPath = null;
            foreach (var recorder in recorders)
            {
                // Records are written even when the run was canceled: they say that it was.
                var written = await recorder.RecordAsync(finished, CancellationToken.None);
                logPath ??= recorder.Name == RunLogRecorder.RecorderName ? written : null;
                logger.LogDebug("Phase record done: {Recorder}", recorder.Name);
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

    /// <summary>The engine's orphan check; a failure is a warning (as everywhere reaping happens), cancellation ends it quietly.</summary>
    private static async Task ReapAsync(IRunEngine engine, Workspace workspace, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await engine.ReapOrphansAsync(workspace, cancellationToken);
            logger.LogDebug("Phase reap done: leftovers of killed runs checked (alongside the run)");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run reports the cancellation.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PolycrateException)
        {
            logger.LogWarning("Could not check for leftovers of killed runs: {Message}", ex.Message);
        }
    }
}
