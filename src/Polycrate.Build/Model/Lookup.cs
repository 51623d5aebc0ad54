using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Model;

/// <summary>Finds what a user named on a command line or in a build script, with a helpful error when it is not there.</summary>
public static class Lookup
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
            throw new NotFoundException($"block '{name}' needs '{reference}', which is not installed; run 'polycrate-build blocks pull {reference}' or pass --blocks-auto-pull");
        }

        throw new NotFoundException($"there is no block '{name}' in workspace '{workspace.Name}'; known blocks: {List(workspace.Blocks.Select(b => b.Name))}");
    }

    public static (Block Block, BlockAction Action) Action(Workspace workspace, string blockName, string actionName)
    {
        var block = Block(workspace, blockName);
        if (block.IsTemplate)
        {
            throw new NotFoundException($"block '{block.Name}' is a template and cannot run; run an instance of it (a block with 'from: {block.Name}')");
        }

        var action = block.FindAction(actionName)
            ?? throw new NotFoundException($"block '{block.Name}' has no action '{actionName}'; its actions: {List(block.Actions.Select(a => a.Name))}");
        return (block, action);
    }

    public static Workflow Workflow(Workspace workspace, string name) =>
        workspace.FindWorkflow(name)
        ?? throw new NotFoundException($"there is no workflow '{name}' in workspace '{workspace.Name}'; known workflows: {List(workspace.Workflows.Select(w => w.Name))}");

    public static WorkflowStep Step(Workflow workflow, string name) =>
        workflow.FindStep(name)
        ?? throw new NotFoundException($"workflow '{workflow.Name}' has no step '{name}'; its steps: {List(workflow.Steps.Select(s => s.Name))}");

    private static string List(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
