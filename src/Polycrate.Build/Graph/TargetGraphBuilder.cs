using Polycrate.Build.Model;

namespace Polycrate.Build.Graph;

/// <summary>
/// Derives the target graph of a workspace: the image, one install target per missing registry block (a from: parent, or a
/// dependencies: entry a step waits for), one target
/// per action of every runnable block, and per workflow one target per step plus the workflow target.
/// Step edges come from <c>needs:</c>, else from the step order.
/// </summary>
internal static class TargetGraphBuilder
{
    public static TargetGraph Build(Workspace workspace)
    {
        var targets = new List<Target>
        {
            new()
            {
                Id = Target.ImageId,
                Kind = TargetKind.Image,
                Description = workspace.Settings.Image is { } image
                    ? $"toolchain image ({workspace.Settings.Dockerfile} if present, else {image})"
                    : $"toolchain image ({workspace.Settings.Dockerfile} if present, else the default image)",
            },
        };

        // Missing from: parents, and dependencies: entries a step waits for (PendingDependencyBlocks).
        var installs = workspace.MissingBlocks.Select(m => (m.Reference, Location: (Diagnostics.SourceLocation?)m.Location))
            .Concat(workspace.BlockedBy.Values.Select(r => (Reference: r, workspace.Dependencies.FirstOrDefault(d => d.Reference == r)?.Location)))
            .DistinctBy(m => m.Reference);
        foreach (var (reference, location) in installs)
        {
            targets.Add(new Target
            {
                Id = Target.InstallId(reference),
                Kind = TargetKind.BlockInstall,
                Reference = reference,
                Description = $"pull {reference}",
                Location = location,
            });
        }

        foreach (var block in workspace.Blocks.Where(b => !b.IsTemplate))
        {
            foreach (var action in block.Actions)
            {
                targets.Add(new Target
                {
                    Id = Target.ActionId(block.Name, action.Name),
                    Kind = TargetKind.Action,
                    Block = block.Name,
                    Action = action.Name,
                    DependsOn = Prerequisites(workspace, block.Name),
                    Description = action.Description ?? $"run {block.Name} {action.Name}",
                    Location = action.Location,
                });
            }
        }

        foreach (var workflow in workspace.Workflows)
        {
            foreach (var step in workflow.Steps)
            {
                targets.Add(new Target
                {
                    Id = Target.StepId(workflow.Name, step.Name),
                    Kind = TargetKind.Step,
                    Block = step.Block,
                    Action = step.Action,
                    Workflow = workflow.Name,
                    Step = step.Name,
                    DependsOn = [.. Prerequisites(workspace, step.Block), .. workflow.DependenciesOf(step).Select(d => Target.StepId(workflow.Name, d))],
                    AllowFailure = step.AllowFailure ?? workflow.AllowFailure,
                    When = step.When,
                    Description = step.Description ?? $"{step.Block} {step.Action}",
                    Location = step.Location,
                });
            }

            targets.Add(new Target
            {
                Id = Target.WorkflowId(workflow.Name),
                Kind = TargetKind.Workflow,
                Workflow = workflow.Name,
                DependsOn = workflow.Steps.Select(s => Target.StepId(workflow.Name, s.Name)).ToList(),
                When = RunCondition.Always,
                Description = workflow.Description ?? $"workflow {workflow.Name}",
                Location = workflow.Location,
            });
        }

        return new TargetGraph(targets);
    }

    /// <summary>
    /// The graph for <c>workflows run NAME --step STEP</c>: that step keeps its image and install prerequisites only.
    /// <paramref name="keepAllowFailure"/>: MSBuild/Cake step targets, chained by their own dependencies, keep the step's
    /// <c>allow_failure</c> so the chain goes on past an allowed failure as the CLI's workflow run does.
    /// </summary>
    public static TargetGraph BuildForSingleStep(Workspace workspace, string workflow, string step, bool keepAllowFailure = false)
    {
        var graph = Build(workspace);
        var target = graph[Target.StepId(workflow, step)];
        return graph.With(target with
        {
            DependsOn = target.DependsOn.Where(d => !d.StartsWith("step:", StringComparison.Ordinal)).ToList(),
            AllowFailure = keepAllowFailure && target.AllowFailure,
            When = RunCondition.Always,
        });
    }

    /// <summary>
    /// The graph for <c>run BLOCK ACTION</c> when BLOCK waits for a missing registry parent: its actions are only known
    /// once the parent is installed, so the action target is added with the install as prerequisite and the action is
    /// looked up when it runs.
    /// </summary>
    public static TargetGraph BuildForBlockedAction(Workspace workspace, string block, string action)
    {
        var graph = Build(workspace);
        return new TargetGraph(graph.Targets.Append(new Target
        {
            Id = Target.ActionId(block, action),
            Kind = TargetKind.Action,
            Block = block,
            Action = action,
            DependsOn = Prerequisites(workspace, block),
            Description = $"run {block} {action}",
        }));
    }

    private static List<string> Prerequisites(Workspace workspace, string block)
    {
        var result = new List<string> { Target.ImageId };
        if (workspace.BlockedBy.TryGetValue(block, out var reference))
        {
            result.Add(Target.InstallId(reference));
        }

        return result;
    }
}
