using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution;
using Polycrate.Build.Loading;

namespace Polycrate.Build.Runs;

/// <summary>The workspace from disk through <see cref="WorkspaceLoader"/>, missing registry blocks allowed.</summary>
internal sealed class LoaderWorkspaceSource(ILoggerFactory loggers) : IWorkspaceSource
{
    public Task<LoadResult> LoadAsync(RunOptions options, CancellationToken cancellationToken) =>
        new WorkspaceLoader(loggers.CreateLogger<WorkspaceLoader>())
            .LoadAsync(options.WorkspaceDirectory, new LoadOptions { Strict = options.Strict, AllowMissingBlocks = true }, cancellationToken);
}
