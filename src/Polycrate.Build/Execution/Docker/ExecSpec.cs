namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// One process to start in a running container (engine API <c>POST /containers/{id}/exec</c>). Like
/// <see cref="ContainerSpec"/>: no TTY (stdout and stderr stay separate), stdin closed, variables in the request body.
/// </summary>
internal sealed record ExecSpec
{
    /// <summary>Program and arguments, not interpreted by a shell.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Added to the container's own environment (the image's), in order; later entries win.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];

    /// <summary>Absolute path in the container; null for the container's working directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>User (name, uid or uid:gid); null for the container's user.</summary>
    public string? User { get; init; }
}

/// <summary>What the engine reports about an exec: whether it still runs, its exit code once it ended.</summary>
internal sealed record ExecState(bool Running, long? ExitCode);
