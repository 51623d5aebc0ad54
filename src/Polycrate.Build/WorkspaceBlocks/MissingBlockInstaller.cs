using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Registry;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// Installs what a workspace is missing: every <c>dependencies:</c> entry no installed block satisfies, then every
/// <c>from:</c> registry block (<see cref="Model.Workspace.MissingBlocks"/>), one at a time through
/// <see cref="WorkspaceBlockInstaller"/>, reloading the workspace after each: an installed block may itself inherit from a
/// registry block that is missing next. Each reference is tried once, so a block that installs but does not satisfy its
/// <c>from:</c> cannot loop. This is <c>workspace update</c>, <c>--blocks-auto-pull</c> for dependencies and the
/// MSBuild <c>PullBlocks</c> target.
/// </summary>
internal sealed class MissingBlockInstaller
{
    private readonly WorkspaceBlockInstaller _installer;
    private readonly ILogger _logger;

    public MissingBlockInstaller(RegistryClient client, ILoggerFactory? loggers = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        _installer = new WorkspaceBlockInstaller(client, loggers.CreateLogger<WorkspaceBlockInstaller>());
        _logger = loggers.CreateLogger<MissingBlockInstaller>();
    }

    /// <param name="loadWorkspace">Loads the workspace with missing blocks allowed (they are what this installs).</param>
    /// <param name="update">
    /// See <see cref="BlockInstallOptions.Update"/>; also re-pulls dependencies that are installed already, so a moved tag is
    /// picked up (<c>workspace update --update</c>).
    /// </param>
    /// <param name="cancellationToken">Stops between and inside downloads; an install is atomic, so none is left half-written.</param>
    public async Task<IReadOnlyList<BlockInstallResult>> InstallAsync(Func<CancellationToken, Task<Model.Workspace>> loadWorkspace, bool update,
        CancellationToken cancellationToken)
    {
        var attempted = new HashSet<string>(StringComparer.Ordinal);
        var installed = new List<BlockInstallResult>();
        while (true)
        {
            var workspace = await loadWorkspace(cancellationToken);
            var (reference, reason) = Next(workspace, attempted, update);
            if (reference is null)
            {
                if (installed.Count == 0)
                {
                    _logger.LogInformation("Workspace {Workspace} misses no registry blocks", workspace.Name);
                }

                return installed;
            }

            attempted.Add(reference);
            _logger.LogInformation("Installing {Reference} ({Reason})", reference, reason);
            installed.Add(await _installer.InstallAsync(workspace, new BlockInstallOptions(reference) { Update = update }, cancellationToken));
        }
    }

    private static (string? Reference, string? Reason) Next(Model.Workspace workspace, HashSet<string> attempted, bool update)
    {
        if (workspace.Dependencies.FirstOrDefault(d => (update || !d.Installed) && !attempted.Contains(d.Reference)) is { } dependency)
        {
            return (dependency.Reference, $"dependencies: at {dependency.Location}");
        }

        return workspace.MissingBlocks.FirstOrDefault(m => !attempted.Contains(m.Reference)) is { } missing
            ? (missing.Reference, $"from: of '{missing.RequiredBy}' at {missing.Location}")
            : (null, null);
    }
}
