using Polycrate.Build.Execution;
using Polycrate.Build.Model;

namespace Polycrate.Build.Runs;

/// <summary>Installs registry blocks a run needs into the workspace (and blocks.lock).</summary>
internal interface IBlockSource
{
    /// <summary>One missing <c>from:</c> registry parent.</summary>
    /// <returns>What was installed, for the run's output (<c>repository:tag@digest</c>).</returns>
    Task<string> InstallAsync(Workspace workspace, string reference, RunOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// <c>--blocks-auto-pull</c> with <c>dependencies:</c> not installed: installs them (and missing <c>from:</c> blocks) as
    /// <c>workspace update</c> would, then returns the workspace loaded again through <paramref name="load"/>.
    /// </summary>
    Task<Workspace> InstallDependenciesAsync(Func<CancellationToken, Task<Workspace>> load, RunOptions options, CancellationToken cancellationToken);
}
