using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.IntegrationTests.Execution.Docker;

[Collection(DockerEngineCollection.Name)]
public sealed class DockerEngineTests(DockerEngineFixture fixture)
{
    [Fact]
    public async Task Engine_answers_ping_and_version_and_the_api_version_is_negotiated()
    {
        await fixture.Client.PingAsync(CancellationToken.None);
        var version = await fixture.Client.GetVersionAsync(CancellationToken.None);
        var negotiated = Version.Parse(await fixture.Client.GetNegotiatedApiVersionAsync(CancellationToken.None));

        Assert.NotEmpty(version.Version);
        Assert.Equal("linux", version.OperatingSystem);
        Assert.True(negotiated >= Version.Parse(DockerClientOptions.MinimumApiVersion), $"negotiated {negotiated}");
        Assert.True(negotiated <= Version.Parse(version.ApiVersion), $"negotiated {negotiated}, engine {version.ApiVersion}");
    }

    [Fact]
    public async Task The_toolchain_image_is_present_and_inspectable()
    {
        var image = await fixture.Client.InspectImageAsync(DockerEngineFixture.ToolchainImage, CancellationToken.None);

        Assert.NotNull(image);
        Assert.Contains(DockerEngineFixture.ToolchainImage, image.RepoTags);
        Assert.Null(await fixture.Client.InspectImageAsync("polycrate-no-such-image:0", CancellationToken.None));
    }

    [Fact]
    public async Task Images_can_be_tagged_and_the_tag_removed()
    {
        var tag = "it-" + Guid.NewGuid().ToString("N")[..12];
        var reference = $"polycrate-it-tag:{tag}";

        await fixture.Client.TagImageAsync(DockerEngineFixture.ToolchainImage, "polycrate-it-tag", tag, CancellationToken.None);
        var tagged = await fixture.Client.InspectImageAsync(reference, CancellationToken.None);
        await fixture.Client.RemoveImageAsync(reference, force: false, CancellationToken.None);

        Assert.NotNull(tagged);
        Assert.Contains(reference, tagged.RepoTags);
        Assert.Null(await fixture.Client.InspectImageAsync(reference, CancellationToken.None));
        Assert.NotNull(await fixture.Client.InspectImageAsync(DockerEngineFixture.ToolchainImage, CancellationToken.None));
    }

    [Fact]
    public async Task Pull_policy_never_refuses_a_missing_image()
    {
        var ex = await Assert.ThrowsAsync<ContainerException>(() => new ImagePuller(fixture.Client)
            .EnsureImageAsync("polycrate-no-such-image:0", ImagePullPolicy.Never, CancellationToken.None));

        Assert.Equal(DiagnosticCodes.ImageMissing, ex.Code);
    }

    [Fact]
    public async Task A_failing_pull_surfaces_the_engines_error()
    {
        // Nothing listens on port 1: the engine must report the failure, and the client must not swallow it.
        var ex = await Assert.ThrowsAnyAsync<ContainerException>(() => new ImagePuller(fixture.Client)
            .EnsureImageAsync("127.0.0.1:1/polycrate/nothing:1", ImagePullPolicy.Missing, CancellationToken.None));

        Assert.Contains("127.0.0.1:1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engine_errors_surface_with_the_engines_message()
    {
        var ex = await Assert.ThrowsAsync<DockerApiException>(() =>
            fixture.Client.StartContainerAsync("polycrate-no-such-container", CancellationToken.None));

        Assert.Equal(404, ex.StatusCode);
        Assert.Contains("polycrate-no-such-container", ex.EngineMessage, StringComparison.Ordinal);
    }
}
