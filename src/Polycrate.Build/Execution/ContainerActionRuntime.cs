using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Execution;

/// <summary>
/// Runs actions in the toolchain container through the engine API, exactly as prepared (environment, mounts and the
/// settings from docker_flags are all in the launch). The container is removed however the run ends, also on cancellation.
/// </summary>
internal sealed class ContainerActionRuntime : IActionRuntime
{
    private readonly ContainerRunner _runner;
    private readonly ImageAtCreate? _provideMissingImage;

    /// <param name="runner">Creates, runs and removes each container.</param>
    /// <param name="provideMissingImage">
    /// Makes an image available when a create finds it missing (see <see cref="ContainerRunRequest.ProvideMissingImage"/>);
    /// null when the run's image target already made sure of it.
    /// </param>
    public ContainerActionRuntime(ContainerRunner runner, ImageAtCreate? provideMissingImage = null)
    {
        _runner = runner;
        _provideMissingImage = provideMissingImage;
    }

    public async Task<int> RunAsync(ActionLaunch launch, Action<string, bool> onOutputLine, CancellationToken cancellationToken)
    {
        var spec = new ContainerSpec
        {
            Image = launch.Image ?? throw new ArgumentException("a container launch needs an image", nameof(launch)),
            Entrypoint = [launch.Command[0]],
            Command = launch.Command.Skip(1).ToList(),
            WorkingDirectory = launch.WorkingDirectory,
            Environment = launch.Environment.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)).ToList(),
            Binds = launch.Mounts.Select(m => new BindMount(m.HostPath, m.ContainerPath, m.ReadOnly)).ToList(),
            Labels = launch.Labels,
            NetworkMode = launch.Container.NetworkMode,
            User = launch.Container.User,
            Privileged = launch.Container.Privileged,
            Init = launch.Container.Init,
            CapAdd = launch.Container.CapAdd,
            ExtraHosts = launch.Container.ExtraHosts,
        };
        var result = await _runner.RunAsync(
            new ContainerRunRequest
            {
                Spec = spec,
                Output = new ContainerOutput(line => onOutputLine(line, false), line => onOutputLine(line, true)),
                ProvideMissingImage = _provideMissingImage,
            },
            cancellationToken);
        return (int)result.ExitCode;
    }
}
