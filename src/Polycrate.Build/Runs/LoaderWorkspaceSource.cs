using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution;
using Polycrate.Build.Loading;

namespace Polycrate.Build.Runs;

/// <summary>
/// The workspace from disk through <see cref="WorkspaceLoader"/>, missing registry blocks allowed, with the run's own
/// <c>-e</c>/<c>-m</c>/<c>--loglevel</c> entries applied (<see cref="RunOverrides"/>).
/// </summary>
internal sealed class LoaderWorkspaceSource(ILoggerFactory loggers, Func<string, string?> getVariable) : IWorkspaceSource
{
    public async Task<LoadResult> LoadAsync(RunOptions options, CancellationToken cancellationToken)
    {
        var loaded = await new WorkspaceLoader(loggers.CreateLogger<WorkspaceLoader>())
            .LoadAsync(options.WorkspaceDirectory, new LoadOptions { Strict = options.Strict, AllowMissingBlocks = true, GetEnvironmentVariable = getVariable },
                cancellationToken);
        return loaded with { Workspace = RunOverrides.Apply(loaded.Workspace, options) };
    }
}
