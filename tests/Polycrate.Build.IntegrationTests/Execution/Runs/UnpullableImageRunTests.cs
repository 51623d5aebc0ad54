using Polycrate.Build.IntegrationTests.Execution.Docker;
using Polycrate.Build.IntegrationTests.Registry;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// A workspace whose toolchain image cannot be pulled (a newcomer's first workspace without config.container.image
/// gets Polycrate's default, which this engine may not reach): the failure says where the image name is set and what
/// to use instead — real engine, an image that does not exist in the local anonymous registry.
/// </summary>
[Collection(RegistryCollection.Name)]
public sealed class UnpullableImageRunTests(RegistryFixture registry) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-unpullable-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_pull_error_names_the_setting_the_image_comes_from(bool pullBeforeTheCreate)
    {
        await DockerEngineFixture.RunScriptAsync("eng/start-docker.sh");
        var image = $"{registry.Anonymous}/{RegistryFixture.UniqueRepository("newcomer-image")}/toolchain:1.0";
        File.WriteAllText(Path.Combine(_root, "workspace.poly"),
            $"name: unpullable\nconfig:\n  container:\n    image: {image}\nblocks:\n  - name: app\n    actions: [{{name: show, script: [echo]}}]\n");

        // Pulled when the create finds it missing (default), or by the image target before any container (--pull always, a container per step).
        string[] options = pullBeforeTheCreate ? ["--isolate-steps", "--pull", "always"] : [];
        var run = await CliRun.InvokeAsync(["-w", _root, "run", "app", "show", .. options]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(image, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(". The toolchain image is config.container.image in workspace.poly", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("polycrate-toolchain:bookworm-2", run.Stderr, StringComparison.Ordinal);
    }
}
