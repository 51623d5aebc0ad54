using Polycrate.Build.Diagnostics;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;
using Polycrate.Build.Snapshots;

namespace Polycrate.Build.Engine;

/// <summary>
/// Read-only views of a loaded workspace (<c>inspect</c>, <c>readme</c>, <c>workflows graph</c>): data with secrets
/// masked, container paths. Missing registry blocks are allowed; an unknown name throws <see cref="NotFoundException"/>
/// (PCB2004, exit code 2) with the closest names.
/// </summary>
public sealed partial class PolycrateEngine
{
    /// <summary><c>workspace inspect</c>: settings, blocks with inheritance applied, workflows.</summary>
    public Task<EngineResult<ConfigMap>> InspectWorkspaceAsync(WorkspaceRequest workspace, CancellationToken cancellationToken) =>
        ViewAsync(workspace, w => ModelProjection.Workspace(w, new PathMapper(w, onHost: false), includeBlocks: true), cancellationToken);

    /// <summary><c>blocks inspect NAME</c>: one block, config merged over its parents, actions, paths.</summary>
    public Task<EngineResult<ConfigMap>> InspectBlockAsync(WorkspaceRequest workspace, string block, CancellationToken cancellationToken) =>
        ViewAsync(workspace, w => ModelProjection.Block(Lookup.Block(w, block), new PathMapper(w, onHost: false)), cancellationToken);

    /// <summary><c>actions inspect BLOCK ACTION</c>: one action with inherited fields filled in.</summary>
    public Task<EngineResult<ConfigMap>> InspectActionAsync(WorkspaceRequest workspace, string block, string action, CancellationToken cancellationToken) =>
        ViewAsync(workspace, w =>
        {
            var (found, foundAction) = Lookup.Action(w, block, action);
            return ModelProjection.Action(foundAction, found.Name);
        }, cancellationToken);

    /// <summary><c>workflows inspect NAME</c>: one workflow; each step lists the steps it waits for (<c>needs</c>).</summary>
    public Task<EngineResult<ConfigMap>> InspectWorkflowAsync(WorkspaceRequest workspace, string workflow, CancellationToken cancellationToken) =>
        ViewAsync(workspace, w => ModelProjection.Workflow(Lookup.Workflow(w, workflow)), cancellationToken);

    /// <summary>
    /// <c>workflows graph NAME</c>: the order the steps run in (stages, needs, when, allow_failure) as text, or as
    /// Graphviz dot with <paramref name="dot"/>.
    /// </summary>
    public Task<EngineResult<string>> WorkflowGraphAsync(WorkspaceRequest workspace, string workflow, bool dot, CancellationToken cancellationToken) =>
        ViewAsync(workspace, w =>
        {
            var found = Lookup.Workflow(w, workflow);
            return dot ? WorkflowGraphRenderer.Dot(found) : WorkflowGraphRenderer.Text(found);
        }, cancellationToken);

    /// <summary><c>blocks readme NAME</c>: the README.md text of the block's directory (an instance: its parent's).</summary>
    /// <exception cref="NotFoundException">PCB2004: no such block, a block without directory, or no README.md (any case).</exception>
    public async Task<EngineResult<string>> BlockReadmeAsync(WorkspaceRequest workspace, string block, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(workspace with { AllowMissingBlocks = true }, cancellationToken);
        var found = Lookup.Block(loaded.Workspace, block);
        var readme = found.Workdir is null ? null
            : Directory.EnumerateFiles(found.Workdir, "*", SearchOption.TopDirectoryOnly)
                .FirstOrDefault(f => string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase));
        if (readme is null)
        {
            throw new NotFoundException(found.Workdir is null
                ? $"block '{found.Name}' is defined only in workspace.poly and has no directory, so no README.md"
                : $"block '{found.Name}' has no README.md in {Path.GetRelativePath(loaded.Workspace.RootPath, found.Workdir)}");
        }

        return new EngineResult<string>(await File.ReadAllTextAsync(readme, cancellationToken), loaded.Warnings);
    }

    private async Task<EngineResult<T>> ViewAsync<T>(WorkspaceRequest workspace, Func<Workspace, T> view, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(workspace with { AllowMissingBlocks = true }, cancellationToken);
        return new EngineResult<T>(view(loaded.Workspace), loaded.Warnings);
    }
}
