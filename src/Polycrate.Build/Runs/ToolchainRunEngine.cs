using Microsoft.Extensions.Logging;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;
using Polycrate.Build.Secrets.Workspace;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Runs;

/// <summary>
/// The real <see cref="IRunEngine"/>: the Docker engine (DOCKER_HOST or the default socket) for container runs, this
/// machine for host runs; actions go through <see cref="ActionRunner"/>.
/// </summary>
internal sealed class ToolchainRunEngine : IRunEngine
{
    private readonly DockerClient? _docker;
    private readonly ActionRunner _actions;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;

    public ToolchainRunEngine(RunOptions options, IRunObserver observer, ILoggerFactory loggers, Func<string, string?> getVariable)
    {
        _loggers = loggers;
        _logger = loggers.CreateLogger<ToolchainRunEngine>();
        _docker = options.Runtime == RuntimeKind.Container ? CreateDockerClient(loggers, getVariable) : null;
        IActionRuntime runtime = _docker is null
            ? new HostActionRuntime()
            : new ContainerActionRuntime(new ContainerRunner(_docker, loggers.CreateLogger<ContainerRunner>()));
        _actions = new ActionRunner(runtime, observer, options, IdentitySource.From(null, getVariable), loggers);
    }

    public bool OnHost => _docker is null;

    internal static DockerClient CreateDockerClient(ILoggerFactory loggers, Func<string, string?> getVariable) =>
        new(DockerClientOptions.FromEnvironment(getVariable), loggers.CreateLogger<DockerClient>());

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

    public Task<WorkspaceImageResult> EnsureImageAsync(Workspace workspace, RunOptions options, CancellationToken cancellationToken) =>
        _docker is null
            ? Task.FromResult(new WorkspaceImageResult(string.Empty, Built: false, ContextHash: string.Empty, InputFiles: []))
            : WorkspaceImage.EnsureAsync(_docker, workspace, options, _loggers, cancellationToken);

    public Task<TargetOutcome> RunActionAsync(Target target, ActionContext context, string runDirectory, OutputTail tail, CancellationToken cancellationToken) =>
        _actions.RunAsync(target, context, runDirectory, tail, cancellationToken);

    public void Dispose() => _docker?.Dispose();
}
