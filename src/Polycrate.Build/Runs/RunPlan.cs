using Polycrate.Build.Diagnostics;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.Runs;

/// <summary>
/// A run ready to execute: the workspace after every needed block was installed, the target graph built from it
/// (once), the roots to run, the load warnings, and the install results (they are part of the run's summary).
/// <see cref="Graph"/> is null when an install failed: nothing else runs, the run is still recorded.
/// </summary>
internal sealed record RunPlan(
    string TransactionId,
    DateTimeOffset Started,
    Workspace Workspace,
    TargetGraph? Graph,
    IReadOnlyList<string> Roots,
    IReadOnlyList<Diagnostic> Warnings,
    IReadOnlyList<TargetResult> Installs);
