using Polycrate.Build.Execution;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.Runs;

/// <summary>Everything a recorder may write about a finished run. Output tails are already redacted.</summary>
public sealed record RunRecord(
    Workspace Workspace,
    RunOptions Options,
    string TransactionId,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    RunSummary Summary,
    Func<string, string?> OutputOf);
