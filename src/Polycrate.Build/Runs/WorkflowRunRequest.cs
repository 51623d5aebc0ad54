using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.Runs;

/// <summary><c>workflows run NAME [--step STEP]</c>: the whole workflow (its prompt confirmed first), or one step alone.</summary>
public sealed record WorkflowRunRequest(string Workflow, string? Step) : RunRequest
{
    /// <summary>A step run as an MSBuild target / Cake task keeps its <c>allow_failure</c> (see TargetGraphBuilder.BuildForSingleStep).</summary>
    public bool StepTarget { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Roots => [Step is null ? Target.WorkflowId(Workflow) : Target.StepId(Workflow, Step)];

    internal override string? Validate(Workspace workspace)
    {
        var found = Lookup.Workflow(workspace, Workflow);
        if (Step is not null)
        {
            Lookup.Step(found, Step);
        }

        return Step is null ? found.Prompt : null;
    }

    internal override IEnumerable<string> Blocks(Workspace workspace)
    {
        var workflow = Lookup.Workflow(workspace, Workflow);
        return workflow.Steps.Where(s => Step is null || s.Name == Step).Select(s => s.Block);
    }

    internal override TargetGraph BuildGraph(Workspace workspace) =>
        Step is null ? TargetGraphBuilder.Build(workspace) : TargetGraphBuilder.BuildForSingleStep(workspace, Workflow, Step, StepTarget);
}
