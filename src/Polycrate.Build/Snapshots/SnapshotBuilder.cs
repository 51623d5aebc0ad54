using Polycrate.Build.Execution;
using Polycrate.Build.Model;

namespace Polycrate.Build.Snapshots;

/// <summary>
/// The snapshot handed to an action as Ansible extra vars: <c>workspace</c>, <c>block</c>, <c>action</c>,
/// <c>workflow</c>, <c>step</c>, <c>env</c>, <c>mounts</c>, keys in their original case. Secret-looking values
/// are masked, so the file on disk never holds them (actions read real values from their environment).
/// </summary>
public static class SnapshotBuilder
{
    /// <summary>The snapshot of one action run; <paramref name="cache"/> (see <see cref="SnapshotCache"/>) shares sections between the steps of a run.</summary>
    public static ConfigMap Build(ActionContext context, IReadOnlyList<EnvironmentEntry> environment, IReadOnlyList<MountEntry> mounts,
        ConfigMap? secrets = null, SnapshotCache? cache = null)
    {
        var paths = new PathMapper(context.Workspace, context.OnHost);
        var workspace = cache?.Workspace(context.Workspace, context.OnHost) ?? ModelProjection.Workspace(context.Workspace, paths, includeBlocks: true);
        if (secrets is not null)
        {
            workspace = new ConfigMap([.. workspace.Entries, new("secrets", secrets)]);
        }

        return ConfigMap.Of(
            ("workspace", workspace),
            ("block", ModelProjection.Block(context.Block, paths)),
            ("action", ModelProjection.Action(context.Action, context.Block.Name)),
            ("workflow", context.Workflow is { } workflow ? cache?.Workflow(workflow) ?? ModelProjection.Workflow(workflow) : null),
            ("step", context.Step is { } step && context.Workflow is { } owner ? ModelProjection.Step(step, owner) : null),
            ("env", ModelProjection.Env(environment)),
            ("mounts", new ConfigMap(mounts.Select(m => new KeyValuePair<string, ConfigValue>(m.HostPath, ConfigScalar.String(m.ContainerPath))).ToList())));
    }
}
