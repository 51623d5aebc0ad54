using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.Runs;

/// <summary>
/// What a user asked to run: one action, or a workflow (or one of its steps). It knows which names to check, which
/// blocks must be installed first, and which sub-graph to run; <see cref="RunPlanner"/> does the rest.
/// </summary>
public abstract record RunRequest
{
    /// <summary>Run <paramref name="action"/> of <paramref name="block"/> (<c>actions run BLOCK ACTION</c>).</summary>
    public static RunRequest ForAction(string block, string action) => new ActionRunRequest(block, action);

    /// <summary>Run <paramref name="workflow"/>, or only its <paramref name="step"/> (<c>workflows run NAME [--step STEP]</c>).</summary>
    public static RunRequest ForWorkflow(string workflow, string? step = null) => new WorkflowRunRequest(workflow, step);

    /// <summary>The target ids to run (with everything they depend on).</summary>
    public abstract IReadOnlyList<string> Roots { get; }

    /// <summary>Checks the names against the workspace (NotFoundException, PCB2004); returns the workflow prompt to confirm, if any.</summary>
    internal abstract string? Validate(Workspace workspace);

    /// <summary>The blocks whose actions this run starts.</summary>
    internal abstract IEnumerable<string> Blocks(Workspace workspace);

    /// <summary>The target graph to schedule, built once after every needed block is installed.</summary>
    internal abstract TargetGraph BuildGraph(Workspace workspace);
}
