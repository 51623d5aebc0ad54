using Polycrate.Build.Model;
using Polycrate.Build.Snapshots;

namespace Polycrate.Build.Execution.Preparation;

/// <summary>
/// One action run, completely prepared before anything is written or started (built by
/// <see cref="ActionEnvironmentBuilder"/>): the command with its templates rendered, the environment, the mounts, the
/// container settings from docker_flags, and the snapshot — which shows exactly this environment and these mounts.
/// Values are real; mask with <see cref="MaskedSnapshot"/> before showing the snapshot to people or files.
/// </summary>
internal sealed record PreparedAction
{
    public required ActionContext Context { get; init; }

    /// <summary>The action as it runs: script lines with their templates rendered.</summary>
    public required BlockAction Action { get; init; }

    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Working directory as the action sees it.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Every variable the process gets, in order, with real values.</summary>
    public required IReadOnlyList<EnvironmentEntry> Environment { get; init; }

    /// <summary>Container bind mounts (none are used on the host).</summary>
    public required IReadOnlyList<MountEntry> Mounts { get; init; }

    public required ContainerSettings Container { get; init; }

    /// <summary>The snapshot the action receives (real values).</summary>
    public required ConfigMap Snapshot { get; init; }

    /// <summary>Host path of the snapshot file, inside the private run directory.</summary>
    public required string SnapshotHostPath { get; init; }

    /// <summary>Files to write into the private run directory before the action starts (snapshot, vars plugin, key copy).</summary>
    public required IReadOnlyList<PrivateFile> Files { get; init; }

    /// <summary>Workspace directories that must exist before the action starts (the block's artifacts directory).</summary>
    public required IReadOnlyList<string> Directories { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>The snapshot as people and files may see it: secret-looking keys masked, <paramref name="redact"/> applied to strings.</summary>
    public ConfigMap MaskedSnapshot(Func<string, string>? redact = null) => SnapshotMasker.Mask(Snapshot, redact);

    /// <summary>What the runtime starts (container or host).</summary>
    public ActionLaunch ToLaunch() => new()
    {
        Command = Command,
        WorkingDirectory = WorkingDirectory,
        Environment = Environment,
        Image = Context.Image,
        Mounts = Mounts,
        Labels = Labels,
        Container = Container,
        PrivateDirectory = Path.GetDirectoryName(SnapshotHostPath),
    };
}
