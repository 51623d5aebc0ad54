using System.Security.Cryptography;
using System.Text;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Limits;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Execution.Docker;

/// <summary>The engine as the docker CLI picks it: DOCKER_HOST, else the active docker context, else the default socket.</summary>
public sealed class DockerContextTests : IDisposable
{
    private readonly TempWorkspace _home = new();
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    public DockerContextTests() => _variables["HOME"] = _home.Root;

    public void Dispose() => _home.Dispose();

    private DockerClientOptions Options() => DockerClientOptions.FromEnvironment(name => _variables.GetValueOrDefault(name));

    private void Context(string name, string host) =>
        _home.Write($".docker/contexts/meta/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))}/meta.json",
            $"{{\"Name\":\"{name}\",\"Metadata\":{{}},\"Endpoints\":{{\"docker\":{{\"Host\":\"{host}\",\"SkipTLSVerify\":false}}}}}}");

    [Fact]
    public void The_current_context_of_config_json_is_used_when_DOCKER_HOST_is_unset()
    {
        Context("colima", "unix:///home/me/.colima/default/docker.sock");
        _home.Write(".docker/config.json", "{\"auths\":{},\"currentContext\":\"colima\"}");

        var options = Options();

        Assert.Equal("/home/me/.colima/default/docker.sock", options.Endpoint.SocketPath);
        Assert.Contains("docker context 'colima'", options.EndpointSource, StringComparison.Ordinal);
    }

    [Fact]
    public void DOCKER_CONTEXT_wins_over_config_json_and_DOCKER_HOST_wins_over_both()
    {
        Context("colima", "unix:///colima.sock");
        Context("rootless", "unix:///run/user/1000/docker.sock");
        _home.Write(".docker/config.json", "{\"currentContext\":\"colima\"}");
        _variables["DOCKER_CONTEXT"] = "rootless";

        Assert.Equal("/run/user/1000/docker.sock", Options().Endpoint.SocketPath);

        _variables["DOCKER_HOST"] = "unix:///explicit.sock";
        Assert.Equal("/explicit.sock", Options().Endpoint.SocketPath);
        Assert.Equal("DOCKER_HOST", Options().EndpointSource);
    }

    [Fact]
    public void No_context_or_the_default_context_means_the_default_socket()
    {
        Assert.Equal(DockerEndpoint.Default, Options().Endpoint);
        _home.Write(".docker/config.json", "{\"currentContext\":\"default\"}");
        Assert.Equal(DockerEndpoint.Default, Options().Endpoint);
    }

    [Fact]
    public void A_context_that_does_not_exist_is_an_error_that_says_how_to_pick_one()
    {
        _variables["DOCKER_CONTEXT"] = "gone";

        var error = Assert.Throws<ContainerException>(Options);

        Assert.Equal(ContainerErrorCodes.InvalidContext, error.Code);
        Assert.Contains("docker context 'gone' from DOCKER_CONTEXT does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("docker context use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_engine_timeout_is_read_from_POLYCRATE_DOCKER_TIMEOUT_and_a_bad_value_is_refused()
    {
        _variables[LimitVariables.DockerTimeout] = "2.5";
        Assert.Equal(TimeSpan.FromSeconds(2.5), Options().RequestTimeout);

        _variables[LimitVariables.DockerTimeout] = "soon";
        var error = Assert.Throws<InvalidLimitException>(Options);
        Assert.Equal("PCB7001", error.Code);
        Assert.Equal(2, error.ExitCode);
    }
}
