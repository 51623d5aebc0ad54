namespace Polycrate.Build.Model;

/// <summary>
/// <c>config:</c> of workspace.poly, both formats merged into one view: the 2025 keys
/// (<c>image.reference/version</c>, <c>dockerfile</c>) and the newer <c>container:</c> section.
/// </summary>
public sealed record WorkspaceSettings
{
    /// <summary><c>config.blocksroot</c>: the blocks directory, relative to the workspace root (Polycrate reference §3).</summary>
    public string BlocksRoot { get; init; } = "blocks";

    /// <summary><c>config.blocksconfig</c>: the file name of a block's definition.</summary>
    public string BlocksConfig { get; init; } = "block.poly";

    /// <summary><c>config.logsroot</c>: the run-log directory, relative to the workspace root.</summary>
    public string LogsRoot { get; init; } = ".logs";

    /// <summary><c>config.artifactsroot</c>: the artifacts directory, relative to the workspace root.</summary>
    public string ArtifactsRoot { get; init; } = "artifacts";

    /// <summary><c>config.containerroot</c>: where the workspace is mounted in the action container (absolute container path).</summary>
    public string ContainerRoot { get; init; } = "/workspace";

    /// <summary><c>config.sshprivatekey</c>: the workspace's SSH private key, relative to the workspace root.</summary>
    public string SshPrivateKey { get; init; } = "id_rsa";

    /// <summary><c>config.sshpublickey</c>: the workspace's SSH public key, relative to the workspace root.</summary>
    public string SshPublicKey { get; init; } = "id_rsa.pub";

    /// <summary>The toolchain image; null means "the default toolchain image" chosen by the runtime options.</summary>
    public string? Image { get; init; }

    /// <summary><c>config.dockerfile</c> (or <c>config.container.dockerfile</c>): built into the toolchain image when present, relative to the workspace root.</summary>
    public string Dockerfile { get; init; } = "Dockerfile.poly";

    /// <summary><c>config.container.docker_flags</c>: extra <c>docker run</c> flags, translated to the engine's container settings (docs/execution.md).</summary>
    public IReadOnlyList<string> DockerFlags { get; init; } = [];

    /// <summary><c>config.container.env</c>: environment variables of every action container, in file order.</summary>
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
