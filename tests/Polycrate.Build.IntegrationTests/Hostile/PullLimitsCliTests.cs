using Polycrate.Build.IntegrationTests.Registry.Hostile;

namespace Polycrate.Build.IntegrationTests.Hostile;

/// <summary>The limits are set through the process environment of the real CLI; a bad value is invalid input.</summary>
public sealed class PullLimitsCliTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-pull-limits-").FullName;

    public PullLimitsCliTests() => File.WriteAllText(Path.Combine(_root, "workspace.poly"), "name: consumer\n");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task POLYCRATE_MAX_BLOCK_LAYERS_lowers_the_limit_and_the_error_names_it()
    {
        var artifact = new HostileArtifact();
        for (var i = 0; i < 3; i++)
        {
            artifact.AddLayer(HostileArtifact.BlockLayer("block", "1.0.0"));
        }

        await using var server = new HostileRegistry(artifact.Serve());
        var reference = $"{server.Authority}/hostile/block:1.0.0";

        var limited = await CliProcess.RunAsync(["-w", _root, "blocks", "pull", reference], new Dictionary<string, string?> { ["POLYCRATE_MAX_BLOCK_LAYERS"] = "2" });
        Assert.True(limited.ExitCode == 1, $"exit {limited.ExitCode}: {limited.Stderr}");
        Assert.Contains("error PCB4020", limited.Stderr, StringComparison.Ordinal);
        Assert.Contains("3 layers, more than 2", limited.Stderr, StringComparison.Ordinal);
        Assert.Contains("POLYCRATE_MAX_BLOCK_LAYERS", limited.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "blocks")) && Directory.EnumerateFiles(Path.Combine(_root, "blocks"), "*", SearchOption.AllDirectories).Any());

        var invalid = await CliProcess.RunAsync(["-w", _root, "blocks", "pull", reference], new Dictionary<string, string?> { ["POLYCRATE_MAX_BLOCK_LAYERS"] = "lots" });
        Assert.True(invalid.ExitCode == 2, $"exit {invalid.ExitCode}: {invalid.Stderr}");
        Assert.Contains("error PCB7001", invalid.Stderr, StringComparison.Ordinal);

        var pulled = await CliProcess.RunAsync(["-w", _root, "blocks", "pull", reference]);
        Assert.True(pulled.ExitCode == 0, $"exit {pulled.ExitCode}: {pulled.Stderr}");
        Assert.Equal(1, server.Count("GET", artifact.Layers[0].Digest));
    }
}
