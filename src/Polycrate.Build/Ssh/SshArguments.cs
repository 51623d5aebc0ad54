namespace Polycrate.Build.Ssh;

/// <summary>
/// The argument list of the host's <c>ssh</c> for one inventory host. Inventory arguments
/// (<c>ansible_ssh_common_args</c>) come first: ssh keeps the first value of each option, so they win over our
/// defaults. Defaults: a shared connection (ControlMaster=auto, ControlPersist=10m) whose socket lives in a private
/// directory (not the world-writable /tmp of the 2025 tool), and StrictHostKeyChecking=accept-new (new hosts are
/// learned, changed keys refused) instead of switching host-key checking off.
/// </summary>
internal static class SshArguments
{
    /// <param name="host">The inventory host.</param>
    /// <param name="keyFile">Private key copy (0600), or null to rely on the agent / ssh's own defaults.</param>
    /// <param name="controlDirectory">Private (0700) directory for the ControlMaster socket.</param>
    /// <param name="command">Remote command words; empty for an interactive login (a terminal is requested).</param>
    public static IReadOnlyList<string> For(InventoryHost host, string? keyFile, string controlDirectory, IReadOnlyList<string> command)
    {
        var arguments = new List<string>(host.SshArguments)
        {
            "-o", "ControlMaster=auto",
            "-o", "ControlPersist=10m",
            "-o", "ControlPath=" + Path.Combine(controlDirectory, "cm-%C"),
            "-o", "StrictHostKeyChecking=accept-new",
            "-p", host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (keyFile is not null)
        {
            arguments.AddRange(["-i", keyFile]);
        }

        if (host.User is not null)
        {
            arguments.AddRange(["-l", host.User]);
        }

        arguments.Add(command.Count == 0 ? "-t" : "-T");
        arguments.Add(host.Address);
        if (command.Count > 0)
        {
            // Everything after the address is the remote command; "--" keeps ssh from reading its words as options.
            arguments.Add("--");
            arguments.AddRange(command);
        }

        return arguments;
    }
}
