namespace Polycrate.Build.Execution.Preparation;

/// <summary>
/// Container settings of an action run beyond image, command, environment and mounts: the defaults (host network as
/// Polycrate uses, an init process) changed by <c>config.container.docker_flags</c>.
/// </summary>
internal sealed record ContainerSettings
{
    /// <summary>"host" by default (playbooks reach services on localhost); <c>--network NAME</c> changes it.</summary>
    public string NetworkMode { get; init; } = "host";

    /// <summary><c>--user</c>; null for the image's user.</summary>
    public string? User { get; init; }

    public bool Privileged { get; init; }

    /// <summary>Always on: signals reach the command and zombies are reaped; <c>--init</c> is accepted for compatibility.</summary>
    public bool Init { get; init; } = true;

    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary><c>--add-host HOST:IP</c> lines.</summary>
    public IReadOnlyList<string> ExtraHosts { get; init; } = [];
}

/// <summary>What <c>docker_flags</c> ask for: container settings, plus bind mounts and variables that join the action's own.</summary>
internal sealed record DockerFlagSettings(ContainerSettings Container, IReadOnlyList<Model.MountEntry> Mounts, IReadOnlyList<Model.EnvironmentEntry> Environment)
{
    public static DockerFlagSettings None { get; } = new(new ContainerSettings(), [], []);
}
