using Polycrate.Build.Limits;

namespace Polycrate.Build.Execution.Docker;

/// <summary>How to reach the Docker engine. Build it from the environment with <see cref="FromEnvironment"/>.</summary>
internal sealed record DockerClientOptions
{
    /// <summary>Oldest engine API version this client speaks (Debian 12's docker.io 20.10 speaks 1.41).</summary>
    public const string MinimumApiVersion = "1.41";

    /// <summary>Newest engine API version this client asks for; newer engines are spoken to at this version.</summary>
    public const string MaximumApiVersion = "1.45";

    /// <summary>Default of <see cref="RequestTimeout"/>: generous for a loaded machine, short enough to notice a hung engine.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(120);

    public const string DefaultEndpointSource = "the default socket";

    public DockerEndpoint Endpoint { get; init; } = DockerEndpoint.Default;

    /// <summary>Where <see cref="Endpoint"/> came from ("DOCKER_HOST", "docker context 'colima'" …), named in error messages.</summary>
    public string EndpointSource { get; init; } = DefaultEndpointSource;

    /// <summary>How long to wait for the connection to the engine.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an Engine API request may take (for streams: until the answer starts; pull and build streams may then
    /// stay silent ten times as long). Waiting for a container to exit is not bounded. POLYCRATE_DOCKER_TIMEOUT.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>
    /// The engine as the docker CLI would pick it: <c>DOCKER_HOST</c>; else the active docker context
    /// (<c>DOCKER_CONTEXT</c>, else <c>currentContext</c> in <c>$DOCKER_CONFIG/config.json</c> or <c>~/.docker/config.json</c>),
    /// as used by Colima, Rancher Desktop and rootless Docker; else the default socket. Also reads POLYCRATE_DOCKER_TIMEOUT.
    /// </summary>
    /// <param name="getVariable">Reads an environment variable (e.g. Environment.GetEnvironmentVariable).</param>
    /// <exception cref="ContainerException">DOCKER_HOST or the context cannot be used (PCB3005, PCB3013).</exception>
    public static DockerClientOptions FromEnvironment(Func<string, string?> getVariable)
    {
        var timeout = LimitVariables.Seconds(getVariable, LimitVariables.DockerTimeout, DefaultRequestTimeout);
        var dockerHost = getVariable("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(dockerHost))
        {
            return new() { Endpoint = DockerEndpoint.Parse(dockerHost), EndpointSource = "DOCKER_HOST", RequestTimeout = timeout };
        }

        var context = DockerContextResolver.Resolve(getVariable);
        return context is null
            ? new() { RequestTimeout = timeout }
            : new() { Endpoint = context.Value.Endpoint, EndpointSource = context.Value.Source, RequestTimeout = timeout };
    }
}
