namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// Where the Docker engine listens: a unix socket (<c>unix:///var/run/docker.sock</c>) or a plain TCP address
/// (<c>tcp://host:2375</c>), in the syntax of <c>DOCKER_HOST</c>. TLS endpoints are not supported.
/// </summary>
internal sealed record DockerEndpoint
{
    public const string DefaultSocketPath = "/var/run/docker.sock";

    private DockerEndpoint(string? socketPath, string? host, int port)
    {
        SocketPath = socketPath;
        Host = host;
        Port = port;
    }

    /// <summary>The engine's default local socket.</summary>
    public static DockerEndpoint Default { get; } = Unix(DefaultSocketPath);

    /// <summary>Path of the unix socket, or null for a TCP endpoint.</summary>
    public string? SocketPath { get; }

    /// <summary>Host name or address of a TCP endpoint, or null for a unix socket.</summary>
    public string? Host { get; }

    public int Port { get; }

    public bool IsUnixSocket => SocketPath is not null;

    public static DockerEndpoint Unix(string socketPath) => new(socketPath, null, 0);

    public static DockerEndpoint Tcp(string host, int port) => new(null, host, port);

    /// <summary>
    /// Parses a <c>DOCKER_HOST</c> value; null or blank means <see cref="Default"/>.
    /// Accepts <c>unix:///path</c> and <c>tcp://host[:port]</c> (port 2375 when omitted).
    /// </summary>
    public static DockerEndpoint Parse(string? dockerHost)
    {
        if (string.IsNullOrWhiteSpace(dockerHost))
        {
            return Default;
        }

        var value = dockerHost.Trim();
        if (value.StartsWith("unix://", StringComparison.OrdinalIgnoreCase))
        {
            var path = value["unix://".Length..];
            if (path.Length == 0 || path[0] != '/')
            {
                throw Invalid(value, "a unix endpoint needs an absolute socket path, e.g. unix:///var/run/docker.sock");
            }

            return Unix(path);
        }

        if (value.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate("http://" + value["tcp://".Length..], UriKind.Absolute, out var uri)
                || uri.Host.Length == 0
                || uri.AbsolutePath is not ("/" or ""))
            {
                throw Invalid(value, "a tcp endpoint looks like tcp://host:2375");
            }

            return Tcp(uri.Host, uri.IsDefaultPort ? 2375 : uri.Port);
        }

        throw Invalid(value, "only unix:///path and tcp://host:port are supported (no ssh://, npipe:// or TLS)");
    }

    /// <summary>The endpoint in DOCKER_HOST syntax.</summary>
    public override string ToString() => IsUnixSocket ? $"unix://{SocketPath}" : $"tcp://{Host}:{Port}";

    private static ContainerException Invalid(string value, string why) => new(
        ContainerErrorCodes.InvalidEndpoint,
        $"DOCKER_HOST '{value}' is not a usable Docker endpoint: {why}. Fix or unset DOCKER_HOST.",
        exitCode: 2);
}
