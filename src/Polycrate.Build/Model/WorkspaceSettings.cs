namespace Polycrate.Build.Model;

/// <summary>
/// <c>config:</c> of workspace.poly, both formats merged into one view: the 2025 keys
/// (<c>image.reference/version</c>, <c>dockerfile</c>) and the newer <c>container:</c> section.
/// </summary>
public sealed record WorkspaceSettings
{
    public string BlocksRoot { get; init; } = "blocks";

    public string BlocksConfig { get; init; } = "block.poly";

    public string LogsRoot { get; init; } = ".logs";

    public string ArtifactsRoot { get; init; } = "artifacts";

    public string ContainerRoot { get; init; } = "/workspace";

    public string SshPrivateKey { get; init; } = "id_rsa";

    public string SshPublicKey { get; init; } = "id_rsa.pub";

    /// <summary>The toolchain image; null means "the default toolchain image" chosen by the runtime options.</summary>
    public string? Image { get; init; }

    public string Dockerfile { get; init; } = "Dockerfile.poly";

    public IReadOnlyList<string> DockerFlags { get; init; } = [];

    public IReadOnlyList<EnvironmentEntry> ContainerEnv { get; init; } = [];

    /// <summary>Workspace inventory file, relative to the root.</summary>
    public string InventoryFile { get; init; } = "inventory.yml";

    /// <summary><c>registry.url</c> (or the 2025 <c>registry.endpoint</c>): registry for block references without a host; null when not set.</summary>
    public string? Registry { get; init; }

    /// <summary>Workspace kubeconfig file, relative to the root, when set explicitly.</summary>
    public string? KubeconfigFile { get; init; }

    /// <summary><c>events:</c> (handler, webhook endpoint …).</summary>
    public EventSettings Events { get; init; } = new();

    /// <summary><c>git:</c> (autocommit).</summary>
    public GitSettings Git { get; init; } = GitSettings.Default;
}
