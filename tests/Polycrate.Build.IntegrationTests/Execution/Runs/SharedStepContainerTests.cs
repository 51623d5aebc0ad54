using System.Xml.Linq;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.IntegrationTests.Crash;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// Issue 11 item 2: a workflow's steps share one container unless <c>--isolate-steps</c>; a step never sees files or
/// processes an earlier step left; the JUnit report is the same in both modes; a killed run's shared container is
/// removed by the next command.
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class SharedStepContainerTests(RunEnvironmentFixture fixture) : IDisposable
{
    private readonly TestWorkspace _workspace = Create();

    private static TestWorkspace Create()
    {
        var workspace = TestWorkspace.Create("""
            workflows:
              - name: three
                steps:
                  - {name: one, block: jobs, action: where}
                  - {name: two, block: jobs, action: where}
                  - {name: three, block: jobs, action: where}
              - name: leave
                steps:
                  - {name: litter, block: jobs, action: litter}
                  - {name: look, block: jobs, action: look}
              - name: mixed
                steps:
                  - {name: fail, block: jobs, action: fail, allow_failure: true}
                  - {name: after, block: jobs, action: where}
              - name: slow
                steps:
                  - {name: first, block: jobs, action: where}
                  - {name: wait, block: jobs, action: wait}
              - name: term
                steps:
                  - {name: first, block: jobs, action: where}
                  - {name: trapped, block: jobs, action: trapped}
            """);
        workspace.Write("blocks/jobs/block.poly", """
            name: jobs
            actions:
              - name: where
                script:
                  - mkdir -p /workspace/out
                  - cut -d' ' -f22 /proc/1/stat > /workspace/out/$POLYCRATE_STEP.host
                  - echo "step $POLYCRATE_STEP in $(pwd)"
              - name: litter
                script:
                  - echo left > /tmp/left-by-litter
                  - echo left > ~/left-by-litter
                  - (exec -a pcb-leftover-marker sleep 300) > /dev/null 2>&1 &
                  - echo littered
              - name: look
                script:
                  - 'if [ -e /tmp/left-by-litter ] || [ -e ~/left-by-litter ]; then echo "LEAKED FILE"; exit 9; fi'
                  - 'if grep -qs "pcb-leftover-marke[r]" /proc/[0-9]*/cmdline; then echo "LEAKED PROCESS"; exit 9; fi'
                  - echo clean
              - name: fail
                script:
                  - echo "failing on purpose"
                  - exit 5
              - name: wait
                script:
                  - sleep 300
              - name: trapped
                script:
                  - trap 'echo "$$" > /workspace/out/term; exit 143' TERM
                  - echo "$$" > /workspace/out/started
                  - sleep 300 &
                  - wait
            """);
        return workspace;
    }

    [Theory]
    [BothStepContainers]
    public async Task Steps_with_the_same_settings_share_one_container_unless_isolated(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "workflows", "run", "three");

        Assert.True(run.ExitCode == 0, run.ToString());
        // The start time of the container's PID 1 tells containers apart (with the host network they share the hostname).
        var hosts = new[] { "one", "two", "three" }.Select(s => _workspace.Read($"out/{s}.host").Trim()).Distinct().Count();
        Assert.Equal(mode == StepContainers.Shared ? 1 : 3, hosts);
        Assert.Contains("step two in /workspace/blocks/jobs", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(await fixture.Docker.ListContainersAsync(new Dictionary<string, string> { ["polycrate.workspace"] = _workspace.Name }, CancellationToken.None));
    }

    [Theory]
    [BothStepContainers]
    public async Task A_step_sees_no_file_or_process_an_earlier_step_left(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "workflows", "run", "leave");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("littered", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("clean", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_junit_report_and_the_exit_code_are_the_same_in_both_modes()
    {
        var reports = new List<string>();
        foreach (var mode in new[] { StepContainers.Shared, StepContainers.Isolated })
        {
            var junit = _workspace.PathOf($"junit-{mode}.xml");
            var run = await _workspace.RunAsync(mode, "workflows", "run", "mixed", "--junit", junit);
            Assert.True(run.ExitCode == 0, run.ToString());
            var document = XDocument.Load(junit);
            foreach (var timed in document.Descendants().Attributes().Where(a => a.Name.LocalName is "time" or "timestamp" or "hostname" or "id").ToList())
            {
                timed.Remove();
            }

            reports.Add(document.ToString());
        }

        Assert.Contains("failing on purpose", reports[0], StringComparison.Ordinal);
        Assert.Equal(reports[1], reports[0]);
    }

    [Theory]
    [BothStepContainers]
    public async Task Cancelling_mid_step_sends_the_steps_own_process_SIGTERM_then_removes_the_container(StepContainers mode)
    {
        using var cancellation = new CancellationTokenSource();
        var labels = new Dictionary<string, string> { ["polycrate.workspace"] = _workspace.Name };
        var running = _workspace.RunAsync(mode, cancellation.Token, "workflows", "run", "term");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!File.Exists(_workspace.PathOf("out/started")) && !running.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(_workspace.PathOf("out/started")), running.IsCompleted ? (await running).ToString() : "the trapped step did not start");
        await cancellation.CancelAsync();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 130, run.ToString());
        // The step's own shell got the signal (its trap ran), as `docker stop` delivers it to a container of its own.
        Assert.Equal(_workspace.Read("out/started"), _workspace.Read("out/term"));
        Assert.Empty(await fixture.Docker.ListContainersAsync(labels, CancellationToken.None));
    }

    [Fact]
    public async Task A_killed_run_leaves_its_shared_container_to_the_next_command_which_removes_it()
    {
        var labels = new Dictionary<string, string> { ["polycrate.workspace"] = _workspace.Name };
        using var cli = CliProcess.Start(new Dictionary<string, string>(), "-w", _workspace.Root, "workflows", "run", "slow");
        await cli.WaitUntilAsync(async () => File.Exists(_workspace.PathOf("out/first.host"))
            && (await fixture.Docker.ListContainersAsync(labels, CancellationToken.None)).Any(c => c.State == "running"), TimeSpan.FromMinutes(3), "the wait step running");
        var container = Assert.Single(await fixture.Docker.ListContainersAsync(labels, CancellationToken.None));
        Assert.Equal("run", container.Labels["polycrate.container-scope"]);
        Assert.Equal(cli.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), container.Labels[ProcessOwner.PidLabel]);

        await cli.KillNineAsync();
        Assert.Single(await fixture.Docker.ListContainersAsync(labels, CancellationToken.None));

        var next = await _workspace.RunAsync("workflows", "run", "three");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Empty(await fixture.Docker.ListContainersAsync(labels, CancellationToken.None));
    }

    public void Dispose() => _workspace.Dispose();
}
