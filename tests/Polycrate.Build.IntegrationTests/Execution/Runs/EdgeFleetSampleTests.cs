namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// samples/edge-fleet for real: five sshd "Raspberry Pis" (eng/samples/start-targets.sh), the OTA update in serial
/// batches of 2, the sensor configuration rendered per device, and a device that is down (seed 000's FAQ).
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class EdgeFleetSampleTests : IAsyncLifetime
{
    private static readonly string[] Devices = ["pi-01", "pi-02", "pi-03", "pi-04", "pi-05"];

    private TestWorkspace? _workspace;

    private TestWorkspace Workspace => _workspace!;

    public async Task InitializeAsync()
    {
        await SampleTargets.StartAsync("edge-fleet");
        _workspace = TestWorkspace.CopyOf(SampleTargets.SampleDirectory("edge-fleet"));
    }

    private static Task<string> StatusAsync(string device) => SampleTargets.ExecAsync(device, "cat", "/run/edge-agent/status");

    [Theory]
    [BothStepContainers]
    public async Task The_rollout_updates_every_device_in_batches_of_two_and_renders_its_configuration(StepContainers mode)
    {
        var version = "it-" + Guid.NewGuid().ToString("N")[..8];
        SampleTargets.SetConfig(Workspace, "agent_version", version);
        SampleTargets.SetConfig(Workspace, "logging_level", "DEBUG");

        var run = await Workspace.RunAsync(mode, "workflows", "run", "edge-rollout");

        Assert.True(run.ExitCode == 0, run.ToString());
        // serial: 2 over five hosts → Ansible runs the play in three batches.
        Assert.Equal(3, run.Stdout.Split("PLAY [OTA Updates for Edge Nodes]").Length - 1);
        foreach (var device in Devices)
        {
            Assert.Contains($"version: {version}", await StatusAsync(device));
            var config = await SampleTargets.ExecAsync(device, "cat", "/etc/edge-agent/config.yml");
            Assert.Contains($"node_name: \"{device}.acme-corp.com\"", config);
            Assert.Contains("level: \"DEBUG\"", config);
        }
    }

    [Theory]
    [BothStepContainers]
    public async Task A_device_that_is_down_shows_as_unreachable_while_the_others_complete(StepContainers mode)
    {
        var version = "it-" + Guid.NewGuid().ToString("N")[..8];
        SampleTargets.SetConfig(Workspace, "agent_version", version);
        await SampleTargets.DockerAsync(["stop", "-t", "1", SampleTargets.Container("pi-03")]);

        var run = await Workspace.RunAsync(mode, "run", "edge-ota", "ota-update");

        // Ansible's exit code 4 (a host was unreachable) is the action's own, and so the CLI's.
        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("fatal: [pi-03.acme-corp.com]: UNREACHABLE!", run.Stdout);
        Assert.Matches(@"pi-03\.acme-corp\.com\s+: ok=0\s+changed=0\s+unreachable=1", run.Stdout);
        foreach (var device in Devices.Where(d => d != "pi-03"))
        {
            Assert.Contains($"version: {version}", await StatusAsync(device));
        }

        Assert.Equal("failed", Workspace.LatestLog().Status);
    }

    public async Task DisposeAsync()
    {
        _workspace?.Dispose();
        // Brings a stopped device back (started again and its agent re-provisioned) for the next test.
        await SampleTargets.StartAsync("edge-fleet");
    }
}
