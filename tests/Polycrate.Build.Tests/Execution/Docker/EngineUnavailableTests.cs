using System.Diagnostics;
using System.Net.Sockets;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Execution.Docker;

/// <summary>Engines that are missing, or that accept a connection and never answer: a coded error naming the socket, in bounded time.</summary>
public sealed class EngineUnavailableTests : IDisposable
{
    private readonly TempWorkspace _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_socket_that_accepts_and_never_answers_fails_within_the_timeout_naming_the_socket()
    {
        var socketPath = _directory.PathOf("silent.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(16);
        var accepted = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await listener.AcceptAsync()); // accept, read nothing, answer nothing
            }
        });
        using var client = new DockerClient(new DockerClientOptions
        {
            Endpoint = DockerEndpoint.Unix(socketPath),
            EndpointSource = "DOCKER_HOST",
            RequestTimeout = TimeSpan.FromSeconds(1),
        });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ContainerException>(() => client.GetNegotiatedApiVersionAsync(CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Equal(ContainerErrorCodes.EngineTimeout, error.Code);
        Assert.Contains($"unix://{socketPath} (DOCKER_HOST) accepted the connection but did not answer GET /version within 1 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("POLYCRATE_DOCKER_TIMEOUT", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(accepted);
        foreach (var socket in accepted)
        {
            socket.Dispose();
        }
    }

    [Fact]
    public async Task A_missing_socket_file_is_reported_as_missing_with_how_to_start_an_engine()
    {
        var socketPath = _directory.PathOf("absent.sock");
        using var client = new DockerClient(new DockerClientOptions { Endpoint = DockerEndpoint.Unix(socketPath), EndpointSource = "DOCKER_HOST" });

        var error = await Assert.ThrowsAsync<ContainerException>(() => client.PingAsync(CancellationToken.None));

        Assert.Equal(ContainerErrorCodes.EngineUnavailable, error.Code);
        Assert.Contains($"the socket file {socketPath} does not exist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot assign requested address", error.Message, StringComparison.Ordinal);
        Assert.Contains("systemctl start docker", error.Message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_socket_file_nobody_listens_on_is_reported_as_refused()
    {
        // What a crashed engine leaves: the socket file, nobody behind it. .NET unlinks a socket file it bound when the
        // socket closes, so keep a second name (hard link) of it.
        var socketPath = _directory.PathOf("dead.sock");
        using (var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            listener.Bind(new UnixDomainSocketEndPoint(_directory.PathOf("bound.sock")));
            using var link = Process.Start("ln", [_directory.PathOf("bound.sock"), socketPath]);
            await link.WaitForExitAsync();
        }

        Assert.True(File.Exists(socketPath));

        using var client = new DockerClient(new DockerClientOptions { Endpoint = DockerEndpoint.Unix(socketPath) });

        var error = await Assert.ThrowsAsync<ContainerException>(() => client.PingAsync(CancellationToken.None));

        Assert.Equal(ContainerErrorCodes.EngineUnavailable, error.Code);
        Assert.Contains("nothing accepts connections", error.Message, StringComparison.Ordinal);
    }
}
