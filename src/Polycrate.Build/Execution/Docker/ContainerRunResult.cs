namespace Polycrate.Build.Execution.Docker;

/// <summary>How a container run ended: the container's id and its main process's exit code.</summary>
internal sealed record ContainerRunResult(string ContainerId, long ExitCode);
