using Polycrate.Build.Graph;

namespace Polycrate.Build.Transactions;

/// <summary>
/// The record of one run (transaction), written to <c>.logs/YYYY/MM/DD/&lt;txid&gt;.yml</c> for succeeded, failed
/// and canceled runs alike. Output is redacted before it gets here.
/// </summary>
internal sealed record RunLog
{
    public required string TransactionId { get; init; }

    public required string Workspace { get; init; }

    public required string Command { get; init; }

    public required string User { get; init; }

    public required DateTimeOffset Started { get; init; }

    public required DateTimeOffset Finished { get; init; }

    /// <summary><c>succeeded</c>, <c>failed</c> or <c>canceled</c>.</summary>
    public required string Status { get; init; }

    public required int ExitCode { get; init; }

    public required string Version { get; init; }

    public required IReadOnlyList<RunLogTarget> Targets { get; init; }

    /// <summary>
    /// Further top-level sections written after <c>targets</c>, by integrations: <c>ansible</c> (pass-through
    /// options, masked), <c>ssh</c> (an SSH session), <c>events</c>. Redacted before it gets here.
    /// </summary>
    public Model.ConfigMap Details { get; init; } = Model.ConfigMap.Empty;
}

/// <summary>One target's part of a run log.</summary>
internal sealed record RunLogTarget(string Id, TargetKind Kind, string Status, int? ExitCode, double DurationSeconds, string? Message, string? Output,
    string? Block, string? Action, string? Workflow, string? Step);
