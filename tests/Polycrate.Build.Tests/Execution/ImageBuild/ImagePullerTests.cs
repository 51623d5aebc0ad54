using System.Net;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Tests.Execution.Docker;

namespace Polycrate.Build.Tests.Execution.ImageBuild;

public sealed class ImagePullerTests
{
    [Theory]
    [InlineData("missing", ImagePullPolicy.Missing)]
    [InlineData("Always", ImagePullPolicy.Always)]
    [InlineData(" NEVER ", ImagePullPolicy.Never)]
    public void Policies_parse_in_any_case(string value, ImagePullPolicy expected) =>
        Assert.Equal(expected, ImagePuller.ParsePolicy(value));

    [Fact]
    public void Unknown_policies_are_invalid_input()
    {
        var ex = Assert.Throws<ContainerException>(() => ImagePuller.ParsePolicy("sometimes"));

        Assert.Equal(2, ex.ExitCode);
        Assert.Contains("missing, always or never", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Never_with_a_missing_image_says_what_to_do()
    {
        var handler = FakeDockerHandler.WithApi("1.41", (_, _) =>
            FakeDockerHandler.Json(HttpStatusCode.NotFound, """{"message":"No such image"}"""));
        using var client = new DockerClient(new DockerTransport(DockerEndpoint.Default, handler));

        var ex = await Assert.ThrowsAsync<ContainerException>(() =>
            new ImagePuller(client).EnsureImageAsync("polycrate-toolchain:bookworm-1", ImagePullPolicy.Never, CancellationToken.None));

        Assert.Equal(ContainerErrorCodes.ImageMissing, ex.Code);
        Assert.Contains("polycrate-toolchain:bookworm-1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(handler.Requests, r => r.PathAndQuery.Contains("/images/create", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ImagePullPolicy.Missing, false)]
    [InlineData(ImagePullPolicy.Always, true)]
    [InlineData(ImagePullPolicy.Never, false)]
    public async Task Present_images_are_pulled_only_under_always(ImagePullPolicy policy, bool pulls)
    {
        var handler = FakeDockerHandler.WithApi("1.41", (request, _) => FakeDockerHandler.Json(HttpStatusCode.OK,
            request.RequestUri!.AbsolutePath.EndsWith("/json", StringComparison.Ordinal)
                ? """{"Id":"sha256:1","RepoTags":["img:1"]}"""
                : "{\"status\":\"Status: Image is up to date for img:1\"}\r\n"));
        using var client = new DockerClient(new DockerTransport(DockerEndpoint.Default, handler));

        var pulled = await new ImagePuller(client).EnsureImageAsync("img:1", policy, CancellationToken.None);

        Assert.Equal(pulls, pulled);
        Assert.Equal(pulls, handler.Requests.Any(r => r.PathAndQuery.Contains("/images/create", StringComparison.Ordinal)));
    }
}
