using Microsoft.Extensions.Logging;
using Polycrate.Build.Model;
using Polycrate.Build.Registry;
using Polycrate.Build.Registry.Auth;
using Polycrate.Build.WorkspaceBlocks;

namespace Polycrate.Build.Execution;

/// <summary>
/// <c>--blocks-auto-pull</c> for <c>dependencies:</c>: before a run plans its targets, the missing dependencies (and any
/// missing <c>from:</c> blocks) are installed as <c>workspace update</c> would, so the run sees them (Polycrate's auto-pull).
/// </summary>
internal static class DependencyAutoPull
{
    /// <summary>Installs what is missing and returns the workspace loaded again.</summary>
    public static async Task<Workspace> InstallAsync(Func<CancellationToken, Task<Workspace>> load, RunOptions options, Func<string, string?> getVariable,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var client = RegistryClientFactory.Create(new RegistryAuthOptions(getVariable), options.InsecureRegistries, loggers);
        await new MissingBlockInstaller(client, loggers).InstallAsync(load, update: false, cancellationToken);
        return await load(cancellationToken);
    }
}
