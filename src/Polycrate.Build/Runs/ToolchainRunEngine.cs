using Microsoft.Extensions.Logging;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Cleanup;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;
using Polycrate.Build.Secrets.WorkspaceSecrets;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Runs;

/// <summary>
/// The real <see cref="IRunEngine"/>: the Docker engine (DOCKER_HOST, docker context or the default socket) for
/// container runs, this machine for host runs; actions go through <see cref="ActionRunner"/>.
/// </summary>
internal sealed class ToolchainRunEngine : IRunEngine
{
    private readonly DockerClient? _docker;
    private readonly RunOptions _options;
    private readonly IRunObserver _observer;
    private readonly Lock _lock = new();
    private (RunActionRuntime Runtime, ActionRunner Actions)? _started;
    private bool _singleAction;
    private ImageAtCreate? _provideMissingImage;
    private readonly ILoggerFactory _loggers;
    private readonly Func<string, string?> _getVariable;
    private readonly ILogger _logger;

    public ToolchainRunEngine(RunOptions options, IRunObserver observer, ILoggerFactory loggers, Func<string, string?> getVariable)
    {
        _loggers = loggers;
        _getVariable = getVariable;
        _logger = loggers.CreateLogger<ToolchainRunEngine>();
        _docker = options.Runtime == RuntimeKind.Container ? CreateDockerClient(loggers, getVariable) : null;
        _options = options;
        _observer = observer;
    }

    public bool OnHost => _docker is null;

    internal static DockerClient CreateDockerClient(ILoggerFactory loggers, Func<string, string?> getVariable) =>
        new(DockerClientOptions.FromEnvironment(getVariable), loggers.CreateLogger<DockerClient>());

    /// <summary>
    /// The run's action runtime and runner, made on the first action: shared step containers keep their staged files in
    /// the run's private directory, which the executor creates just before the first target.
    /// </summary>
    private ActionRunner ActionsFor(string runDirectory)
    {
        lock (_lock)
        {
            _started ??= Start(runDirectory);
            return _started.Value.Actions;
        }
    }

    /// <summary>
    /// A run of one action (or one workflow step) has nothing to share: its step gets a container of its own whose main
    /// process is the action (create, attach, start, wait, remove), which saves the idle container's start-up check, the
    /// exec round trips and killing the idle process afterwards (docs/execution.md).
    /// </summary>
    public void ActionsPlanned(int count)
    {
        lock (_lock)
        {
            _singleAction = count <= 1;
        }
    }

    private (RunActionRuntime, ActionRunner) Start(string runDirectory)
    {
        var runtime = ActionRuntimeFactory.Create(_docker, _singleAction ? _options with { IsolateSteps = true } : _options, runDirectory, _loggers,
            _provideMissingImage);
        return (runtime, new ActionRunner(runtime, _observer, _options, IdentitySource.From(null, _getVariable), _loggers));
    }

    /// <summary>
    /// Negotiates the engine's API version while the workspace loads. A failure here is not reported: the image target
    /// asks again and reports it with the engine's own message.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (_docker is null)
        {
            return;
        }

        try
        {
            await _docker.GetNegotiatedApiVersionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is PolycrateException or OperationCanceledException or ObjectDisposedException or HttpRequestException or IOException)
        {
            _logger.LogDebug("Engine warm-up failed: {Message}", ex.Message);
        }
    }

    public Task ReapOrphansAsync(Workspace workspace, CancellationToken cancellationToken) =>
        new OrphanReaper(_loggers.CreateLogger<OrphanReaper>()).ReapAsync(workspace, _docker, cancellationToken);

    /// <summary>
    /// The image target. When the image is a plain reference that is not to be pulled every time, the engine is not asked
    /// here: the container create (a step's own container or a shared one) is the check, and a 404 "no such image"
    /// pulls it (or refuses under 'never') and creates again. Dockerfile builds check here as before.
    /// </summary>
    public Task<WorkspaceImageResult> EnsureImageAsync(Workspace workspace, RunOptions options, CancellationToken cancellationToken)
    {
        if (_docker is null)
        {
            return Task.FromResult(new WorkspaceImageResult(string.Empty, Built: false, ContextHash: string.Empty, InputFiles: []));
        }

        lock (_lock)
        {
            if (options.Pull != ImagePullPolicy.Always && WorkspaceImage.PlainImage(workspace, options) is { } image)
            {
                _provideMissingImage = WorkspaceImage.ProvideMissing(_docker, options.Pull, _getVariable, _loggers);
                return Task.FromResult(new WorkspaceImageResult(image, Built: false, ContextHash: string.Empty, InputFiles: []));
            }
        }

        return WorkspaceImage.EnsureAsync(_docker, workspace, options, _getVariable, _loggers, cancellationToken);
    }

    public ImageAtCreate? ImageAtCreate
    {
        get
        {
            lock (_lock)
            {
                return _provideMissingImage;
            }
        }
    }

    public Task<TargetOutcome> RunActionAsync(Target target, ActionContext context, string runDirectory, OutputTail tail, CancellationToken cancellationToken) =>
        ActionsFor(runDirectory).RunAsync(target, context, runDirectory, tail, cancellationToken);

    public async ValueTask EndActionsAsync()
    {
        RunActionRuntime? runtime;
        lock (_lock)
        {
            runtime = _started?.Runtime;
            _started = null;
        }

        if (runtime is not null)
        {
            await runtime.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await EndActionsAsync();
        _docker?.Dispose();
    }
}
