using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.SharedContainers;
using Polycrate.Build.IntegrationTests.Execution.Docker;
using Polycrate.Build.IntegrationTests.Execution.Runs;
using Polycrate.Build.Model;

namespace Polycrate.Build.IntegrationTests.Execution.WarmStart;

/// <summary>
/// The warm start's fallback on the shared-container runtime itself: a step whose Ansible environment differs from what
/// the warm process imported with runs cold and sees its own settings; the next step with the original settings starts
/// warm again; a step that is not ansible-playbook is not touched.
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class WarmStartExecTests(RunEnvironmentFixture fixture) : IDisposable
{
    private readonly string _run = Directory.CreateTempSubdirectory("pcb-warm-exec-").FullName;
    private readonly string _plays = Directory.CreateTempSubdirectory("pcb-warm-plays-").FullName;
    private readonly string _label = "pcb-warm-exec-" + Guid.NewGuid().ToString("N")[..8];
    private int _steps;

    private ActionLaunch Step(IReadOnlyList<string> command, params EnvironmentEntry[] environment)
    {
        var directory = Path.Combine(_run, "step-" + Interlocked.Increment(ref _steps));
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "snapshot.yml"), $"step: {_steps}\n");
        return new ActionLaunch
        {
            Command = command,
            WorkingDirectory = "/plays",
            Environment = [new EnvironmentEntry("STEP_VALUE", "value " + _steps), .. environment],
            Image = DockerEngineFixture.ToolchainImage,
            PrivateDirectory = directory,
            Mounts =
            [
                new MountEntry(Path.Combine(directory, "snapshot.yml"), "/run/polycrate/snapshot.yml", ReadOnly: true),
                new MountEntry(_plays, "/plays", ReadOnly: true),
            ],
            Labels = new Dictionary<string, string> { ["polycrate.workspace"] = _label },
        };
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(SharedContainerRuntime runtime, ActionLaunch launch)
    {
        var lines = new List<string>();
        var code = await runtime.RunAsync(launch, (line, stderr) => { lock (lines) { lines.Add(line); } }, CancellationToken.None);
        return (code, string.Join('\n', lines));
    }

    private long Served() => Directory.EnumerateDirectories(_run, "container-*").Sum(Polycrate.Build.Execution.SharedContainers.WarmStart.Served);

    [Fact]
    public async Task A_step_whose_ansible_environment_differs_runs_cold_with_its_own_settings_and_the_next_starts_warm_again()
    {
        File.WriteAllText(Path.Combine(_plays, "p.yml"), """
            - hosts: localhost
              gather_facts: false
              tasks:
                - debug: {msg: "env={{ lookup('env', 'STEP_VALUE') }}"}
            """);
        await using var runtime = new SharedContainerRuntime(fixture.Docker, _run, NullLoggerFactory.Instance);
        string[] playbook = ["ansible-playbook", "p.yml"];

        var first = await RunAsync(runtime, Step(playbook));
        var servedAfterFirst = Served();
        var other = await RunAsync(runtime, Step(playbook, new EnvironmentEntry("ANSIBLE_STDOUT_CALLBACK", "ansible.builtin.oneline")));
        var servedAfterOther = Served();
        var third = await RunAsync(runtime, Step(playbook));
        var script = await RunAsync(runtime, Step(["sh", "-c", "echo not a playbook; exit 5"]));

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("\"msg\": \"env=value 1\"", first.Output, StringComparison.Ordinal);
        Assert.Equal(1, servedAfterFirst);
        // The oneline callback prints one line per host: the step saw its own setting, not the warm process's.
        Assert.Equal(0, other.ExitCode);
        Assert.Contains("localhost | SUCCESS => {", other.Output, StringComparison.Ordinal);
        Assert.Contains("\"msg\": \"env=value 2\"", other.Output, StringComparison.Ordinal);
        Assert.Equal(1, servedAfterOther);
        Assert.Equal(0, third.ExitCode);
        Assert.Contains("\"msg\": \"env=value 3\"", third.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SUCCESS =>", third.Output, StringComparison.Ordinal);
        Assert.Equal(2, Served());
        Assert.Equal((5, "not a playbook"), script);
        Assert.Equal(2, Served());
        // One container served all four steps.
        Assert.Single(Directory.EnumerateDirectories(_run, "container-*"));
    }

    public void Dispose()
    {
        foreach (var directory in new[] { _run, _plays })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
