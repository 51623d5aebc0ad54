using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Execution.SharedContainers;

/// <summary>
/// Runs a run's steps in shared containers: steps with the same container settings (<see cref="SharedContainerKey"/>)
/// run one after another as execs in one container, each with its own environment, working directory, command and
/// staged files at the paths a container of its own would have. Parallel steps get a container each (one exec per
/// container at a time). A container a step left traces in is removed and the next step gets a fresh one; so is one
/// whose step was cancelled. Launches that cannot share (decrypted secrets mounted into the workspace) run in a
/// container of their own. Disposing removes every container, which also ends Ansible's SSH control masters.
/// </summary>
internal sealed class SharedContainerRuntime : IActionRuntime, IAsyncDisposable
{
    private readonly DockerClient _client;
    private readonly string _runDirectory;
    private readonly ILogger _logger;
    private readonly ContainerActionRuntime _isolated;
    private readonly List<SharedContainer> _idle = [];
    private readonly HashSet<SharedContainer> _busy = [];
    private readonly Lock _lock = new();
    private int _created;
    private bool _disposed;

    /// <param name="client">The engine.</param>
    /// <param name="runDirectory">The run's private directory (0700); each container's staged files live below it.</param>
    /// <param name="loggers">Loggers for the runtime and the containers.</param>
    public SharedContainerRuntime(DockerClient client, string runDirectory, ILoggerFactory loggers)
    {
        _client = client;
        _runDirectory = runDirectory;
        _logger = loggers.CreateLogger<SharedContainerRuntime>();
        _isolated = new ContainerActionRuntime(new ContainerRunner(client, loggers.CreateLogger<ContainerRunner>()));
    }

    public async Task<int> RunAsync(ActionLaunch launch, Action<string, bool> onOutputLine, CancellationToken cancellationToken)
    {
        if (SharedContainerKey.For(launch) is not { } key)
        {
            return await _isolated.RunAsync(launch, onOutputLine, cancellationToken);
        }

        var container = await TakeCleanAsync(key, cancellationToken) ?? await StartAsync(launch, key, cancellationToken);
        var reusable = false;
        try
        {
            (var exitCode, reusable) = await container.RunStepAsync(launch, onOutputLine, cancellationToken);
            return exitCode;
        }
        finally
        {
            await ReturnAsync(container, reusable);
        }
    }

    /// <summary>Removes every container of the run (also ones still busy, after a cancellation); idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        List<SharedContainer> all;
        lock (_lock)
        {
            _disposed = true;
            all = [.. _idle, .. _busy];
            _idle.Clear();
            _busy.Clear();
        }

        await Task.WhenAll(all.Select(c => c.RemoveAsync()));
    }

    /// <summary>An idle container for <paramref name="key"/> the previous step left clean; a dirty one is removed.</summary>
    private async Task<SharedContainer?> TakeCleanAsync(SharedContainerKey key, CancellationToken cancellationToken)
    {
        if (Take(key) is not { } container)
        {
            return null;
        }

        var clean = false;
        try
        {
            clean = await container.CheckCleanAsync(cancellationToken);
        }
        finally
        {
            if (!clean)
            {
                await ReturnAsync(container, reusable: false);
            }
        }

        return clean ? container : null;
    }

    private SharedContainer? Take(SharedContainerKey key)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var found = _idle.FirstOrDefault(c => c.Key == key);
            if (found is not null)
            {
                _idle.Remove(found);
                _busy.Add(found);
            }

            return found;
        }
    }

    private async Task<SharedContainer> StartAsync(ActionLaunch launch, SharedContainerKey key, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(_runDirectory, "container-" + Interlocked.Increment(ref _created));
        var container = await SharedContainer.StartAsync(_client, _logger, launch, key, directory, cancellationToken);
        lock (_lock)
        {
            if (!_disposed)
            {
                _busy.Add(container);
                return container;
            }
        }

        await container.RemoveAsync();
        throw new ObjectDisposedException(nameof(SharedContainerRuntime));
    }

    private async Task ReturnAsync(SharedContainer container, bool reusable)
    {
        lock (_lock)
        {
            if (!_busy.Remove(container))
            {
                return;
            }

            if (reusable && !_disposed)
            {
                _idle.Add(container);
                return;
            }
        }

        await container.RemoveAsync();
    }
}
