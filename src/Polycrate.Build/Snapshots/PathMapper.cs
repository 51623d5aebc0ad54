using Polycrate.Build.Model;

namespace Polycrate.Build.Snapshots;

/// <summary>
/// Maps host paths inside the workspace to where the action sees them: under the container root
/// (<c>/workspace/…</c>) in a container, unchanged when the action runs on the host.
/// </summary>
public sealed class PathMapper
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

    /// <summary>The path as the running action sees it.</summary>
    public string ToRun(string hostPath) => OnHost ? hostPath : ToContainer(hostPath);

    /// <summary><c>artifacts/blocks/&lt;block name&gt;</c>; slashes in registry names nest.</summary>
    public string ArtifactsDirectory(string blockName) =>
        Path.Combine(_workspace.RootPath, _workspace.Settings.ArtifactsRoot, _workspace.Settings.BlocksRoot, blockName.Replace('/', Path.DirectorySeparatorChar));
}
