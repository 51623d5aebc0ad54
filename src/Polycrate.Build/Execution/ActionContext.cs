using Polycrate.Build.Model;

namespace Polycrate.Build.Execution;

/// <summary>Everything that identifies one action run: what runs, in which workflow step, under which transaction.</summary>
public sealed record ActionContext
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

    /// <summary>Where the action finds its snapshot file (container path, or host path on the host).</summary>
    public required string SnapshotPath { get; init; }

    /// <summary>
    /// Secrets decrypted for this run outside the workspace: workspace host path → host path of the decrypted
    /// file (<c>ProvisionedSecrets.HostFiles</c>). Such a file counts as present at its workspace path, where
    /// the container sees it through a bind mount; on the host the decrypted path is used directly.
    /// </summary>
    public IReadOnlyDictionary<string, string> SecretFiles { get; init; } = new Dictionary<string, string>();
}
