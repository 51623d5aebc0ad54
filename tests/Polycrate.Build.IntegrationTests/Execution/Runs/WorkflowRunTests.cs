using System.Globalization;
using Polycrate.Build.Graph;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>Workflows in real containers: parallel needs: branches, when: steps, and the log of a failed run.</summary>
[Collection(RunsCollection.Name)]
public sealed class WorkflowRunTests : IDisposable
{
    private readonly TestWorkspace _workspace = Create();

    private static TestWorkspace Create()
    {
        var workspace = TestWorkspace.Create("""
            workflows:
              - name: fan-out
                steps:
                  - {name: left, block: jobs, action: left, needs: []}
                  - {name: right, block: jobs, action: right, needs: []}
              - name: release
                steps:
                  - {name: deploy, block: jobs, action: deploy}
                  - {name: announce, block: jobs, action: announce}
                  - {name: rollback, block: jobs, action: rollback, when: on_failure}
                  - {name: cleanup, block: jobs, action: cleanup, when: always}
            """);
        // Each branch records when it ran (seconds since the epoch, with fractions) around a pause.
        static string Timed(string name) =>
            $"  - name: {name}\n    script:\n      - mkdir -p /workspace/out\n      - date +%s.%N > /workspace/out/{name}.start\n" +
            $"      - sleep 3\n      - date +%s.%N > /workspace/out/{name}.end\n";
        static string Marker(string name, string extra = "") =>
            $"  - name: {name}\n    script:\n      - mkdir -p /workspace/out\n      - echo {name} > /workspace/out/{name}.ran\n{extra}";
        workspace.Write("blocks/jobs/block.poly", "name: jobs\nactions:\n" + Timed("left") + Timed("right") +
            Marker("deploy", "      - 'echo \"deploy-marker: database migration failed\"'\n      - exit 3\n") +
            Marker("announce") + Marker("rollback") + Marker("cleanup"));
        return workspace;
    }

    private double Time(string file) => double.Parse(_workspace.Read("out/" + file).Trim(), CultureInfo.InvariantCulture);

    [Theory]
    [BothStepContainers]
    public async Task Independent_needs_branches_overlap_in_time_with_max_parallel_2(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "workflows", "run", "fan-out", "--max-parallel", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(Time("left.start") < Time("right.end") && Time("right.start") < Time("left.end"),
            $"left {Time("left.start")}..{Time("left.end")}, right {Time("right.start")}..{Time("right.end")} do not overlap");
    }

    [Theory]
    [BothStepContainers]
    public async Task After_a_failure_the_on_failure_step_and_the_always_step_run_and_the_next_step_does_not(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "workflows", "run", "release");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.True(File.Exists(_workspace.PathOf("out/rollback.ran")), run.ToString());
        Assert.True(File.Exists(_workspace.PathOf("out/cleanup.ran")), run.ToString());
        Assert.False(File.Exists(_workspace.PathOf("out/announce.ran")), run.ToString());
        var log = _workspace.LatestLog();
        Assert.Equal("succeeded", log.TargetStatus(Target.StepId("release", "rollback")));
        Assert.Equal("succeeded", log.TargetStatus(Target.StepId("release", "cleanup")));
        Assert.Equal("not run", log.TargetStatus(Target.StepId("release", "announce")));
    }

    [Theory]
    [BothStepContainers]
    public async Task A_failed_run_writes_a_log_with_status_failed_and_the_step_output(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "workflows", "run", "release", "--step", "deploy");
        Assert.True(run.ExitCode == 3, run.ToString());

        var log = _workspace.LatestLog();
        Assert.Equal("failed", log.Status);
        Assert.Equal("3", log.Field("exit_code"));
        var deploy = log.Target(Target.StepId("release", "deploy"));
        Assert.Equal("failed", deploy["status"]?.ToString());
        Assert.Contains("deploy-marker: database migration failed", deploy["output"]?.ToString());

        var inspect = await CliRun.InvokeAsync(["-w", _workspace.Root, "logs", "inspect", log.TransactionId[..8]]);
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Assert.Contains("deploy-marker: database migration failed", inspect.Stdout);
        var list = await CliRun.InvokeAsync(["-w", _workspace.Root, "logs", "list"]);
        Assert.Contains(log.TransactionId, list.Stdout);
    }

    public void Dispose() => _workspace.Dispose();
}
