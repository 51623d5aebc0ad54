using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Model;

/// <summary>Finds what a user named on a command line or in a build script, with a helpful error when it is not there.</summary>
internal static class Lookup
{
    public static Block Block(Workspace workspace, string name)
    {
        var block = workspace.FindBlock(name);
        if (block is not null)
        {
            return block;
        }

        if (workspace.BlockedBy.TryGetValue(name, out var reference))
        {
            throw new NotFoundException($"block '{name}' needs '{reference}', which is not installed; run 'polycrate-build workspace update' or 'polycrate-build blocks pull {reference}', or pass --blocks-auto-pull");
        }

        throw new NotFoundException($"there is no block '{MessageText.Cut(name)}' in workspace '{workspace.Name}'; "
            + Suggest(name, workspace.Blocks.Select(b => b.Name), "known blocks"));
    }

    public static (Block Block, BlockAction Action) Action(Workspace workspace, string blockName, string actionName)
    {
        // 'run WORKFLOW STEP' is a natural guess (Polycrate's 'run' takes a workflow); say how to run the workflow or the step.
        if (workspace.FindBlock(blockName) is null && !workspace.BlockedBy.ContainsKey(blockName) && workspace.FindWorkflow(blockName) is { } workflow)
        {
            var step = workflow.FindStep(actionName) is { } s
                ? $", or only its step '{s.Name}' with 'workflows run {workflow.Name} --step {s.Name}'"
                : $"; its steps: {List(workflow.Steps.Select(x => x.Name))}";
            throw new NotFoundException($"'{MessageText.Cut(blockName)}' is a workflow, not a block: run it with 'run {workflow.Name}'{step}");
        }

        if (workspace.FindBlock(blockName) is null && !workspace.BlockedBy.ContainsKey(blockName))
        {
            throw new NotFoundException($"there is no block '{MessageText.Cut(blockName)}' in workspace '{workspace.Name}'; " + RunnableSuggestions.For(workspace, blockName));
        }

        var block = Block(workspace, blockName);
        if (block.IsTemplate)
        {
            throw new NotFoundException($"block '{block.Name}' is a template and cannot run; run an instance of it (a block with 'from: {block.Name}')");
        }

        var action = block.FindAction(actionName)
            ?? throw new NotFoundException($"block '{block.Name}' has no action '{MessageText.Cut(actionName)}'; " + Suggest(actionName, block.Actions.Select(a => a.Name), "its actions"));
        return (block, action);
    }

    public static Workflow Workflow(Workspace workspace, string name)
    {
        if (workspace.FindWorkflow(name) is { } workflow)
        {
            return workflow;
        }

        // 'run BLOCK' without an action: say what is missing and which actions there are.
        if (workspace.FindBlock(name) is { } block)
        {
            throw new NotFoundException($"'{MessageText.Cut(name)}' is a block, not a workflow, and no action was named: run one of its actions with "
                + $"'run {block.Name} <action>'; its actions: {List(block.Actions.Select(a => a.Name))}");
        }

        if (workspace.BlockedBy.TryGetValue(name, out var reference))
        {
            throw new NotFoundException($"'{MessageText.Cut(name)}' is a block, not a workflow, and no action was named ('run {name} <action>'); its actions are "
                + $"known once '{reference}' is installed: run 'polycrate-build workspace update' or 'polycrate-build blocks pull {reference}'");
        }

        throw new NotFoundException($"there is no workflow '{MessageText.Cut(name)}' in workspace '{workspace.Name}'; " + RunnableSuggestions.For(workspace, name));
    }

    public static WorkflowStep Step(Workflow workflow, string name) =>
        workflow.FindStep(name)
        ?? throw new NotFoundException($"workflow '{workflow.Name}' has no step '{MessageText.Cut(name)}'; its steps: {List(workflow.Steps.Select(s => s.Name))}");

    private static string List(IEnumerable<string> names) => MessageText.List(names);

    /// <summary>"did you mean 'x'? known …: a, b" — the closest name first when one is close, then the list.</summary>
    private static string Suggest(string unknown, IEnumerable<string> names, string what)
    {
        var list = names.ToList();
        var best = EditDistance.Closest(unknown, list, minimumTolerance: 2, ignoreCase: true);
        return (best is null ? string.Empty : $"did you mean '{best}'? ") + $"{what}: {List(list)}";
    }
}
