using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Model;

/// <summary>
/// What a user who named an unknown workflow or block to run could have meant: the closest workflow, block or action
/// ("did you mean …"), every workflow, every block with its actions, and how to run each — the last part is
/// <see cref="DiagnosticCatalog.RunNameHint"/>'s CLI spelling, which MSBuild and Cake rewrite to theirs
/// (<see cref="DiagnosticCatalog.ForFrontEnd"/>), so the names are neutral and the hint is in the front end's words.
/// </summary>
internal static class RunnableSuggestions
{
    /// <summary>"did you mean …? workflows: …; blocks and their actions: …; run a workflow with …".</summary>
    public static string For(Workspace workspace, string unknown)
    {
        var runnable = workspace.Blocks.Where(b => !b.IsTemplate).ToList();
        var closest = Closest(workspace, runnable, unknown);
        var blocks = runnable.Select(b => $"{b.Name} ({MessageText.List(b.Actions.Select(a => a.Name))})");
        return (closest is null ? string.Empty : $"did you mean {closest}? ")
            + $"known workflows: {MessageText.List(workspace.Workflows.Select(w => w.Name))}; "
            + $"blocks and their actions: {MessageText.List(blocks, "; ")}; "
            + DiagnosticCatalog.RunNameHint.Cli;
    }

    /// <summary>The closest workflow, block or action name, described so every front end can read it; null when none is close.</summary>
    private static string? Closest(Workspace workspace, IReadOnlyList<Block> blocks, string unknown)
    {
        var candidates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            foreach (var action in block.Actions)
            {
                // 'run deploy' for the action 'deploy' of 'app'; 'run app-deploy' or 'run app_deploy' (the MSBuild/Cake target name) too.
                candidates.TryAdd(action.Name, $"action '{action.Name}' of block '{block.Name}'");
                candidates.TryAdd($"{block.Name}_{action.Name}", $"action '{action.Name}' of block '{block.Name}'");
                candidates.TryAdd($"{block.Name}-{action.Name}", $"action '{action.Name}' of block '{block.Name}'");
            }

            candidates[block.Name] = $"block '{block.Name}' (name one of its actions)";
        }

        foreach (var workflow in workspace.Workflows)
        {
            candidates[workflow.Name] = $"'{workflow.Name}'";
        }

        var best = EditDistance.Closest(unknown, candidates.Keys, minimumTolerance: 2, ignoreCase: true);
        return best is null ? null : candidates[best];
    }
}
