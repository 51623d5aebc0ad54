using Microsoft.Extensions.Logging;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Runs;

/// <summary>Writes the run log (<c>logs list/inspect</c>) under the workspace's logs root, for canceled runs too.</summary>
internal sealed class RunLogRecorder(ILogger logger) : IRunRecorder
{
    public const string RecorderName = "log";

    public string Name => RecorderName;

    public async Task<string?> RecordAsync(FinishedRun run, CancellationToken cancellationToken)
    {
        var summary = run.Summary;
        var log = new RunLog
        {
            TransactionId = run.TransactionId,
            Workspace = run.Workspace.Name,
            Command = run.Options.Command ?? "polycrate-build",
            User = Environment.UserName,
            Started = run.Started,
            Finished = run.Finished,
            Status = summary.Canceled ? "canceled" : summary.Succeeded ? "succeeded" : "failed",
            ExitCode = summary.ExitCode,
            Version = ProductInfo.Version,
            Targets = summary.Results.Select(r => new RunLogTarget(r.Target.Id, r.Target.Kind, TargetStatusNames.Of(r.Status), r.ExitCode,
                r.Duration.TotalSeconds, r.Message, run.OutputOf(r.Target.Id), r.Target.Block, r.Target.Action, r.Target.Workflow, r.Target.Step)).ToList(),
            Details = run.Options.Ansible.IsEmpty ? ConfigMap.Empty : ConfigMap.Of(("ansible", run.Options.Ansible.ToLogSection())),
        };

        try
        {
            return await new RunLogStore(run.Workspace.RootPath, run.Workspace.Settings.LogsRoot).WriteAsync(log, cancellationToken);
        }
        catch (IOException ex)
        {
            logger.LogWarning("Could not write the run log: {Message}", ex.Message);
            return null;
        }
    }
}
