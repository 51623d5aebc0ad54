namespace Polycrate.Build.Execution.Docker;

/// <summary>How to reach the Docker engine. Build it from the environment with <see cref="FromEnvironment"/>.</summary>
public sealed record DockerClientOptions
{
    /// <summary>Oldest engine API version this client speaks (Debian 12's docker.io 20.10 speaks 1.41).</summary>
    public const string MinimumApiVersion = "1.41";

    /// <summary>Newest engine API version this client asks for; newer engines are spoken to at this version.</summary>
    public const string MaximumApiVersion = "1.45";

    public DockerEndpoint Endpoint { get; init; } = DockerEndpoint.Default;

    /// <summary>How long to wait for the connection to the engine (not for the request; calls take a token).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reads <c>DOCKER_HOST</c> through <paramref name="getVariable"/> (e.g. Environment.GetEnvironmentVariable).</summary>
    public static DockerClientOptions FromEnvironment(Func<string, string?> getVariable) =>
        new() { Endpoint = DockerEndpoint.Parse(getVariable("DOCKER_HOST")) };
}
