using System.Collections.Concurrent;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;

namespace Polycrate.Build.IntegrationTests.Execution.Docker;

/// <summary>
/// No image inspect before a create: the create is the check. Against the real engine, with a tag that does not exist
/// yet: the 404 "no such image" calls the provider once (here it tags the toolchain image, as a build or pull would make
/// it), and the create is tried again; cancelled while the image is being provided, nothing is left behind; 'never'
/// refuses with the pull-policy error.
/// </summary>
[Collection(DockerEngineCollection.Name)]
public sealed class MissingImageCreateTests(DockerEngineFixture fixture) : IAsyncLifetime
{
    private const string Repository = "polycrate-runpath-missing";
    private readonly string _tag = Guid.NewGuid().ToString("N")[..12];
    private readonly string _runLabel = Guid.NewGuid().ToString("N");

    private string Image => $"{Repository}:{_tag}";

    private Dictionary<string, string> Labels => new() { ["polycrate.test-run"] = _runLabel };

    public async Task InitializeAsync() => Assert.Null(await fixture.Client.InspectImageAsync(Image, CancellationToken.None));

    public Task DisposeAsync() => fixture.Client.RemoveImageAsync(Image, force: false, CancellationToken.None);

    private ContainerRunRequest Request(Func<string, CancellationToken, Task> provide, ContainerOutput output) => new()
    {
        Spec = new ContainerSpec { Image = Image, Entrypoint = ["/bin/sh", "-c", "echo created from the provided image"], Labels = Labels },
        Output = output,
        ProvideMissingImage = new ImageAtCreate(provide),
    };

    [Fact]
    public async Task A_create_that_finds_no_image_provides_it_once_and_creates_again()
    {
        var provided = new ConcurrentQueue<string>();
        var stdout = new ConcurrentQueue<string>();

        var result = await new ContainerRunner(fixture.Client).RunAsync(Request(async (image, ct) =>
        {
            provided.Enqueue(image);
            await fixture.Client.TagImageAsync(DockerEngineFixture.ToolchainImage, Repository, _tag, ct);
        }, new ContainerOutput(stdout.Enqueue, _ => { })), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Image], provided);
        Assert.Equal(["created from the provided image"], stdout);
        Assert.Empty(await fixture.Client.ListContainersAsync(Labels, CancellationToken.None));
    }

    [Fact]
    public async Task An_existing_image_is_not_provided_again()
    {
        await fixture.Client.TagImageAsync(DockerEngineFixture.ToolchainImage, Repository, _tag, CancellationToken.None);
        var calls = 0;

        var result = await new ContainerRunner(fixture.Client).RunAsync(
            Request((_, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; }, ContainerOutput.Ignore), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Cancelled_while_the_image_is_provided_the_run_ends_canceled_and_leaves_no_container()
    {
        using var cancellation = new CancellationTokenSource();
        var providing = new TaskCompletionSource();

        var run = new ContainerRunner(fixture.Client).RunAsync(Request(async (_, ct) =>
        {
            providing.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }, ContainerOutput.Ignore), cancellation.Token);
        await providing.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(await fixture.Client.ListContainersAsync(Labels, CancellationToken.None));
        Assert.Null(await fixture.Client.InspectImageAsync(Image, CancellationToken.None));
    }

    [Fact]
    public async Task Under_pull_policy_never_the_missing_image_is_refused_with_the_policy_error()
    {
        var puller = new ImagePuller(fixture.Client);

        var refused = await Assert.ThrowsAsync<ContainerException>(() => new ContainerRunner(fixture.Client).RunAsync(
            Request((image, ct) => puller.PullMissingAsync(image, ImagePullPolicy.Never, ct), ContainerOutput.Ignore), CancellationToken.None));

        Assert.Equal(ContainerErrorCodes.ImageMissing, refused.Code);
        Assert.Contains(Image, refused.Message, StringComparison.Ordinal);
        Assert.Empty(await fixture.Client.ListContainersAsync(Labels, CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_provider_the_engine_404_is_reported()
    {
        var refused = await Assert.ThrowsAsync<DockerApiException>(() => new ContainerRunner(fixture.Client).RunAsync(
            new ContainerRunRequest { Spec = new ContainerSpec { Image = Image, Entrypoint = ["true"], Labels = Labels } }, CancellationToken.None));

        Assert.Equal(404, refused.StatusCode);
        Assert.Contains("no such image", refused.EngineMessage, StringComparison.OrdinalIgnoreCase);
    }
}
