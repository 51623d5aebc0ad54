namespace Polycrate.Build.Execution.Docker;

/// <summary>Receives a container's output line by line, stdout and stderr separately (line ends removed).</summary>
internal sealed record ContainerOutput(Action<string> OnStdoutLine, Action<string> OnStderrLine)
{
    /// <summary>Drops all output.</summary>
    public static ContainerOutput Ignore { get; } = new(_ => { }, _ => { });
}
