using System.Collections.Concurrent;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.IntegrationTests.Execution.Docker;

[Collection(DockerEngineCollection.Name)]
public sealed class WorkspaceImageBuilderTests(DockerEngineFixture fixture) : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-ws-").FullName;

    // A fresh name per run, so an image left by an earlier run can never satisfy the first EnsureImageAsync.
    private readonly string _workspaceName = "IT Docker " + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private readonly List<string> _builtTags = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var tag in _builtTags.Distinct())
        {
            await fixture.Client.RemoveImageAsync(tag, force: true, CancellationToken.None);
        }

        Directory.Delete(_root, recursive: true);
    }

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private async Task<WorkspaceImageResult> EnsureAsync(ConcurrentQueue<string>? output = null)
    {
        var result = await new WorkspaceImageBuilder(fixture.Client).EnsureImageAsync(
            new WorkspaceImageRequest
            {
                WorkspaceRoot = _root,
                WorkspaceName = _workspaceName,
                OnBuildOutput = output is null ? null : output.Enqueue,
            },
            CancellationToken.None);
        _builtTags.Add(result.Tag);
        return result;
    }

    private async Task<(long ExitCode, List<string> Stdout)> RunInAsync(string image, string script)
    {
        var stdout = new ConcurrentQueue<string>();
        var result = await new ContainerRunner(fixture.Client).RunAsync(
            new ContainerRunRequest
            {
                Spec = new ContainerSpec { Image = image, Entrypoint = ["/bin/bash", "-c", script] },
                Output = new ContainerOutput(stdout.Enqueue, stdout.Enqueue),
            },
            CancellationToken.None);
        return (result.ExitCode, stdout.ToList());
    }

    [Fact]
    public async Task Builds_once_skips_when_unchanged_rebuilds_on_change_and_never_sends_secrets()
    {
        Write("Dockerfile.poly", $"FROM {DockerEngineFixture.ToolchainImage}\nCOPY . /ctx\nRUN echo polycrate-build-step-ran\n");
        Write("workspace.poly", "name: it-docker\n");
        Write("blocks/web/block.poly", "name: web\n");
        Write("artifacts/secrets/kubeconfig.yml", "token: do-not-ship\n");
        Write("artifacts/secrets.txt.age", "age-encrypted\n");
        Write(".git/config", "[core]\n");
        Write(".logs/run.log", "old output\n");
        var output = new ConcurrentQueue<string>();

        var first = await EnsureAsync(output);

        Assert.True(first.Built);
        Assert.Matches("^polycrate-workspace-it-docker-[0-9a-f]{8}:[0-9a-f]{16}$", first.Tag);
        Assert.Contains(output, line => line.Contains("polycrate-build-step-ran", StringComparison.Ordinal));
        var image = await fixture.Client.InspectImageAsync(first.Tag, CancellationToken.None);
        Assert.NotNull(image);
        Assert.Equal(first.ContextHash, image.Labels["polycrate.context-hash"]);

        var (exitCode, files) = await RunInAsync(first.Tag, "cd /ctx && find . -mindepth 1 | sort");
        Assert.Equal(0, exitCode);
        Assert.Equal(["./Dockerfile.poly", "./blocks", "./blocks/web", "./blocks/web/block.poly", "./workspace.poly"], files);

        var second = await EnsureAsync();
        Assert.False(second.Built);
        Assert.Equal(first.Tag, second.Tag);

        // Writing secrets or logs does not make the image stale; changing a context file does.
        Write("artifacts/secrets/another.txt", "still secret\n");
        Write(".logs/run2.log", "more output\n");
        Assert.False((await EnsureAsync()).Built);

        Write("blocks/web/block.poly", "name: web\nversion: 0.0.2\n");
        var third = await EnsureAsync();
        Assert.True(third.Built);
        Assert.NotEqual(first.Tag, third.Tag);
        var (_, content) = await RunInAsync(third.Tag, "cat /ctx/blocks/web/block.poly");
        Assert.Equal(["name: web", "version: 0.0.2"], content);
    }

    [Fact]
    public async Task A_failing_build_step_fails_with_the_engines_message()
    {
        Write("Dockerfile.poly", $"FROM {DockerEngineFixture.ToolchainImage}\nRUN echo about to fail && exit 3\n");

        var ex = await Assert.ThrowsAsync<ContainerException>(() => EnsureAsync());

        Assert.Equal(DiagnosticCodes.StreamError, ex.Code);
        Assert.Contains("non-zero code: 3", ex.Message, StringComparison.Ordinal);
    }
}
