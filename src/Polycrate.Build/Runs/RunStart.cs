using Polycrate.Build.Execution;
using Polycrate.Build.Graph;

namespace Polycrate.Build.Runs;

/// <summary>
/// What a recorder learns before the first target runs: the plan (workspace, graph, roots), the options, and the
/// outputs it may read as targets finish.
/// </summary>
internal sealed record RunStart(RunPlan Plan, RunOptions Options, RunOutputs Outputs)
{
    /// <summary>The requested targets (they name the block/action or workflow/step); empty when an install failed.</summary>
    public IReadOnlyList<Target> Roots => Plan.Graph is { } graph ? [.. Plan.Roots.Select(id => graph[id])] : [];

    /// <summary>Every target the run may schedule (roots and what they need); empty when an install failed.</summary>
    public IReadOnlyList<Target> Closure => Plan.Graph?.Closure(Plan.Roots) ?? [];
}
