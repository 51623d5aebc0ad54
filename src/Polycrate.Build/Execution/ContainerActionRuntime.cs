using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Execution;

/// <summary>
/// Runs actions in the toolchain container through the engine API. Host network by default, as Polycrate does
/// (playbooks reach services on localhost); <c>--network</c> in docker_flags overrides it. The container is removed
/// however the run ends, also on cancellation.
/// </summary>
public sealed class ContainerActionRuntime : IActionRuntime
{
    private readonly ContainerRunner _runner;

    public ContainerActionRuntime(ContainerRunner runner)
    {
        _runner = runner;
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
            NetworkMode = "host",
            Init = true,
        };
        spec = DockerFlags.Apply(spec, launch.DockerFlags);
        var result = await _runner.RunAsync(
            new ContainerRunRequest { Spec = spec, Output = new ContainerOutput(line => onOutputLine(line, false), line => onOutputLine(line, true)) },
            cancellationToken);
        return (int)result.ExitCode;
    }
}
