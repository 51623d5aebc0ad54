using Polycrate.Build.IntegrationTests.Execution.Runs;
using Polycrate.Build.Registry.Archive;

namespace Polycrate.Build.IntegrationTests.Crash;

/// <summary>
/// Issue 12 item 2 for pulls, against a registry of the test's own: a real <c>kill -9</c> of <c>blocks pull</c>
/// mid-download leaves a staging folder and a <c>.layer-*.tmp</c>, a refused pull leaves empty
/// <c>blocks/&lt;registry&gt;/&lt;path&gt;</c> folders; the next command removes all of them.
/// </summary>
public sealed class CrashDuringPullTests : IDisposable
{
    private readonly TestWorkspace _workspace = TestWorkspace.Create("");
    private readonly StallingRegistry _registry = new();

    public void Dispose()
    {
        _registry.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Staging_folder_and_layer_file_of_a_killed_pull_are_removed_by_the_next_command()
    {
        _registry.Add("acme/slow", layer: null);
        var parent = _workspace.PathOf($"blocks/{_registry.Host}/acme");

        using var cli = CliProcess.Start(new Dictionary<string, string>(), "-w", _workspace.Root, "blocks", "pull", $"{_registry.Host}/acme/slow:1.0.0");
        await cli.WaitUntilAsync(() => Task.FromResult(
            Directory.Exists(parent) && Directory.EnumerateFiles(parent, ".layer-*.tmp").Any(f => new FileInfo(f).Length > 0)),
            TimeSpan.FromMinutes(2), "the layer download");
        await cli.KillNineAsync();

        Assert.Single(Directory.EnumerateDirectories(parent, ".slow.pull-*"));
        Assert.Single(Directory.EnumerateFiles(parent, ".layer-*.tmp"));

        var next = await _workspace.RunAsync("blocks", "list");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.False(Directory.Exists(_workspace.PathOf($"blocks/{_registry.Host}")), "staging, layer file and the then empty folders must be gone");
    }

    [Fact]
    public async Task Empty_folders_of_a_refused_pull_are_removed_by_the_next_command()
    {
        var block = Directory.CreateTempSubdirectory("pcb-wrong-block-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(block, "block.poly"), "name: something-else\nversion: 1.0.0\n");
            using var layer = await BlockPacker.PackAsync(block, null, CancellationToken.None);
            _registry.Add("acme/team/wrong", await File.ReadAllBytesAsync(layer.FilePath));
        }
        finally
        {
            Directory.Delete(block, recursive: true);
        }

        var pull = await _workspace.RunAsync("blocks", "pull", $"{_registry.Host}/acme/team/wrong:1.0.0");

        Assert.True(pull.ExitCode != 0, pull.ToString());
        Assert.Contains("PCB4008", pull.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_workspace.PathOf("blocks"), "*", SearchOption.AllDirectories));

        var next = await _workspace.RunAsync("blocks", "list");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.False(Directory.Exists(_workspace.PathOf($"blocks/{_registry.Host}")));
    }
}
