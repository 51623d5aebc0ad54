using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Execution.SharedContainers;

/// <summary>
/// Runs a run's steps in shared containers: steps with the same container settings (<see cref="SharedContainerKey"/>)
/// run one after another as execs in one container, each with its own environment, working directory, command and
/// staged files at the paths a container of its own would have. Parallel steps get a container each (one exec per
/// container at a time). A container a step left traces in is removed and the next step gets a fresh one; so is one
/// whose step was cancelled. The check for traces runs inside each step's own exec (<see cref="LeftoverCheck"/>): one exec per step. Launches that cannot share (decrypted secrets mounted into the workspace) run in a
/// container of their own. Disposing removes every container, which also ends Ansible's SSH control masters.
/// </summary>
internal sealed class SharedContainerRuntime : IActionRuntime, IAsyncDisposable
{
    private readonly DockerClient _client;
    private readonly string _runDirectory;
    private readonly ILogger _logger;
    private readonly ContainerActionRuntime _isolated;
    private readonly ImageAtCreate? _provideMissingImage;
    private readonly List<SharedContainer> _idle = [];
    private readonly HashSet<SharedContainer> _busy = [];
    private readonly Lock _lock = new();
    private int _created;
    private bool _disposed;

    /// <param name="client">The engine.</param>
    /// <param name="runDirectory">The run's private directory (0700); each container's staged files live below it.</param>
    /// <param name="loggers">Loggers for the runtime and the containers.</param>
    /// <param name="provideMissingImage">
    /// Makes an image available that a container create found missing (the image target did not inspect it); null when
    /// the image target did (<see cref="ContainerCreation.CreateProvidingAsync"/>).
    /// </param>
    public SharedContainerRuntime(DockerClient client, string runDirectory, ILoggerFactory loggers, ImageAtCreate? provideMissingImage = null)
    {
        _client = client;
        _runDirectory = runDirectory;
        _logger = loggers.CreateLogger<SharedContainerRuntime>();
        _provideMissingImage = provideMissingImage;
        _isolated = new ContainerActionRuntime(new ContainerRunner(client, loggers.CreateLogger<ContainerRunner>()), provideMissingImage);
    }

    public async Task<int> RunAsync(ActionLaunch launch, Action<string, bool> onOutputLine, CancellationToken cancellationToken)
    {
        if (SharedContainerKey.For(launch) is not { } key)
        {
            return await _isolated.RunAsync(launch, onOutputLine, cancellationToken);
        }

        var timeline = new StepTimeline(_logger, _client);
        var container = Take(key) ?? await StartAsync(launch, key, cancellationToken);
        timeline.Mark("container ready");
        try
        {
            var outcome = await RunInAsync(container, launch, onOutputLine, timeline, cancellationToken);
            if (!outcome.Ran)
            {
                // An earlier step left traces and the check stopped this one before its command: a fresh container has none.
                container = await StartAsync(launch, key, cancellationToken);
                timeline.Mark("replaced container ready");
                outcome = await RunInAsync(container, launch, onOutputLine, timeline, cancellationToken);
            }

            return outcome.Ran ? outcome.ExitCode : throw new ContainerException(ContainerErrorCodes.EngineError,
                $"The leftover check in the fresh container {container.Id} reported traces before any step ran. Run with --isolate-steps.");
        }
        finally
        {
            timeline.Mark("returned");
            timeline.Log(container.Id);
        }
    }

    private async Task<StepOutcome> RunInAsync(SharedContainer container, ActionLaunch launch, Action<string, bool> onOutputLine, StepTimeline timeline,
        CancellationToken cancellationToken)
    {
        var outcome = new StepOutcome(Ran: false, 0, Reusable: false);
        try
        {
            outcome = await container.RunStepAsync(launch, onOutputLine, timeline, cancellationToken);
            return outcome;
        }
        finally
        {
            await ReturnAsync(container, outcome.Reusable);
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
        var container = await SharedContainer.StartAsync(_client, _logger, launch, key, directory, _provideMissingImage, cancellationToken);
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
