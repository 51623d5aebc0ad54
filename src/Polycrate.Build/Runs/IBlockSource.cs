using Polycrate.Build.Execution;
using Polycrate.Build.Model;

namespace Polycrate.Build.Runs;

/// <summary>Installs one missing <c>from:</c> registry block into the workspace (and blocks.lock).</summary>
public interface IBlockSource
{
    /// <returns>What was installed, for the run's output (<c>repository:tag@digest</c>).</returns>
    Task<string> InstallAsync(Workspace workspace, string reference, RunOptions options, CancellationToken cancellationToken);
}
