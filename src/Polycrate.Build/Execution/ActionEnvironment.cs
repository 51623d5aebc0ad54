using Polycrate.Build.Model;
using Polycrate.Build.Snapshots;

namespace Polycrate.Build.Execution;

/// <summary>
/// The environment variables and mounts of an action run (polycrate.md §7.2/§7.3 plus the newer names).
/// Values travel to the engine API in a request body, never on a command line. Order is deterministic.
/// </summary>
public static class ActionEnvironment
{
    /// <summary>Where the workspace SSH key appears in a container (newer documents: ~/.ssh/id_rsa, read-only).</summary>
    public const string ContainerSshKeyPath = "/root/.ssh/id_rsa";

    /// <summary>Where the per-run snapshot appears in a container (read-only; each run has its own file on the host).</summary>
    public const string ContainerSnapshotPath = "/run/polycrate/snapshot.yml";

    public static IReadOnlyList<EnvironmentEntry> Build(ActionContext context, string cliVersion)
    {
        var workspace = context.Workspace;
        var paths = new PathMapper(workspace, context.OnHost);
        var locator = new ArtifactLocator(workspace, paths, context.SecretFiles);
        // A secret decrypted for the run is bind-mounted at its workspace path in a container; on the host it stays in the run directory.
        string Run(string hostPath) => context.OnHost && context.SecretFiles.TryGetValue(hostPath, out var decrypted) ? decrypted : paths.ToRun(hostPath);
        var env = new List<EnvironmentEntry>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                env.RemoveAll(e => e.Name == name);
                env.Add(new EnvironmentEntry(name, value));
            }
        }

        Add("ANSIBLE_DISPLAY_SKIPPED_HOSTS", "False");
        Add("ANSIBLE_DISPLAY_OK_HOSTS", "True");
        Add("ANSIBLE_HOST_KEY_CHECKING", "False");
        Add("ANSIBLE_ACTION_WARNINGS", "False");
        Add("ANSIBLE_COMMAND_WARNINGS", "False");
        Add("ANSIBLE_LOCALHOST_WARNING", "False");
        Add("ANSIBLE_DEPRECATION_WARNINGS", "False");
        Add("ANSIBLE_STDOUT_CALLBACK", "ansible.builtin.default");
        Add("ANSIBLE_FORCE_COLOR", "False");
        Add("ANSIBLE_RETRY_FILES_ENABLED", "False");
        Add("ANSIBLE_INVENTORY_ENABLED", "yaml,host_list,script,auto,ini,toml");
        var key = SshKey(workspace, context.SecretFiles);
        if (key is not null)
        {
            var keyPath = context.OnHost ? Run(key) : ContainerSshKeyPath;
            Add("ANSIBLE_PRIVATE_KEY_FILE", keyPath);
            Add("ANSIBLE_SSH_PRIVATE_KEY_FILE", keyPath);
        }

        Add("POLYCRATE_CLI_VERSION", cliVersion);
        Add("POLYCRATE_VERSION", cliVersion);
        Add("POLYCRATE_IMAGE", context.Image);
        Add("POLYCRATE_FORCE", context.Force ? "1" : "0");
        Add("IN_CONTAINER", context.OnHost ? "0" : "1");
        Add("POLYCRATE_WORKSPACE", paths.ToRun(workspace.RootPath));
        Add("POLYCRATE_WORKSPACE_NAME", workspace.Name);
        Add("POLYCRATE_BLOCK", context.Block.Name);
        Add("POLYCRATE_BLOCK_NAME", context.Block.Name);
        Add("POLYCRATE_ACTION", context.Action.Name);
        Add("POLYCRATE_ACTION_NAME", context.Action.Name);
        Add("POLYCRATE_BLOCK_WORKDIR", context.Block.Workdir is { } workdir ? paths.ToRun(workdir) : null);
        Add("POLYCRATE_TRANSACTION_ID", context.TransactionId);
        Add("POLYCRATE_WORKFLOW", context.Workflow?.Name);
        Add("POLYCRATE_STEP", context.Step?.Name);
        Add("POLYCRATE_SNAPSHOT_FILE", context.SnapshotPath);
        Add("POLYCRATE_WORKSPACE_SNAPSHOT_YAML", context.SnapshotPath);
        Add("ARTIFACTS", paths.ToRun(paths.ArtifactsDirectory(context.Block.Name)));
        Add("ANSIBLE_INVENTORY", locator.Inventory(context.Block) is { } inventory ? Run(inventory) : "/etc/ansible/hosts");
        if (locator.Kubeconfig(context.Block) is { } kubeconfig)
        {
            Add("KUBECONFIG", Run(kubeconfig));
            Add("K8S_AUTH_KUBECONFIG", Run(kubeconfig));
        }

        // The user's own variables come last and win.
        foreach (var entry in workspace.ExtraEnv.Concat(workspace.Settings.ContainerEnv))
        {
            Add(entry.Name, entry.Value);
        }

        return env;
    }

    /// <summary>
    /// Bind mounts of a container run; <paramref name="snapshotHostPath"/> is the per-run snapshot file,
    /// <paramref name="secretFiles"/> the decrypted secrets of the run (ActionContext.SecretFiles).
    /// </summary>
    public static IReadOnlyList<MountEntry> Mounts(Workspace workspace, string snapshotHostPath, bool mountDockerSocket,
        IReadOnlyDictionary<string, string>? secretFiles = null)
    {
        var mounts = new List<MountEntry>
        {
            new(workspace.RootPath, workspace.Settings.ContainerRoot, ReadOnly: false),
            new(snapshotHostPath, ContainerSnapshotPath, ReadOnly: true),
        };
        if (SshKey(workspace, secretFiles) is { } key)
        {
            mounts.Add(new MountEntry(secretFiles?.GetValueOrDefault(key) ?? key, ContainerSshKeyPath, ReadOnly: true));
        }

        if (mountDockerSocket && File.Exists("/var/run/docker.sock"))
        {
            mounts.Add(new MountEntry("/var/run/docker.sock", "/var/run/docker.sock", ReadOnly: false));
        }

        foreach (var mount in workspace.ExtraMounts)
        {
            // Relative host paths are relative to the workspace (the 2025 tool turned them into named volumes).
            mounts.Add(mount with { HostPath = Path.GetFullPath(mount.HostPath, workspace.RootPath) });
        }

        return mounts;
    }

    /// <summary>
    /// The workspace SSH private key (its workspace host path): <c>config.sshprivatekey</c>, else a key under
    /// artifacts/secrets (newer layout), also when that key was decrypted for the run (<paramref name="secretFiles"/>).
    /// </summary>
    public static string? SshKey(Workspace workspace, IReadOnlyDictionary<string, string>? secretFiles = null)
    {
        var candidates = new[]
        {
            workspace.Settings.SshPrivateKey,
            Path.Combine(workspace.Settings.ArtifactsRoot, "secrets", "id_ed25519"),
            Path.Combine(workspace.Settings.ArtifactsRoot, "secrets", "id_rsa"),
        };
        return candidates.Select(c => Path.Combine(workspace.RootPath, c))
            .FirstOrDefault(path => File.Exists(path) || (secretFiles?.ContainsKey(path) ?? false));
    }
}
