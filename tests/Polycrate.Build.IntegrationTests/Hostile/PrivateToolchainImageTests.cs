using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.IntegrationTests.Execution.Docker;
using Polycrate.Build.IntegrationTests.Registry;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.IntegrationTests.Hostile;

/// <summary>
/// A private toolchain image is pulled with the same credentials as blocks: the toolchain image copied with skopeo into
/// the local basic-auth registry, then pulled through the engine with X-Registry-Auth from POLYCRATE_REGISTRY_*.
/// </summary>
[Collection(RegistryCollection.Name)]
public sealed class PrivateToolchainImageTests(RegistryFixture registry)
{
    [Fact]
    public async Task The_engine_pulls_a_private_image_with_the_block_credentials_and_fails_without_them()
    {
        await DockerEngineFixture.RunScriptAsync("eng/start-docker.sh");
        await DockerEngineFixture.RunScriptAsync("eng/build-toolchain-image.sh", DockerEngineFixture.ToolchainImage);
        var image = $"{registry.Basic}/hostile-runtime/toolchain:bookworm-1";
        var password = registry.Environment.Password;
        await DockerEngineFixture.RunScriptAsync("eng/copy-image-to-registry.sh", DockerEngineFixture.ToolchainImage, image, registry.Environment.Values["PASSWORD_FILE"]);
        using var docker = new DockerClient(DockerClientOptions.FromEnvironment(Environment.GetEnvironmentVariable));
        await docker.RemoveImageAsync(image, force: true, CancellationToken.None);
        var emptyDockerConfig = Path.Combine(Path.GetTempPath(), "pcb-no-docker-config");

        var anonymous = new ImagePuller(docker, auth: RegistryAuthOptions.FromVariables(new Dictionary<string, string>(), emptyDockerConfig));
        var refused = await Assert.ThrowsAnyAsync<ContainerException>(() => anonymous.EnsureImageAsync(image, ImagePullPolicy.Missing, CancellationToken.None));
        Assert.DoesNotContain(password, refused.Message, StringComparison.Ordinal);

        var withCredentials = new ImagePuller(docker, auth: RegistryAuthOptions.FromVariables(new Dictionary<string, string>
        {
            [RegistryAuthOptions.UsernameVariable] = registry.Environment.Username,
            [RegistryAuthOptions.PasswordVariable] = password,
        }, emptyDockerConfig));
        Assert.True(await withCredentials.EnsureImageAsync(image, ImagePullPolicy.Missing, CancellationToken.None));
        Assert.NotNull(await docker.InspectImageAsync(image, CancellationToken.None));

        await docker.RemoveImageAsync(image, force: true, CancellationToken.None);
    }
}
