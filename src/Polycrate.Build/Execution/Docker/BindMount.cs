namespace Polycrate.Build.Execution.Docker;

/// <summary>A host path mounted into a container. Both paths are absolute.</summary>
internal sealed record BindMount(string HostPath, string ContainerPath, bool ReadOnly = false)
{
    /// <summary>The engine's <c>HostConfig.Binds</c> syntax: <c>host:container[:ro]</c>.</summary>
    public string ToBindString() => ReadOnly ? $"{HostPath}:{ContainerPath}:ro" : $"{HostPath}:{ContainerPath}";
}
