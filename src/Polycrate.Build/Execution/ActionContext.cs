using Polycrate.Build.Model;

namespace Polycrate.Build.Execution;

/// <summary>
/// What identifies one action run: what runs, in which workflow step, under which transaction and where. Complete when
/// created; everything derived from it (paths, secrets, environment, mounts, snapshot) is in
/// <see cref="Preparation.PreparedAction"/>.
/// </summary>
internal sealed record ActionContext
{
    public required Workspace Workspace { get; init; }

    public required Block Block { get; init; }

    public required BlockAction Action { get; init; }

    public Workflow? Workflow { get; init; }

    public WorkflowStep? Step { get; init; }

    public required string TransactionId { get; init; }

    /// <summary>True with <c>--runtime host</c>: paths are host paths and no container is involved.</summary>
    public bool OnHost { get; init; }

    public bool Force { get; init; }

    /// <summary>The toolchain image the action runs in (informational on the host).</summary>
    public string? Image { get; init; }
}
