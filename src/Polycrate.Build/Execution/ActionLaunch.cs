using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Model;

namespace Polycrate.Build.Execution;

/// <summary>One process to start for an action, independent of where it runs.</summary>
internal sealed record ActionLaunch
{
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Working directory as the action sees it.</summary>
    public required string WorkingDirectory { get; init; }

    public required IReadOnlyList<EnvironmentEntry> Environment { get; init; }

    /// <summary>Container only: image, mounts (docker_flags' included), labels and the settings docker_flags change.</summary>
    public string? Image { get; init; }

    public IReadOnlyList<MountEntry> Mounts { get; init; } = [];

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public ContainerSettings Container { get; init; } = new();

    /// <summary>
    /// The action's own private directory (host path): mount sources below it (snapshot, vars plugin, key copy, extra
    /// vars, decrypted secrets) are this launch's files; a shared container gets them at the same container paths.
    /// </summary>
    public string? PrivateDirectory { get; init; }
}

/// <summary>Where an action's process runs: a container engine or this machine.</summary>
internal interface IActionRuntime
{
    /// <summary>Runs to completion, reporting each output line; returns the exit code. Cancellation stops and cleans up.</summary>
    Task<int> RunAsync(ActionLaunch launch, Action<string, bool> onOutputLine, CancellationToken cancellationToken);
}
