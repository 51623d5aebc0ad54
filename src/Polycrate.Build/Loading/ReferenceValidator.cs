using Polycrate.Build.Diagnostics;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.Loading;

/// <summary>
/// Checks at load time what the 2025 tool only found at run time: workflow steps name existing blocks and actions,
/// <c>needs:</c> names steps of the same workflow without cycles, and <c>inventory.from</c>/<c>kubeconfig.from</c> name blocks.
/// </summary>
internal static class ReferenceValidator
{
    /// <summary>Adds an error for every broken reference.</summary>
    /// <param name="workspace">The resolved workspace.</param>
    /// <param name="declaredBlocks">Every block name written anywhere; a declared block that did not resolve was reported already.</param>
    /// <param name="diagnostics">Where errors go.</param>
    public static void Validate(Workspace workspace, IReadOnlySet<string> declaredBlocks, DiagnosticBag diagnostics)
    {
        foreach (var block in workspace.Blocks)
        {
            CheckLink(workspace, block, block.Inventory, "inventory", declaredBlocks, diagnostics);
            CheckLink(workspace, block, block.Kubeconfig, "kubeconfig", declaredBlocks, diagnostics);
        }

        foreach (var workflow in workspace.Workflows)
        {
            foreach (var step in workflow.Steps)
            {
                CheckStep(workspace, workflow, step, declaredBlocks, diagnostics);
            }

            var cycle = CycleFinder.Find(workflow.Steps.Select(s => s.Name),
                name => workflow.FindStep(name) is { } s ? workflow.DependenciesOf(s).Where(d => workflow.FindStep(d) is not null) : []);
            if (cycle is not null)
            {
                var first = workflow.FindStep(cycle[0])!;
                diagnostics.Error(DiagnosticCodes.StepCycle, $"workflow '{workflow.Name}' has a dependency cycle: {MessageText.List(cycle, " -> ")}",
                    first.Location, "remove one of the 'needs:' entries in this chain");
            }
        }
    }

    private static void CheckStep(Workspace workspace, Workflow workflow, WorkflowStep step, IReadOnlySet<string> declaredBlocks, DiagnosticBag diagnostics)
    {
        foreach (var need in step.Needs ?? [])
        {
            if (need == step.Name)
            {
                diagnostics.Error(DiagnosticCodes.StepCycle, $"step '{step.Name}' of workflow '{workflow.Name}' needs itself", step.Location,
                    "remove it from its own 'needs:'");
            }
            else if (workflow.FindStep(need) is null)
            {
                diagnostics.Error(DiagnosticCodes.UnknownStepReference,
                    $"step '{step.Name}' of workflow '{workflow.Name}' needs '{MessageText.Cut(need)}', which is not a step of this workflow",
                    step.Location, Suggest(need, workflow.Steps.Select(s => s.Name), "steps"));
            }
        }

        var block = workspace.FindBlock(step.Block);
        if (block is null)
        {
            // A block waiting for a missing registry block (a from: parent or a dependencies: entry) is checked once installed.
            if (!declaredBlocks.Contains(step.Block) && !workspace.BlockedBy.ContainsKey(step.Block))
            {
                diagnostics.Error(DiagnosticCodes.UnknownBlockReference,
                    $"step '{step.Name}' of workflow '{workflow.Name}' uses block '{MessageText.Cut(step.Block)}', which does not exist",
                    step.BlockLocation ?? step.Location, Suggest(step.Block, workspace.Blocks.Select(b => b.Name), "blocks"));
            }

            return;
        }

        if (block.IsTemplate)
        {
            diagnostics.Error(DiagnosticCodes.UnknownBlockReference,
                $"step '{step.Name}' of workflow '{workflow.Name}' uses block '{MessageText.Cut(step.Block)}', which is a template and cannot run",
                step.BlockLocation ?? step.Location, "use an instance of the template (a block with 'from: " + block.Name + "')");
            return;
        }

        if (block.FindAction(step.Action) is null)
        {
            diagnostics.Error(DiagnosticCodes.UnknownActionReference,
                $"step '{step.Name}' of workflow '{workflow.Name}' uses action '{MessageText.Cut(step.Action)}', which block '{block.Name}' does not have",
                step.ActionLocation ?? step.Location, Suggest(step.Action, block.Actions.Select(a => a.Name), "actions of the block"));
        }
    }

    private static void CheckLink(Workspace workspace, Block block, ArtifactLink? link, string kind, IReadOnlySet<string> declaredBlocks,
        DiagnosticBag diagnostics)
    {
        // A declared block that did not resolve (missing parent) was reported already; saying it again only repeats that.
        if (link?.From is { } from && workspace.FindBlock(from) is null && !declaredBlocks.Contains(from))
        {
            diagnostics.Error(DiagnosticCodes.ArtifactLinkMissing, $"block '{block.Name}' takes its {kind} from block '{MessageText.Cut(from)}', which does not exist",
                link.Location ?? block.Location, from == "workspace"
                    // Polycrate's editor-extension examples write 'from: workspace' for "the workspace's own file".
                    ? $"remove 'from:' — without it the block uses its own artifacts or the workspace {kind} ({(kind == "inventory" ? "inventory.yml" : "kubeconfig.filename or artifacts/secrets/kubeconfig.yml")})"
                    : Suggest(from, workspace.Blocks.Select(b => b.Name), "blocks"));
        }
    }

    private static string Suggest(string unknown, IEnumerable<string> candidates, string what)
    {
        var list = candidates.ToList();
        var best = EditDistance.Closest(unknown, list, minimumTolerance: 2, ignoreCase: false);
        return best is not null
            ? $"did you mean '{best}'?"
            : list.Count == 0 ? $"there are no {what}" : $"known {what}: {MessageText.List(list)}";
    }
}
