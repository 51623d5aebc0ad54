using Polycrate.Build.Graph;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>The incremental image target of a real run: a Dockerfile.poly is built once, skipped while unchanged, rebuilt on change.</summary>
[Collection(RunsCollection.Name)]
public sealed class WorkspaceImageRunTests(RunEnvironmentFixture fixture) : IAsyncLifetime
{
    private readonly TestWorkspace _workspace = Create();
    private readonly List<string> _tags = [];

    private static TestWorkspace Create()
    {
        var workspace = TestWorkspace.Create("""
            blocks:
              - name: tools
                actions:
                  - name: show
                    script:
                      - cat /etc/probe-release
            """);
        workspace.Write("blocks/tools/block.poly", "name: tools\n");
        return workspace;
    }

    private void WriteDockerfile(string release) =>
        _workspace.Write("Dockerfile.poly", $"FROM {Docker.DockerEngineFixture.ToolchainImage}\nRUN echo {release} > /etc/probe-release\n");

    private async Task<(CliRun Run, string ImageStatus, string Tag)> RunShowAsync()
    {
        var run = await _workspace.RunAsync("run", "tools", "show");
        Assert.True(run.ExitCode == 0, run.ToString());
        var image = _workspace.LatestLog().Target(Target.ImageId);
        // The message is "<tag> built" or "<tag> up to date (…)": the tag is its first word.
        var tag = (image["message"]?.ToString() ?? string.Empty).Split(' ')[0];
        _tags.Add(tag);
        return (run, image["status"]?.ToString() ?? string.Empty, tag);
    }

    [Fact]
    public async Task A_dockerfile_is_built_once_skipped_while_unchanged_and_rebuilt_after_a_change()
    {
        var first = Guid.NewGuid().ToString("N")[..8];
        WriteDockerfile(first);
        var built = await RunShowAsync();
        Assert.Equal("succeeded", built.ImageStatus);
        Assert.Contains(first, built.Run.Stdout);

        var again = await RunShowAsync();
        Assert.Equal("up-to-date", again.ImageStatus);
        Assert.Equal(built.Tag, again.Tag);
        Assert.Contains(first, again.Run.Stdout);

        var second = Guid.NewGuid().ToString("N")[..8];
        WriteDockerfile(second);
        var rebuilt = await RunShowAsync();
        Assert.Equal("succeeded", rebuilt.ImageStatus);
        Assert.NotEqual(built.Tag, rebuilt.Tag);
        Assert.Contains(second, rebuilt.Run.Stdout);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var tag in _tags.Distinct().Where(t => t.Length > 0))
        {
            await fixture.Docker.RemoveImageAsync(tag, force: true, CancellationToken.None);
        }

        _workspace.Dispose();
    }
}
