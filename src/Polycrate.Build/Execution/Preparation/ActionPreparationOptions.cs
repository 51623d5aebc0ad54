using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Execution.Preparation;

/// <summary>What <see cref="ActionEnvironmentBuilder"/> needs besides the <see cref="ActionContext"/>.</summary>
internal sealed record ActionPreparationOptions
{
    /// <summary>The action's own private directory (0700, host path); the snapshot, plugin and key copy go there.</summary>
    public required string RunDirectory { get; init; }

    /// <summary>Secrets provisioned for the run; null when none were.</summary>
    public ProvisionedSecrets? Secrets { get; init; }

    /// <summary>Mount the engine's socket (<c>--mount-docker-socket</c>), when it exists at <see cref="DockerSocketPath"/>.</summary>
    public bool MountDockerSocket { get; init; }

    public string DockerSocketPath { get; init; } = "/var/run/docker.sock";

    /// <summary>
    /// Sections the actions of one run share (the projected and rendered workspace and workflow), so a step's cost does not
    /// grow with the workflow's size; null projects and renders everything for this action alone.
    /// </summary>
    public Snapshots.SnapshotCache? Cache { get; init; }

    /// <summary>The run's Ansible pass-through for this action (arguments, <c>ANSIBLE_*</c> variables, read-only mounts).</summary>
    public Ansible.AnsibleInvocation Ansible { get; init; } = Execution.Ansible.AnsibleInvocation.Empty;

    /// <summary>Reported as POLYCRATE_CLI_VERSION / POLYCRATE_VERSION.</summary>
    public string CliVersion { get; init; } = ProductInfo.Version;

    /// <summary>Reads this process's variables (for <c>docker_flags -e NAME</c> and the host's HOME).</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;
}
