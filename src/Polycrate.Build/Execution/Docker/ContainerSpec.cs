namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// What to create a container from. Environment variables travel in the request body, never on a command line.
/// The container never gets a TTY, so stdout and stderr stay separate.
/// </summary>
internal sealed record ContainerSpec
{
    public required string Image { get; init; }

    /// <summary>Container name; null lets the engine choose one.</summary>
    public string? Name { get; init; }

    /// <summary>Command (arguments of the entrypoint); null keeps the image's CMD.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Entrypoint; null keeps the image's ENTRYPOINT.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Environment in the given order; values may contain '=' and any other character.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];

    public string? WorkingDirectory { get; init; }

    public IReadOnlyList<BindMount> Binds { get; init; } = [];

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>"bridge", "host", "none" or the name of a user-defined network; null for the engine default.</summary>
    public string? NetworkMode { get; init; }

    /// <summary>User (name, uid or uid:gid); null for the image's user.</summary>
    public string? User { get; init; }

    public bool Privileged { get; init; }

    /// <summary>Extra /etc/hosts lines as <c>host:ip</c>.</summary>
    public IReadOnlyList<string> ExtraHosts { get; init; } = [];

    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary>Run an init process as PID 1 so signals reach the command and zombies are reaped.</summary>
    public bool Init { get; init; }
}
