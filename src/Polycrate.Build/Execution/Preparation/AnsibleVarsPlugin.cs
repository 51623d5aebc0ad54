namespace Polycrate.Build.Execution.Preparation;

/// <summary>
/// The <c>polycrate_vars</c> Ansible vars plugin (polycrate.md §7.4), shipped inside the engine: written to the private
/// run directory, mounted read-only and enabled for every action through Ansible's environment settings, so playbooks
/// that a script action starts see <c>block</c>, <c>workspace</c>, … in any toolchain image that has Ansible.
/// </summary>
internal static class AnsibleVarsPlugin
{
    /// <summary>File name Ansible finds the plugin by.</summary>
    public const string FileName = "polycrate_vars.py";

    /// <summary>Where the plugin directory appears in a container.</summary>
    public const string ContainerDirectory = "/run/polycrate/vars_plugins";

    /// <summary>The image's own vars plugin directories (Ansible's defaults), searched after ours.</summary>
    public const string DefaultDirectories = "/root/.ansible/plugins/vars:/usr/share/ansible/plugins/vars";

    /// <summary><c>ANSIBLE_VARS_ENABLED</c>: Ansible's default plugin plus ours.</summary>
    public const string Enabled = "host_group_vars,polycrate_vars";

    /// <summary>The plugin's Python source (embedded resource).</summary>
    public static string Source { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(AnsibleVarsPlugin).Assembly.GetManifestResourceStream("Polycrate.Build.polycrate_vars.py")
            ?? throw new InvalidOperationException("the polycrate_vars plugin is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
