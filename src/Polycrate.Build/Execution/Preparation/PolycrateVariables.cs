namespace Polycrate.Build.Execution.Preparation;

/// <summary>
/// The variables Polycrate itself defines for an action (polycrate.md §7.2 plus the newer names): Ansible settings,
/// POLYCRATE_*, ARTIFACTS, the inventory, kubeconfig, key and snapshot paths — all as the action sees them.
/// </summary>
internal static class PolycrateVariables
{
    /// <summary>Paths (as the action sees them) the variables point at; null ones are left out.</summary>
    public sealed record Locations(string Workspace, string Artifacts, string Snapshot, string VarsPlugins, string? Workdir, string? Inventory, string? Kubeconfig, string? SshKey);

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
        // No configured or existing inventory: Ansible's own default (an empty file in the toolchain image).
        env.Set("ANSIBLE_INVENTORY", at.Inventory ?? "/etc/ansible/hosts");
        env.Set("KUBECONFIG", at.Kubeconfig);
        env.Set("K8S_AUTH_KUBECONFIG", at.Kubeconfig);
    }
}
