using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Tests.Execution.Docker;

public sealed class DockerEndpointTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_DOCKER_HOST_means_the_default_socket(string? value)
    {
        var endpoint = DockerEndpoint.Parse(value);

        Assert.True(endpoint.IsUnixSocket);
        Assert.Equal("/var/run/docker.sock", endpoint.SocketPath);
    }

    [Fact]
    public void Unix_endpoint_keeps_the_socket_path()
    {
        var endpoint = DockerEndpoint.Parse("unix:///run/user/1000/docker.sock");

        Assert.Equal("/run/user/1000/docker.sock", endpoint.SocketPath);
        Assert.Equal("unix:///run/user/1000/docker.sock", endpoint.ToString());
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:2376", "127.0.0.1", 2376)]
    [InlineData("tcp://docker-host", "docker-host", 2375)]
    [InlineData("TCP://engine.local:12345/", "engine.local", 12345)]
    public void Tcp_endpoint_has_host_and_port(string value, string host, int port)
    {
        var endpoint = DockerEndpoint.Parse(value);

        Assert.False(endpoint.IsUnixSocket);
        Assert.Equal(host, endpoint.Host);
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData("ssh://user@host")]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("unix://relative.sock")]
    [InlineData("unix://")]
    [InlineData("tcp://host:2375/some/path")]
    [InlineData("/var/run/docker.sock")]
    public void Unsupported_values_are_invalid_input(string value)
    {
        var ex = Assert.Throws<ContainerException>(() => DockerEndpoint.Parse(value));

        Assert.Equal(ContainerErrorCodes.InvalidEndpoint, ex.Code);
        Assert.Equal(2, ex.ExitCode);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_read_DOCKER_HOST_through_the_given_environment()
    {
        var environment = new Dictionary<string, string> { ["DOCKER_HOST"] = "tcp://10.0.0.5:2375" };

        var options = DockerClientOptions.FromEnvironment(name => environment.GetValueOrDefault(name));

        Assert.Equal(DockerEndpoint.Tcp("10.0.0.5", 2375), options.Endpoint);
    }
}
