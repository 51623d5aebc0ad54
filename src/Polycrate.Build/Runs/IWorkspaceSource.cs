using Polycrate.Build.Execution;
using Polycrate.Build.Loading;

namespace Polycrate.Build.Runs;

/// <summary>Loads the run's workspace with its warnings (missing registry blocks allowed: the planner installs them).</summary>
internal interface IWorkspaceSource
{
    Task<LoadResult> LoadAsync(RunOptions options, CancellationToken cancellationToken);
}
