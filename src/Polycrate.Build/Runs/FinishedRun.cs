using Polycrate.Build.Execution;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.Runs;

/// <summary>Everything a recorder may write about a finished run (succeeded, failed or canceled). Output tails are already redacted.</summary>
internal sealed record FinishedRun(
    Workspace Workspace,
    RunOptions Options,
    string TransactionId,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    RunSummary Summary,
    RunOutputs Outputs)
{
    /// <summary>Wall-clock time from planning to the last target (the events' <c>duration</c>).</summary>
    public TimeSpan Duration => Finished - Started;

    /// <summary>A target's redacted output tail, or null when it printed nothing (run log, events).</summary>
    public string? OutputOf(string targetId) => Outputs.Of(targetId);
}
