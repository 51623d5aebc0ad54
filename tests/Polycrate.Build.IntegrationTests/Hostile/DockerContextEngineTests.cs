using System.Security.Cryptography;
using System.Text;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.IntegrationTests.Execution.Docker;

namespace Polycrate.Build.IntegrationTests.Hostile;

/// <summary>
/// With DOCKER_HOST unset, the active docker context decides the engine (as for Colima, Rancher Desktop and rootless
/// Docker): a context whose endpoint is this machine's engine socket, selected in config.json, reaches the real engine.
/// </summary>
[Collection(DockerEngineCollection.Name)]
public sealed class DockerContextEngineTests(DockerEngineFixture fixture) : IDisposable
{
    private readonly string _config = Directory.CreateTempSubdirectory("pcb-docker-config-").FullName;

    public void Dispose() => Directory.Delete(_config, recursive: true);

    [Fact]
    public async Task The_current_context_reaches_the_engine_it_names()
    {
        var socket = fixture.Client.Endpoint.SocketPath ?? DockerEndpoint.DefaultSocketPath;
        var link = Path.Combine(_config, "engine.sock");
        File.CreateSymbolicLink(link, socket); // a socket path only the context knows, like ~/.colima/default/docker.sock
        var meta = Path.Combine(_config, "contexts", "meta", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("pcb-test"))));
        Directory.CreateDirectory(meta);
        await File.WriteAllTextAsync(Path.Combine(meta, "meta.json"), $"{{\"Name\":\"pcb-test\",\"Endpoints\":{{\"docker\":{{\"Host\":\"unix://{link}\"}}}}}}");
        await File.WriteAllTextAsync(Path.Combine(_config, "config.json"), "{\"currentContext\":\"pcb-test\"}");
        var variables = new Dictionary<string, string> { ["DOCKER_CONFIG"] = _config };

        var options = DockerClientOptions.FromEnvironment(name => variables.GetValueOrDefault(name));
        using var client = new DockerClient(options);

        Assert.Equal(link, options.Endpoint.SocketPath);
        await client.PingAsync(CancellationToken.None);
        Assert.StartsWith("1.", await client.GetNegotiatedApiVersionAsync(CancellationToken.None), StringComparison.Ordinal);
    }
}
