using System.Diagnostics;
using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.IntegrationTests.Execution.Docker;

/// <summary>
/// A running Docker engine and the local toolchain image, brought up through the repository's own eng/ scripts
/// exactly as CI does. Fails (never skips) when either cannot be had.
/// </summary>
public sealed class DockerEngineFixture : IAsyncLifetime
{
    public const string ToolchainImage = "polycrate-toolchain:bookworm-2";
    public const string TargetImage = "polycrate-target:bookworm-1";

    private DockerClient? _client;

    internal DockerClient Client => _client ?? throw new InvalidOperationException("The fixture is not initialised.");

    public static string RepositoryRoot => Testing.RepositoryRoot.Path;

    public async Task InitializeAsync()
    {
        await RunScriptAsync("eng/start-docker.sh");
        await RunScriptAsync("eng/build-toolchain-image.sh", ToolchainImage);
        _client = new DockerClient(DockerClientOptions.FromEnvironment(Environment.GetEnvironmentVariable));
        await _client.PingAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _client?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs a script of eng/ with bash; a non-zero exit fails with the script's output.</summary>
    public static async Task RunScriptAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start bash for {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{script} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DockerEngineCollection : ICollectionFixture<DockerEngineFixture>
{
    public const string Name = "Docker engine";
}
