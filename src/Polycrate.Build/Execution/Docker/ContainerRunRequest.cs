namespace Polycrate.Build.Execution.Docker;

/// <summary>One container run through <see cref="ContainerRunner"/>.</summary>
internal sealed record ContainerRunRequest
{
    public required ContainerSpec Spec { get; init; }

    public ContainerOutput Output { get; init; } = ContainerOutput.Ignore;

    /// <summary>On cancellation the container gets SIGTERM, then SIGKILL after this long.</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Called when the engine answers the create with 404 "no such image": makes the image available (pull by the run's
    /// policy, or fail), after which the create is tried once more. The image is not inspected before the create; null
    /// reports the engine's 404.
    /// </summary>
    public ImageAtCreate? ProvideMissingImage { get; init; }

    /// <summary>Remove the container (and its anonymous volumes) when the run ends, however it ends.</summary>
    public bool Remove { get; init; } = true;
}
