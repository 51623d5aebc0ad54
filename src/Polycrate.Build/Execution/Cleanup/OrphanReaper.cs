using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Graph;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Secrets.WorkspaceSecrets;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Execution.Cleanup;

/// <summary>
/// Removes what a killed <c>polycrate-build</c> process left behind, at the start of the next command: containers
/// whose owner process is gone (engine label filter, one list request), private run directories of dead owners (their
/// decrypted secrets and snapshots; also the owner-less ones of older versions, see <see cref="LegacyRunDirectories"/>),
/// the empty mount-point files those runs recorded in the workspace, and — for the
/// given workspace — stale temporary files (<see cref="WorkspaceLeftovers"/>). A run that died without its log gets
/// one with status <c>interrupted</c>. Only owners on this host that certainly ended count as dead
/// (<see cref="ProcessOwner.IsGone"/>); reaping never fails the command, it warns. Everything is reaped, but only the
/// leftovers of the given workspace (its root; containers by their <see cref="WorkspaceRootLabel"/>) are warnings: the
/// private run root and the engine are shared by every checkout of the user, and other workspaces' crashed runs are
/// noise in this one's output (they are logged at debug level; their own next run reports nothing more, the record is written).
/// </summary>
internal sealed class OrphanReaper
{
    /// <summary>The label every action container carries (<c>polycrate.managed-by=polycrate-build</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> ManagedLabel = new Dictionary<string, string> { ["polycrate.managed-by"] = "polycrate-build" };

    /// <summary>The label with the absolute workspace root of an action container (whose leftovers a run reports).</summary>
    public const string WorkspaceRootLabel = "polycrate.workspace-root";

    /// <summary>Upper bound for the engine check, so a stuck engine never delays a command by more.</summary>
    private static readonly TimeSpan EngineTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a run directory without a readable record is left alone (it may be being created).</summary>
    private static readonly TimeSpan UnrecordedGracePeriod = TimeSpan.FromHours(1);

    private readonly ILogger _logger;

    /// <summary>Transactions whose containers the engine still lists (left alone); their legacy run directories stay too.</summary>
    private readonly HashSet<string> _activeTransactions = new(StringComparer.Ordinal);

    /// <summary>The workspace whose leftovers are reported as warnings (null: none, every leftover is a debug line).</summary>
    private Model.Workspace? _workspace;

    /// <summary>Where private run directories are (<see cref="PrivateRunRoot.Path"/>; tests use their own).</summary>
    private readonly string _runRoot;

    public OrphanReaper(ILogger logger)
        : this(logger, PrivateRunRoot.Path)
    {
    }

    internal OrphanReaper(ILogger logger, string runRoot)
    {
        _logger = logger;
        _runRoot = runRoot;
    }

    /// <summary>Containers (when <paramref name="docker"/> is given), run directories, then the workspace's leftovers.</summary>
    public async Task ReapAsync(Model.Workspace? workspace, DockerClient? docker, CancellationToken cancellationToken)
    {
        _workspace = workspace;
        var containers = docker is null ? [] : await ReapContainersAsync(docker, cancellationToken);
        await ReapRunDirectoriesAsync(containers, cancellationToken);
        if (workspace is not null)
        {
            try
            {
                var sweep = WorkspaceLeftovers.Sweep(workspace);
                foreach (var path in sweep.Removed)
                {
                    _logger.LogInformation("Removed {Path}, left by an interrupted command", path);
                }

                foreach (var path in sweep.Restored)
                {
                    _logger.LogWarning("Restored {Path}: a pull that was replacing it was interrupted before the new version was in place", path);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A concurrent command (a pull finishing, another sweep) changed the folders under the walk.
                _logger.LogDebug("Workspace leftover sweep stopped: {Message}", ex.Message);
            }
        }
    }

    /// <summary>Removes containers of dead owners; returns them (for the interrupted run logs).</summary>
    public async Task<IReadOnlyList<ContainerSummary>> ReapContainersAsync(DockerClient docker, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(EngineTimeout);
        var removed = new List<ContainerSummary>();
        try
        {
            foreach (var container in await docker.ListContainersAsync(ManagedLabel, timeout.Token))
            {
                var owner = ProcessOwner.FromLabels(container.Labels);
                if (owner is null || !owner.IsGone())
                {
                    _activeTransactions.Add(Label(container, "polycrate.txid"));
                    continue;
                }

                await docker.RemoveContainerAsync(container.Id, timeout.Token);
                removed.Add(container);
                _logger.Log(LevelFor(container), "Removed container {Id} ({State}) of interrupted run {Transaction}: its process {Pid} on {Host} is gone",
                    container.Id[..Math.Min(12, container.Id.Length)], container.State, Label(container, "polycrate.txid"), owner.Pid, owner.Host);
            }
        }
        catch (Exception ex) when (ex is Diagnostics.PolycrateException or HttpRequestException or IOException or OperationCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            // The command itself reports an engine that does not answer; this check only tidies up.
            _logger.LogDebug("Orphan container check skipped: {Message}", ex.Message);
        }

        return removed;
    }

    /// <summary>Removes private run directories of dead owners, with their recorded mount points, and logs their runs as interrupted.</summary>
    public async Task ReapRunDirectoriesAsync(IReadOnlyList<ContainerSummary> containers, CancellationToken cancellationToken)
    {
        foreach (var legacy in LegacyRunDirectories.Sweep(_activeTransactions, DateTime.UtcNow))
        {
            // Older versions recorded no workspace: whose it was is unknown, so it is not this run's to report.
            _logger.LogDebug("Removed {Directory}: the private run directory of an interrupted run of an older polycrate-build", legacy);
        }

        var root = _runRoot;
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            try
            {
                await ReapRunDirectoryAsync(directory, containers, cancellationToken);
            }
            catch (Exception ex) when ((ex is IOException or UnauthorizedAccessException) && !Directory.Exists(directory))
            {
                // Two commands started after the same crash reap the same directory: the other one was first.
                _logger.LogDebug("{Directory} was removed by another command while this one reaped it: {Message}", directory, ex.Message);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning("Could not reap {Directory}: {Message}", directory, ex.Message);
            }
        }
    }

    private async Task ReapRunDirectoryAsync(string directory, IReadOnlyList<ContainerSummary> containers, CancellationToken cancellationToken)
    {
        if (TemporarySiblings.Parse(Path.GetFileName(directory)) is { Kind: TemporarySiblingKind.Removing, Owner: { } remover })
        {
            // Already judged and claimed for deletion: finish it once the claimer is gone, leave it to a live one.
            if (remover.IsGone() && RunDirectories.TryDelete(directory) is { } unfinished)
            {
                _logger.LogDebug("Could not remove {Directory}, an interrupted delete: {Message}", directory, unfinished);
            }

            return;
        }

        var recordFile = Path.Combine(directory, RunRecord.FileName);
        var record = File.Exists(recordFile) ? RunRecord.TryParse(await File.ReadAllTextAsync(recordFile, cancellationToken)) : null;
        if (record is null)
        {
            // Killed between creating the directory and writing its record: nothing owns it after a while.
            if (Directory.Exists(directory) && DateTime.UtcNow - Directory.GetLastWriteTimeUtc(directory) > UnrecordedGracePeriod)
            {
                RunDirectories.TryDelete(directory);
            }

            return;
        }

        if (!record.Owner.IsGone())
        {
            return;
        }

        foreach (var marker in Directory.EnumerateFiles(directory, MountPoints.FileName, SearchOption.AllDirectories))
        {
            foreach (var path in MountPoints.RemoveLeftovers(marker))
            {
                _logger.Log(LevelFor(record.WorkspaceRoot), "Removed {Path}: an empty mount point of interrupted run {Transaction}, not a secret", path, record.TransactionId);
            }
        }

        await RecordInterruptedAsync(record, new DirectoryInfo(directory).LastWriteTime, containers, cancellationToken);
        if (RunDirectories.TryDelete(directory) is { } problem)
        {
            _logger.Log(LevelFor(record.WorkspaceRoot), "Could not remove {Directory} of interrupted run {Transaction}: {Message}", directory, record.TransactionId, problem);
        }
    }

    private async Task RecordInterruptedAsync(RunRecord record, DateTimeOffset lastSeen, IReadOnlyList<ContainerSummary> containers, CancellationToken cancellationToken)
    {
        if (record.WorkspaceRoot.Length == 0)
        {
            return;
        }

        var log = new RunLog
        {
            TransactionId = record.TransactionId,
            Workspace = record.WorkspaceName,
            Command = record.Command,
            User = record.User,
            Started = record.Started,
            Finished = lastSeen < record.Started ? record.Started : lastSeen,
            Status = InterruptedRun.Status,
            ExitCode = 1,
            Version = ProductInfo.Version,
            Targets = containers
                .Where(c => Label(c, "polycrate.txid") == record.TransactionId)
                .Select(c => new RunLogTarget(Target.ActionId(Label(c, "polycrate.block"), Label(c, "polycrate.action")), TargetKind.Action,
                    InterruptedRun.Status, null, 0, $"container {c.Id[..Math.Min(12, c.Id.Length)]} was {c.State} and has been removed", null,
                    Label(c, "polycrate.block"), Label(c, "polycrate.action"), null, null))
                .ToList(),
        };
        try
        {
            if (await InterruptedRun.RecordAsync(record.WorkspaceRoot, record.LogsRoot, log, cancellationToken) is { } path)
            {
                _logger.Log(LevelFor(record.WorkspaceRoot), "Run {Transaction} ({Command}) was interrupted: its process {Pid} ended without finishing; recorded in {Path}",
                    record.TransactionId, record.Command, record.Pid, path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.Log(LevelFor(record.WorkspaceRoot), "Could not record interrupted run {Transaction}: {Message}", record.TransactionId, ex.Message);
        }
    }

    /// <summary>Warning for a leftover of this command's workspace (by its root), debug for any other.</summary>
    private LogLevel LevelFor(string workspaceRoot) =>
        _workspace is not null && workspaceRoot.Length > 0
        && string.Equals(Path.TrimEndingDirectorySeparator(workspaceRoot), Path.TrimEndingDirectorySeparator(_workspace.RootPath), StringComparison.Ordinal)
            ? LogLevel.Warning
            : LogLevel.Debug;

    /// <summary>By the container's root label; containers of versions without it by the workspace name.</summary>
    private LogLevel LevelFor(ContainerSummary container) =>
        container.Labels.ContainsKey(WorkspaceRootLabel) ? LevelFor(Label(container, WorkspaceRootLabel))
        : _workspace is not null && Label(container, "polycrate.workspace") == _workspace.Name ? LogLevel.Warning
        : LogLevel.Debug;

    private static string Label(ContainerSummary container, string key) => container.Labels.TryGetValue(key, out var value) ? value : string.Empty;
}
