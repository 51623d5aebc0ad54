using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;

namespace Polycrate.Build.IntegrationTests.Execution.Docker;

/// <summary>
/// Workspace images do not pile up: after a new tag is built, this checkout's older tags go — but not while a container
/// (even a stopped one) uses one, and never another checkout's images of a workspace with the same name.
/// </summary>
[Collection(DockerEngineCollection.Name)]
public sealed class WorkspaceImagePruningTests(DockerEngineFixture fixture) : IAsyncLifetime
{
    private readonly string _checkout = Directory.CreateTempSubdirectory("pcb-prune-a-").FullName;
    private readonly string _otherCheckout = Directory.CreateTempSubdirectory("pcb-prune-b-").FullName;
    private readonly string _workspaceName = "pcb-prune-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _tags = [];
    private readonly List<string> _containers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var container in _containers)
        {
            await fixture.Client.RemoveContainerAsync(container, CancellationToken.None);
        }

        foreach (var tag in _tags.Distinct())
        {
            await fixture.Client.RemoveImageAsync(tag, force: true, CancellationToken.None);
        }

        Directory.Delete(_checkout, recursive: true);
        Directory.Delete(_otherCheckout, recursive: true);
    }

    private async Task<string> BuildAsync(string root, string content)
    {
        File.WriteAllText(Path.Combine(root, "Dockerfile.poly"), $"FROM {DockerEngineFixture.ToolchainImage}\nCOPY version.txt /version.txt\n");
        File.WriteAllText(Path.Combine(root, "version.txt"), content);
        var result = await new WorkspaceImageBuilder(fixture.Client, NullLogger.Instance).EnsureImageAsync(
            new WorkspaceImageRequest { WorkspaceRoot = root, WorkspaceName = _workspaceName }, CancellationToken.None);
        Assert.True(result.Built);
        _tags.Add(result.Tag);
        return result.Tag;
    }

    private async Task<bool> ExistsAsync(string tag) => await fixture.Client.InspectImageAsync(tag, CancellationToken.None) is not null;

    [Fact]
    public async Task A_new_build_removes_older_tags_of_this_checkout_only_once_no_container_uses_them()
    {
        var first = await BuildAsync(_checkout, "1");
        var elsewhere = await BuildAsync(_otherCheckout, "other");
        // A stopped container of the first image: the image must survive the next build.
        _containers.Add(await fixture.Client.CreateContainerAsync(
            new ContainerSpec { Image = first, Name = "pcb-prune-" + Guid.NewGuid().ToString("N")[..8], Entrypoint = ["true"] }, CancellationToken.None));

        var second = await BuildAsync(_checkout, "2");

        Assert.True(await ExistsAsync(first), "an image a stopped container uses must stay");
        Assert.True(await ExistsAsync(second));

        await fixture.Client.RemoveContainerAsync(_containers[0], CancellationToken.None);
        _containers.Clear();
        var third = await BuildAsync(_checkout, "3");

        Assert.False(await ExistsAsync(first), $"{first} should be removed once no container uses it");
        Assert.False(await ExistsAsync(second), $"{second} should be removed by the next build");
        Assert.True(await ExistsAsync(third));
        Assert.True(await ExistsAsync(elsewhere), "another checkout's image of the same workspace name must stay");
        Assert.Equal(WorkspaceImageTag.RepositoryFor(_workspaceName), elsewhere[..elsewhere.IndexOf(':', StringComparison.Ordinal)]);
    }
}
