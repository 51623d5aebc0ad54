
namespace Polycrate.Build.Model;

/// <summary>
/// Maps host paths inside the workspace to where the action sees them: under the container root
/// (<c>/workspace/…</c>) in a container, unchanged when the action runs on the host.
/// </summary>
internal sealed class PathMapper
{
    private readonly Workspace _workspace;

    public PathMapper(Workspace workspace, bool onHost)
    {
        _workspace = workspace;
        OnHost = onHost;
    }

    public bool OnHost { get; }

    public string ToContainer(string hostPath)
    {
        var relative = Path.GetRelativePath(_workspace.RootPath, hostPath);
        if (relative == ".")
        {
            return _workspace.Settings.ContainerRoot;
        }

        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? hostPath
            : _workspace.Settings.ContainerRoot.TrimEnd('/') + "/" + relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>
    /// A path as users write it (<c>inventory.path</c>) to a host path: a container path under the container root maps
    /// into the workspace, a relative path is relative to the workspace root, another absolute path stays as it is.
    /// </summary>
    public string ToHost(string path)
    {
        var root = _workspace.Settings.ContainerRoot.TrimEnd('/');
        if (path == root || path.StartsWith(root + "/", StringComparison.Ordinal))
        {
            return Path.GetFullPath(Path.Combine(_workspace.RootPath, path[root.Length..].TrimStart('/')));
        }

        return Path.GetFullPath(path, _workspace.RootPath);
    }

    /// <summary>The path as the running action sees it.</summary>
    public string ToRun(string hostPath) => OnHost ? hostPath : ToContainer(hostPath);

    /// <summary><c>artifacts/blocks/&lt;block name&gt;</c>; slashes in registry names nest.</summary>
    public string ArtifactsDirectory(string blockName) =>
        Path.Combine(_workspace.RootPath, _workspace.Settings.ArtifactsRoot, _workspace.Settings.BlocksRoot, blockName.Replace('/', Path.DirectorySeparatorChar));
}
