using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution;
using Polycrate.Build.Graph;

namespace Polycrate.Build.Runs;

/// <summary>
/// Webhook events (<c>events:</c>) and the git commit of the run's changes (<c>--commit</c> / <c>git.autocommit</c>)
/// through <see cref="RunIntegrations"/>: started before the first target, told of each finished target, finished after
/// the run log is written (so the commit includes it). Registered after the run log recorder.
/// </summary>
internal sealed class IntegrationsRecorder(Func<string, string?> getVariable, ILoggerFactory loggers) : IRunRecorder, IAsyncDisposable
{
    private RunIntegrations? _integrations;

    public string Name => "integrations";

    public async Task StartAsync(RunStart run, CancellationToken cancellationToken) =>
        _integrations = await RunIntegrations.StartAsync(run.Plan.Workspace, run.Options, run.Plan.TransactionId, run.Roots, run.Closure, run.Outputs.Of,
            getVariable, loggers, cancellationToken);

    public void TargetFinished(TargetResult result) => _integrations?.TargetFinished(result);

    public async Task<string?> RecordAsync(FinishedRun run, CancellationToken cancellationToken)
    {
        if (_integrations is not null)
        {
            await _integrations.FinishAsync(run.Summary, run.Duration, cancellationToken);
        }

        return null;
    }

    public ValueTask DisposeAsync() => _integrations?.DisposeAsync() ?? ValueTask.CompletedTask;
}
