using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.Runs;

/// <summary><c>run BLOCK ACTION</c> / <c>actions run</c>: one action and its image.</summary>
internal sealed record ActionRunRequest(string Block, string Action) : RunRequest
{
    public override IReadOnlyList<string> Roots => [Target.ActionId(Block, Action)];

    internal override string? Validate(Workspace workspace)
    {
        // A block waiting for its registry parent has no actions yet: it is checked again once the parent is installed.
        if (!workspace.BlockedBy.ContainsKey(Block))
        {
            Lookup.Action(workspace, Block, Action);
        }

        return null;
    }

    internal override IEnumerable<string> Blocks(Workspace workspace) => [Block];

    internal override TargetGraph BuildGraph(Workspace workspace) => TargetGraphBuilder.Build(workspace);
}
