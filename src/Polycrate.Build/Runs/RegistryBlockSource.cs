using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution;
using Polycrate.Build.Model;
using Polycrate.Build.Registry;
using Polycrate.Build.Registry.Auth;
using Polycrate.Build.WorkspaceBlocks;

namespace Polycrate.Build.Runs;

/// <summary>Installs missing blocks from their OCI registries (credentials from the environment / docker config).</summary>
internal sealed class RegistryBlockSource(ILoggerFactory loggers, Func<string, string?> getVariable) : IBlockSource
{
    public async Task<string> InstallAsync(Workspace workspace, string reference, RunOptions options, CancellationToken cancellationToken)
    {
        using var client = RegistryClientFactory.Create(new RegistryAuthOptions(getVariable), options.InsecureRegistries, loggers);
        var installed = await new WorkspaceBlockInstaller(client, loggers.CreateLogger<WorkspaceBlockInstaller>())
            .InstallAsync(workspace, new BlockInstallOptions(reference), cancellationToken);
        return $"{installed.Reference.RepositoryReference}:{installed.Reference.Tag}@{installed.Digest}";
    }

    public Task<Workspace> InstallDependenciesAsync(Func<CancellationToken, Task<Workspace>> load, RunOptions options, CancellationToken cancellationToken) =>
        DependencyAutoPull.InstallAsync(load, options, getVariable, loggers, cancellationToken);
}
