using System.Runtime.CompilerServices;
using Polycrate.Build.Model;
using Polycrate.Build.Serialization;

namespace Polycrate.Build.Snapshots;

/// <summary>
/// What the snapshots of one run share: the projected workspace and workflow sections (per model instance — the
/// workspace is replaced as a whole when a block install reloads it) and their rendered YAML. Without it every step of
/// a 5,000-step workflow projected and rendered all 5,000 steps twice. Safe for steps that run in parallel.
/// </summary>
internal sealed class SnapshotCache
{
    private readonly ConditionalWeakTable<Workspace, ConfigMap> _workspaces = [];
    private readonly ConditionalWeakTable<Workspace, ConfigMap> _workspacesOnHost = [];
    private readonly ConditionalWeakTable<Workflow, ConfigMap> _workflows = [];

    /// <summary>Rendered YAML of the large shared sections.</summary>
    public YamlFragmentCache Yaml { get; } = new();

    /// <summary>The workspace section; its parts are shared with <see cref="Yaml"/> (each step adds its own <c>secrets</c> around them).</summary>
    public ConfigMap Workspace(Workspace workspace, bool onHost) =>
        (onHost ? _workspacesOnHost : _workspaces).GetValue(workspace, w =>
        {
            var projected = ModelProjection.Workspace(w, new PathMapper(w, onHost), includeBlocks: true, mask: false);
            foreach (var (_, section) in projected.Entries)
            {
                Yaml.Share(section);
            }

            return projected;
        });

    public ConfigMap Workflow(Workflow workflow) => _workflows.GetValue(workflow, w =>
    {
        var projected = ModelProjection.Workflow(w);
        Yaml.Share(projected);
        return projected;
    });
}
