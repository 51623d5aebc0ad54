using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.SharedContainers;

namespace Polycrate.Build.Execution;

/// <summary>
/// The runtime a run's actions use: this machine (no engine), a container per step (<see cref="RunOptions.IsolateSteps"/>),
/// or containers shared by the run's steps (the default). Dispose it when the run ends: shared containers are removed then.
/// </summary>
internal static class ActionRuntimeFactory
{
    /// <param name="docker">The engine; null runs on this machine.</param>
    /// <param name="options">The run's options (<see cref="RunOptions.IsolateSteps"/>).</param>
    /// <param name="runDirectory">The run's private directory.</param>
    /// <param name="loggers">Loggers.</param>
    /// <param name="provideMissingImage">
    /// Makes an image available that a create found missing (the image target did not
    /// inspect it, see <see cref="Docker.ContainerRunRequest.ProvideMissingImage"/>); null when the image target did.
    /// </param>
    public static RunActionRuntime Create(DockerClient? docker, RunOptions options, string runDirectory, ILoggerFactory loggers,
        ImageAtCreate? provideMissingImage = null) => new(docker switch
    {
        null => new HostActionRuntime(),
        _ when options.IsolateSteps => new ContainerActionRuntime(new ContainerRunner(docker, loggers.CreateLogger<ContainerRunner>()), provideMissingImage),
        _ => new SharedContainerRuntime(docker, runDirectory, loggers, provideMissingImage),
    });
}

/// <summary>A run's action runtime, owned by the run: disposing releases what the runtime keeps between steps.</summary>
internal sealed class RunActionRuntime(IActionRuntime inner) : IActionRuntime, IAsyncDisposable
{
    public IActionRuntime Inner => inner;

    public Task<int> RunAsync(ActionLaunch launch, Action<string, bool> onOutputLine, CancellationToken cancellationToken) =>
        inner.RunAsync(launch, onOutputLine, cancellationToken);

    public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}
