namespace Polycrate.Build.Execution.Preparation;

/// <summary>
/// The variables Polycrate itself defines for an action (polycrate.md §7.2 plus the newer names): Ansible settings,
/// POLYCRATE_*, ARTIFACTS, the inventory, kubeconfig, key and snapshot paths — all as the action sees them.
/// </summary>
internal static class PolycrateVariables
{
    /// <summary>Paths (as the action sees them) the variables point at; null ones are left out.</summary>
    /// <remarks><c>Inventory</c>: Ansible's own default <c>/etc/ansible/hosts</c> when none is configured or found.</remarks>
    public sealed record Locations(string Workspace, string Artifacts, string Snapshot, string VarsPlugins, string? Workdir, string Inventory, string? Kubeconfig, string? SshKey);

    public static void AddTo(EnvironmentList env, ActionContext context, Locations at, string cliVersion)
    {
        env.Set("ANSIBLE_DISPLAY_SKIPPED_HOSTS", "False");
        env.Set("ANSIBLE_DISPLAY_OK_HOSTS", "True");
        env.Set("ANSIBLE_HOST_KEY_CHECKING", "False");
        env.Set("ANSIBLE_ACTION_WARNINGS", "False");
        env.Set("ANSIBLE_COMMAND_WARNINGS", "False");
        env.Set("ANSIBLE_LOCALHOST_WARNING", "False");
        env.Set("ANSIBLE_DEPRECATION_WARNINGS", "False");
        env.Set("ANSIBLE_STDOUT_CALLBACK", "ansible.builtin.default");
        env.Set("ANSIBLE_FORCE_COLOR", "False");
        env.Set("ANSIBLE_RETRY_FILES_ENABLED", "False");
        env.Set("ANSIBLE_INVENTORY_ENABLED", "yaml,host_list,script,auto,ini,toml");
        env.Set("ANSIBLE_VARS_PLUGINS", at.VarsPlugins);
        env.Set("ANSIBLE_VARS_ENABLED", AnsibleVarsPlugin.Enabled);
        env.Set("ANSIBLE_PRIVATE_KEY_FILE", at.SshKey);
        env.Set("ANSIBLE_SSH_PRIVATE_KEY_FILE", at.SshKey);
        env.Set("POLYCRATE_CLI_VERSION", cliVersion);
        env.Set("POLYCRATE_VERSION", cliVersion);
        env.Set("POLYCRATE_IMAGE", context.Image);
        if (context.Image is { Length: > 0 } image)
        {
            var (reference, version) = SplitImage(image);
            env.Set("POLYCRATE_IMAGE_REFERENCE", reference);
            env.Set("POLYCRATE_IMAGE_VERSION", version);
        }

        // Polycrate sets both for every action; scripts under 'set -u' read "$IN_CI", and tput needs TERM.
        env.Set("IN_CI", "true");
        env.Set("TERM", "xterm-256color");
        env.Set("POLYCRATE_FORCE", context.Force ? "1" : "0");
        env.Set("IN_CONTAINER", context.OnHost ? "0" : "1");
        env.Set("POLYCRATE_WORKSPACE", at.Workspace);
        env.Set("POLYCRATE_WORKSPACE_NAME", context.Workspace.Name);
        env.Set("POLYCRATE_BLOCK", context.Block.Name);
        env.Set("POLYCRATE_BLOCK_NAME", context.Block.Name);
        env.Set("POLYCRATE_ACTION", context.Action.Name);
        env.Set("POLYCRATE_ACTION_NAME", context.Action.Name);
        env.Set("POLYCRATE_BLOCK_WORKDIR", at.Workdir);
        env.Set("POLYCRATE_TRANSACTION_ID", context.TransactionId);
        env.Set("POLYCRATE_WORKFLOW", context.Workflow?.Name);
        env.Set("POLYCRATE_STEP", context.Step?.Name);
        env.Set("POLYCRATE_SNAPSHOT_FILE", at.Snapshot);
        env.Set("POLYCRATE_WORKSPACE_SNAPSHOT_YAML", at.Snapshot);
        env.Set("ARTIFACTS", at.Artifacts);
        env.Set("ANSIBLE_INVENTORY", at.Inventory);
        env.Set("KUBECONFIG", at.Kubeconfig);
        env.Set("K8S_AUTH_KUBECONFIG", at.Kubeconfig);
    }

    /// <summary>
    /// <c>registry/path:tag</c> → (<c>registry/path</c>, <c>tag</c>), as Polycrate's <c>config.image.reference</c> and
    /// <c>.version</c>; a digest reference keeps its digest as the version, a reference without tag gets <c>latest</c>.
    /// </summary>
    internal static (string Reference, string Version) SplitImage(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            return (image[..at], image[(at + 1)..]);
        }

        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') && colon > 0 ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }
}
