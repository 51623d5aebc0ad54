using System.Text;
using Polycrate.Build.Execution.Preparation;

namespace Polycrate.Build.Execution.SharedContainers;

/// <summary>
/// What makes two launches able to share a container: the same image, container settings (network, user, privileged,
/// init, cap-add, extra hosts) and mounts — where a mount of the launch's own private files counts by its place in the
/// private directory, not by the step's directory (each step's files are staged into the container's own directory).
/// </summary>
internal sealed record SharedContainerKey(string Text)
{
    /// <summary>Container paths at which a launch's private files may be staged into a running container.</summary>
    private const string PrivatePrefix = Ansible.AnsibleInvocation.ContainerDirectory + "/";

    /// <summary>
    /// The key, or null when the launch must have a container of its own: no image or private directory, or private
    /// files mounted elsewhere than <c>/run/polycrate/…</c> and the key path — decrypted secrets bind-mounted into the
    /// workspace, whose mount-point files on the host live exactly as long as the step (ProvisionedSecrets).
    /// </summary>
    public static SharedContainerKey? For(ActionLaunch launch)
    {
        if (launch.Image is null || launch.PrivateDirectory is null)
        {
            return null;
        }

        var text = new StringBuilder();
        var settings = launch.Container;
        text.Append("image=").Append(launch.Image).Append('\n')
            .Append("network=").Append(settings.NetworkMode).Append('\n')
            .Append("user=").Append(settings.User).Append('\n')
            .Append("privileged=").Append(settings.Privileged).Append('\n')
            .Append("init=").Append(settings.Init).Append('\n')
            .Append("cap-add=").AppendJoin(',', settings.CapAdd).Append('\n')
            .Append("add-host=").AppendJoin(',', settings.ExtraHosts).Append('\n');
        foreach (var mount in launch.Mounts)
        {
            var relative = PrivateRelativePath(launch.PrivateDirectory, mount.HostPath);
            if (relative is not null && !mount.ContainerPath.StartsWith(PrivatePrefix, StringComparison.Ordinal) && mount.ContainerPath != SshKeyLocator.ContainerPath)
            {
                return null;
            }

            text.Append(relative is null ? "host=" + mount.HostPath : "private=" + relative)
                .Append(" -> ").Append(mount.ContainerPath).Append(mount.ReadOnly ? " ro" : " rw").Append('\n');
        }

        return new SharedContainerKey(text.ToString());
    }

    /// <summary>The path of <paramref name="hostPath"/> below <paramref name="privateDirectory"/>, or null when it is outside.</summary>
    public static string? PrivateRelativePath(string privateDirectory, string hostPath)
    {
        var relative = Path.GetRelativePath(privateDirectory, hostPath);
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
    }
}
