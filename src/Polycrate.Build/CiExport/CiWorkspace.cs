using Polycrate.Build.Model;

namespace Polycrate.Build.CiExport;

/// <summary>
/// One workspace a pipeline runs the workflow in. <see cref="Directory"/> is relative to the CI project root with
/// '/' separators (<c>.</c> for the root itself); <see cref="BranchName"/> is null for a single workspace (job names
/// are then the step names), else the directory's last component, which prefixes its jobs' names.
/// </summary>
internal sealed record CiWorkspace(Workspace Workspace, string Directory, string? BranchName)
{
    /// <summary><paramref name="path"/> (relative to the workspace) as a path relative to the CI project root.</summary>
    public string PathOf(string path) => Directory == "." ? path : $"{Directory}/{path}";
}
