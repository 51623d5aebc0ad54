using Polycrate.Build.Graph;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>Script actions in a real container: order, shared shell state, failures, exit codes and cancellation.</summary>
[Collection(RunsCollection.Name)]
public sealed class ScriptRunTests(RunEnvironmentFixture fixture) : IDisposable
{
    private readonly TestWorkspace _workspace = Create();

    private static TestWorkspace Create()
    {
        var workspace = TestWorkspace.Create("""
            blocks:
              - name: jobs
                actions:
                  - name: ordered
                    script:
                      - mkdir -p /workspace/out/sub
                      - cd /workspace/out/sub
                      - export STAGE=second
                      - echo "first" > /workspace/out/order.txt
                      - echo "$PWD $STAGE" >> /workspace/out/order.txt
                      - test -e /nonexistent-file
                      - echo "after the failure" >> /workspace/out/order.txt
                  - name: exit7
                    script:
                      - echo "about to exit 7"
                      - exit 7
                  - name: long
                    script:
                      - echo started
                      - sleep 300
            """);
        workspace.Write("blocks/jobs/block.poly", "name: jobs\n");
        return workspace;
    }

    [Theory]
    [BothStepContainers]
    public async Task Script_lines_run_in_order_in_one_shell_and_a_failing_line_stops_the_rest(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "run", "jobs", "ordered");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("first\n/workspace/out/sub second\n", _workspace.Read("out/order.txt"));
    }

    [Theory]
    [BothStepContainers]
    public async Task An_action_exit_code_propagates_to_the_cli_and_the_log(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "run", "jobs", "exit7");

        Assert.True(run.ExitCode == 7, run.ToString());
        Assert.Contains("about to exit 7", run.Stdout);
        var log = _workspace.LatestLog();
        Assert.Equal("failed", log.Status);
        Assert.Equal("7", log.Field("exit_code"));
        Assert.Equal("7", log.Target(Target.ActionId("jobs", "exit7"))["exit_code"]?.ToString());
    }

    [Theory]
    [BothStepContainers]
    public async Task Cancelling_a_run_stops_and_removes_its_container(StepContainers mode)
    {
        using var cancellation = new CancellationTokenSource();
        var labels = new Dictionary<string, string> { ["polycrate.workspace"] = _workspace.Name };
        var running = _workspace.RunAsync(mode, cancellation.Token, "run", "jobs", "long");

        // Cancel once the container of this run exists and runs.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        IReadOnlyList<Polycrate.Build.Execution.Docker.ContainerSummary> containers = [];
        while (DateTime.UtcNow < deadline && !running.IsCompleted)
        {
            containers = await fixture.Docker.ListContainersAsync(labels, CancellationToken.None);
            if (containers.Any(c => c.State == "running"))
            {
                break;
            }

            await Task.Delay(200);
        }

        var container = Assert.Single(containers);
        var transactionId = container.Labels["polycrate.txid"];
        await cancellation.CancelAsync();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Empty(await fixture.Docker.ListContainersAsync(new Dictionary<string, string> { ["polycrate.txid"] = transactionId }, CancellationToken.None));
        var log = _workspace.LatestLog();
        Assert.Equal(transactionId, log.TransactionId);
        Assert.Equal("canceled", log.Status);
    }

    public void Dispose() => _workspace.Dispose();
}
