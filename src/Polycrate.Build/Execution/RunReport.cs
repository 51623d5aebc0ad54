using Polycrate.Build.Diagnostics;
using Polycrate.Build.Graph;

namespace Polycrate.Build.Execution;

/// <summary>The outcome of a run: its transaction id, every target's result, and where its log was written.</summary>
public sealed record RunReport(string TransactionId, RunSummary Summary, string? LogPath)
{
    /// <summary>The load warnings of the run's workspace (also reported to the observer as they were found).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];
}
