using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Polycrate.Build.Registry.Workspace;

/// <summary>
/// Installs every <c>from:</c> registry block a workspace is missing (<see cref="Model.Workspace.MissingBlocks"/>), one at a
/// time through <see cref="BlockInstallService"/>, reloading the workspace after each: an installed block may itself
/// inherit from a registry block that is missing next. Each reference is tried once, so a block that installs but does
/// not satisfy its <c>from:</c> cannot loop.
/// </summary>
public sealed class MissingBlockInstaller
{
    private readonly BlockInstallService _installer;
    private readonly ILogger _logger;

    public MissingBlockInstaller(RegistryClient client, ILoggerFactory? loggers = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        _installer = new BlockInstallService(client, loggers.CreateLogger<BlockInstallService>());
        _logger = loggers.CreateLogger<MissingBlockInstaller>();
    }

    /// <param name="loadWorkspace">Loads the workspace with missing blocks allowed (they are what this installs).</param>
    /// <param name="update">See <see cref="BlockInstallOptions.Update"/>.</param>
    /// <param name="cancellationToken">Stops between and inside downloads; an install is atomic, so none is left half-written.</param>
    public async Task<IReadOnlyList<BlockInstallResult>> InstallAsync(Func<CancellationToken, Task<Model.Workspace>> loadWorkspace, bool update,
        CancellationToken cancellationToken)
    {
        var attempted = new HashSet<string>(StringComparer.Ordinal);
        var installed = new List<BlockInstallResult>();
        while (true)
        {
            var workspace = await loadWorkspace(cancellationToken);
            var next = workspace.MissingBlocks.FirstOrDefault(m => !attempted.Contains(m.Reference));
            if (next is null)
            {
                if (installed.Count == 0)
                {
                    _logger.LogInformation("Workspace {Workspace} misses no registry blocks", workspace.Name);
                }

                return installed;
            }

            attempted.Add(next.Reference);
            _logger.LogInformation("Installing {Reference} (from: of '{Block}' at {Location})", next.Reference, next.RequiredBy, next.Location);
            installed.Add(await _installer.InstallAsync(workspace, new BlockInstallOptions(next.Reference) { Update = update }, cancellationToken));
        }
    }
}
