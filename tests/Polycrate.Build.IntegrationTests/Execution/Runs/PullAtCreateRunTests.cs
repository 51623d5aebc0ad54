using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Engine;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Graph;
using Polycrate.Build.IntegrationTests.Execution.Docker;
using Polycrate.Build.IntegrationTests.Registry;
using Polycrate.Build.IntegrationTests.Secrets.Runs;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// A whole run whose toolchain image is only in a registry (the local basic-auth one): the image target does not ask the
/// engine, the container create answers 404, the engine pulls with the workspace's registry credentials and the
/// create succeeds — one action in a container of its own, and a workflow of two steps in one shared container (the
/// shared container's create is the check too), no inspect before the create.
/// </summary>
[Collection(RegistryCollection.Name)]
public sealed class PullAtCreateRunTests(RegistryFixture registry) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-pull-at-create-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_run_pulls_a_missing_image_when_the_create_finds_it_missing_and_runs_the_action(bool sharedWorkflow)
    {
        await DockerEngineFixture.RunScriptAsync("eng/start-docker.sh");
        await DockerEngineFixture.RunScriptAsync("eng/build-toolchain-image.sh", DockerEngineFixture.ToolchainImage);
        // The repository the private-image test fills: its blobs are already there, only the tag is new.
        var image = $"{registry.Basic}/hostile-runtime/toolchain:runpath-{Guid.NewGuid().ToString("N")[..8]}";
        await DockerEngineFixture.RunScriptAsync("eng/copy-image-to-registry.sh", DockerEngineFixture.ToolchainImage, image, registry.Environment.Values["PASSWORD_FILE"]);
        using var docker = new DockerClient(DockerClientOptions.FromEnvironment(Environment.GetEnvironmentVariable));
        await docker.RemoveImageAsync(image, force: true, CancellationToken.None);
        Assert.Null(await docker.InspectImageAsync(image, CancellationToken.None));
        File.WriteAllText(Path.Combine(_root, "workspace.poly"),
            $"name: pull-at-create\nconfig:\n  container:\n    image: {image}\nblocks:\n  - name: app\n    actions:\n      - name: show\n        script: [\"echo from the pulled image\"]\n"
            + "workflows:\n  - name: twice\n    steps:\n      - {name: one, block: app, action: show}\n      - {name: two, block: app, action: show}\n");
        var variables = new Dictionary<string, string>
        {
            [RegistryAuthOptions.UsernameVariable] = registry.Environment.Username,
            [RegistryAuthOptions.PasswordVariable] = registry.Environment.Password,
            ["DOCKER_CONFIG"] = Path.Combine(_root, "no-docker-config"),
        };
        var observer = new RecordingObserver();

        try
        {
            var engine = new PolycrateEngine(NullLoggerFactory.Instance, null, name => variables.GetValueOrDefault(name) ?? Environment.GetEnvironmentVariable(name));
            var options = new RunOptions { WorkspaceDirectory = _root };
            var report = sharedWorkflow
                ? await engine.RunWorkflowAsync(options, "twice", null, observer, CancellationToken.None)
                : await engine.RunActionAsync(options, "app", "show", observer, CancellationToken.None);

            Assert.True(report.Summary.Succeeded, string.Join("\n", report.Summary.Results.Select(r => $"{r.Target.Id}: {r.Status} {r.Message}")));
            Assert.Equal(sharedWorkflow ? 2 : 1, observer.Text.Split("from the pulled image").Length - 1);
            // The image status says what the create found: pulled there, not "up-to-date" before anything was checked.
            var pulled = report.Summary.Results.Single(r => r.Target.Id == Target.ImageId);
            Assert.Equal(TargetStatus.Succeeded, pulled.Status);
            Assert.Equal($"{image} pulled at the first container create (the engine did not have it)", pulled.Message);
            Assert.Contains($"{image} pulled at the first container create", File.ReadAllText(report.LogPath!), StringComparison.Ordinal);
            Assert.Contains($"{image}: checked at the first container create", Assert.Single(observer.Finished, r => r.Target.Id == Target.ImageId).Message, StringComparison.Ordinal);
            Assert.NotNull(await docker.InspectImageAsync(image, CancellationToken.None));

            // Now the engine has it: the next run's create finds it.
            var again = await engine.RunActionAsync(options, "app", "show", new RecordingObserver(), CancellationToken.None);
            var present = again.Summary.Results.Single(r => r.Target.Id == Target.ImageId);
            Assert.Equal(TargetStatus.UpToDate, present.Status);
            Assert.Equal($"{image} present (found at the first container create)", present.Message);
            Assert.Empty(await docker.ListContainersAsync(new Dictionary<string, string> { ["polycrate.workspace"] = "pull-at-create" }, CancellationToken.None));
        }
        finally
        {
            await docker.RemoveImageAsync(image, force: true, CancellationToken.None);
        }
    }
}
