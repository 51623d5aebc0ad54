using Microsoft.Extensions.Logging;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Cleanup;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;
using Polycrate.Build.Secrets.Workspace;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Runs;

/// <summary>
/// The real <see cref="IRunEngine"/>: the Docker engine (DOCKER_HOST, docker context or the default socket) for
/// container runs, this machine for host runs; actions go through <see cref="ActionRunner"/>.
/// </summary>
internal sealed class ToolchainRunEngine : IRunEngine
{
    private readonly DockerClient? _docker;
    private readonly IActionRuntime _runtime;
    private readonly ActionRunner _actions;
    private readonly ILoggerFactory _loggers;
    private readonly Func<string, string?> _getVariable;
    private readonly ILogger _logger;

    public ToolchainRunEngine(RunOptions options, IRunObserver observer, ILoggerFactory loggers, Func<string, string?> getVariable)
    {
        _loggers = loggers;
        _getVariable = getVariable;
        _logger = loggers.CreateLogger<ToolchainRunEngine>();
        _docker = options.Runtime == RuntimeKind.Container ? CreateDockerClient(loggers, getVariable) : null;
        _runtime = CreateRuntime(_docker, options, loggers);
        _actions = new ActionRunner(_runtime, observer, options, IdentitySource.From(null, getVariable), loggers);
    }

    public bool OnHost => _docker is null;

    internal static DockerClient CreateDockerClient(ILoggerFactory loggers, Func<string, string?> getVariable) =>
        new(DockerClientOptions.FromEnvironment(getVariable), loggers.CreateLogger<DockerClient>());

    /// <summary>The one place a run's action runtime is chosen: the host, or one container per action.</summary>
    private static IActionRuntime CreateRuntime(DockerClient? docker, RunOptions options, ILoggerFactory loggers) =>
        docker is null
            ? new HostActionRuntime()
            : new ContainerActionRuntime(new ContainerRunner(docker, loggers.CreateLogger<ContainerRunner>()));

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

    public Task<WorkspaceImageResult> EnsureImageAsync(Workspace workspace, RunOptions options, CancellationToken cancellationToken) =>
        _docker is null
            ? Task.FromResult(new WorkspaceImageResult(string.Empty, Built: false, ContextHash: string.Empty, InputFiles: []))
            : WorkspaceImage.EnsureAsync(_docker, workspace, options, _getVariable, _loggers, cancellationToken);

    public Task<TargetOutcome> RunActionAsync(Target target, ActionContext context, string runDirectory, OutputTail tail, CancellationToken cancellationToken) =>
        _actions.RunAsync(target, context, runDirectory, tail, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        switch (_runtime)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }

        _docker?.Dispose();
    }
}
