namespace Polycrate.Build.Transactions;

/// <summary>
/// The run log of a run whose process was killed before it could write its own: status <c>interrupted</c>, the command
/// and start from the run's record, <c>finished</c> = when the run directory was last changed (the last sign of life),
/// exit code 1 (the process's real status is unknown), and one entry per action container that was found.
/// </summary>
internal static class InterruptedRun
{
    public const string Status = "interrupted";

    /// <summary>Writes the log unless the run wrote one itself; returns its path, or null when there was nothing to write.</summary>
    public static async Task<string?> RecordAsync(
        string workspaceRoot, string logsRoot, RunLog log, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(workspaceRoot))
        {
            return null;
        }

        var store = new RunLogStore(workspaceRoot, logsRoot);
        return store.Exists(log.TransactionId, log.Started) ? null : await store.WriteAsync(log, cancellationToken);
    }
}
