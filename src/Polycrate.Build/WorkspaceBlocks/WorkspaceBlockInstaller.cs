using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Limits;
using Polycrate.Build.Model;
using Polycrate.Build.Registry;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// Pulls a registry block into a workspace at <c>&lt;blocks root&gt;/&lt;host&gt;/&lt;path&gt;/</c>: resolves the tag to
/// a digest, checks it against <see cref="BlockLockFile"/>, installs exactly that digest atomically after
/// <see cref="PulledBlockValidator"/> accepted it, then records the pin. Installs into one workspace take turns, also
/// across processes (<see cref="WorkspaceFileLock"/>), because blocks.lock is read, changed and written.
/// </summary>
internal sealed class WorkspaceBlockInstaller
{
    /// <summary>How long an install waits for another process's install into the same workspace (POLYCRATE_LOCK_TIMEOUT).</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromMinutes(5);

    private readonly RegistryClient _client;
    private readonly ILogger _logger;

    public WorkspaceBlockInstaller(RegistryClient client, ILogger? logger = null)
    {
        _client = client;
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task<BlockInstallResult> InstallAsync(Model.Workspace workspace, BlockInstallOptions options, CancellationToken cancellationToken)
    {
        var reference = DefaultRegistry.Qualify(options.Reference, options.DefaultRegistry ?? workspace.DefaultRegistry);
        if (reference.Tag is null && reference.Digest is null)
        {
            reference = reference.WithTag("latest");
        }

        var relativePath = string.Join('/', [workspace.Settings.BlocksRoot.Replace('\\', '/').TrimEnd('/'), reference.Registry, reference.Repository]);
        var directory = Path.GetFullPath(Path.Combine(workspace.RootPath, relativePath));

        // blocks.lock is read, changed and written, and block folders swapped: one process at a time per workspace.
        var lockTimeout = LimitVariables.Seconds(_client.GetEnvironmentVariable, LimitVariables.LockTimeout, DefaultLockTimeout);
        using var workspaceLock = await WorkspaceFileLock.AcquireAsync(workspace.RootPath, lockTimeout, cancellationToken);
        var lockFile = await BlockLockFile.LoadAsync(workspace.RootPath, cancellationToken);
        var pinned = lockFile.Find(reference.RepositoryReference);

        // Resolve first and install by digest: what was checked against the lock is exactly what gets installed.
        var digest = reference.Digest ?? (await _client.GetManifestAsync(reference, cancellationToken)).Digest;
        if (pinned is not null && reference.Digest is null && pinned.Tag == reference.Tag && pinned.Digest != digest && !options.Update)
        {
            throw new BlockPinException(reference, pinned.Digest, digest);
        }

        if (pinned is null && Directory.Exists(directory) && !options.Update)
        {
            throw new BlockDirectoryConflictException(relativePath, reference);
        }

        Block? block = null;
        await new BlockPuller(_client, _logger).PullAsync(new PullOptions(reference.WithDigest(digest), directory)
        {
            ValidateStagedBlock = staging => block = PulledBlockValidator.Validate(staging, workspace.Settings.BlocksConfig, reference),
        }, cancellationToken);

        var entry = new BlockLockEntry(reference.RepositoryReference, reference.Tag, digest, block!.Name, block.Version, relativePath);
        await lockFile.With(entry).WriteAsync(workspace.RootPath, CancellationToken.None);
        _logger.LogInformation("Pinned {Reference} to {Digest} in {LockFile}", reference, digest, BlockLockFile.FileName);
        return new BlockInstallResult(reference, digest, directory, block.Name, block.Version, pinned?.Digest);
    }
}
