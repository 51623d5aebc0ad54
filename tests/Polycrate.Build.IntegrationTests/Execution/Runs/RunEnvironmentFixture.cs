using Polycrate.Build.Execution.Docker;
using Polycrate.Build.IntegrationTests.Execution.Docker;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// What end-to-end runs need, brought up through the repository's eng/ scripts as CI and eng/run-sample.sh do: a
/// Docker engine, the toolchain image actions run in and the target image the samples' sshd hosts run. Fails (never
/// skips) when any of them cannot be had.
/// </summary>
public sealed class RunEnvironmentFixture : IAsyncLifetime
{
    private DockerClient? _client;

    internal DockerClient Docker => _client ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        await DockerEngineFixture.RunScriptAsync("eng/start-docker.sh");
        await DockerEngineFixture.RunScriptAsync("eng/build-toolchain-image.sh", DockerEngineFixture.ToolchainImage);
        await DockerEngineFixture.RunScriptAsync("eng/build-target-image.sh", DockerEngineFixture.TargetImage);
        _client = new DockerClient(DockerClientOptions.FromEnvironment(Environment.GetEnvironmentVariable));
        await _client.PingAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _client?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Runs share the machine's 2 cores and the samples' fixed target ports: one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class RunsCollection : ICollectionFixture<RunEnvironmentFixture>
{
    public const string Name = "Runs (real containers)";
}
