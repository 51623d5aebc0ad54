using Microsoft.Extensions.Logging;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;

namespace Polycrate.Build.Runs;

/// <summary>
/// A run as plan → execute → record: <see cref="RunPlanner"/> (load, check, install, graph once),
/// <see cref="RunExecutor"/> (schedule targets on the <see cref="IRunEngine"/>), then every <see cref="IRunRecorder"/>
/// (run log, JUnit) — for succeeded, failed and canceled runs alike.
/// </summary>
internal sealed class RunPipeline(RunServices services, IRunObserver observer, Action<Diagnostic> warn, ILoggerFactory loggers)
{
    public async Task<RunReport> RunAsync(RunRequest request, RunOptions options, CancellationToken cancellationToken)
    {
        using var engine = services.Engines(options, observer);
        // The first engine request (connection set-up, API version negotiation) overlaps loading the workspace.
        var warmUp = engine is ToolchainRunEngine real ? real.WarmUpAsync(cancellationToken) : Task.CompletedTask;
        try
        {
            var plan = await new RunPlanner(services.Workspaces, services.Blocks, observer, warn, services.Clock).PlanAsync(request, options, cancellationToken);
            var record = await new RunExecutor(engine, observer, services.Clock, loggers.CreateLogger<RunExecutor>()).ExecuteAsync(plan, options, cancellationToken);
            string? logPath = null;
            foreach (var recorder in services.Recorders)
            {
                // Records are written even when the run was canceled: they say that it was.
                var written = await recorder.RecordAsync(record, CancellationToken.None);
                logPath ??= recorder.Name == RunLogRecorder.RecorderName ? written : null;
            }

            return new RunReport(record.TransactionId, record.Summary, logPath) { Warnings = plan.Warnings };
        }
        finally
        {
            await warmUp;
        }
    }
}
