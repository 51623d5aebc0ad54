using Polycrate.Build.Diagnostics;
using Polycrate.Build.Graph;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// The single-run path (docs/execution.md, "A run of one action"): one action gets a container whose main process is
/// the action (no idle container, no exec), a workflow's steps still share one; the image is not inspected before the
/// create, so a missing image is found by the create and handled by the pull policy, leaving no container behind.
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class RunPathTests(RunEnvironmentFixture fixture) : IDisposable
{
    /// <summary>Part of the shared container's idle process (its main process), never of an action's command.</summary>
    private const string IdleMarker = "trap '' TERM INT HUP";

    private readonly TestWorkspace _workspace = Create();

    private static TestWorkspace Create()
    {
        var workspace = TestWorkspace.Create("""
            blocks:
              - name: probe
                actions:
                  - name: pid1
                    script:
                      - echo "pid1=$(tr '\0' ' ' < /proc/1/cmdline)"
            workflows:
              - name: two
                steps:
                  - name: first
                    block: probe
                    action: pid1
                  - name: second
                    block: probe
                    action: pid1
            """);
        workspace.Write("blocks/probe/block.poly", "name: probe\n");
        return workspace;
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_run_of_one_action_gets_a_container_whose_main_process_is_the_action()
    {
        var run = await _workspace.RunAsync("run", "probe", "pid1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("pid1=", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(IdleMarker, run.Stdout, StringComparison.Ordinal);
        Assert.Empty(await ContainersAsync());
    }

    [Fact]
    public async Task The_steps_of_a_workflow_still_share_one_container()
    {
        var run = await _workspace.RunAsync("workflows", "run", "two");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.Stdout.Split('\n').Count(l => l.Contains("pid1=", StringComparison.Ordinal) && l.Contains(IdleMarker, StringComparison.Ordinal)));
        Assert.Empty(await ContainersAsync());
    }

    [Fact]
    public async Task A_missing_image_is_found_by_the_create_and_refused_under_pull_never_without_a_container_left()
    {
        var missing = "polycrate-runpath-missing:" + Guid.NewGuid().ToString("N")[..12];
        _workspace.Write("workspace.poly", _workspace.Read("workspace.poly").Replace("polycrate-toolchain:bookworm-2", missing, StringComparison.Ordinal));

        var run = await _workspace.RunAsync("run", "probe", "pid1", "--pull", "never");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(DiagnosticCodes.ImageMissing, run.Output, StringComparison.Ordinal);
        Assert.Contains(missing, run.Output, StringComparison.Ordinal);
        var log = _workspace.LatestLog();
        // The image target did not check the image itself (the create did): it no longer claims 'up-to-date'.
        Assert.Equal("succeeded", log.Target(Target.ImageId)["status"]?.ToString());
        Assert.StartsWith(missing, log.Target(Target.ImageId)["message"]?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal("failed", log.Target(Target.ActionId("probe", "pid1"))["status"]?.ToString());
        Assert.Empty(await ContainersAsync());
    }

    private Task<IReadOnlyList<Build.Execution.Docker.ContainerSummary>> ContainersAsync() =>
        fixture.Docker.ListContainersAsync(new Dictionary<string, string> { ["polycrate.workspace"] = _workspace.Name }, CancellationToken.None);
}
