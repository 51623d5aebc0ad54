using Polycrate.Build.Graph;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>Through the CLI: the last line without a newline is on the console and in the run log, every time.</summary>
[Collection(RunsCollection.Name)]
public sealed class LastLineRunTests : IDisposable
{
    private readonly TestWorkspace _workspace = Create();

    private static TestWorkspace Create()
    {
        var workspace = TestWorkspace.Create("""
            blocks:
              - name: jobs
                actions:
                  - name: lastline
                    script:
                      - printf 'a\nlast-line-no-newline'
            """);
        workspace.Write("blocks/jobs/block.poly", "name: jobs\n");
        return workspace;
    }

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [BothStepContainers]
    public async Task Every_run_shows_and_logs_the_last_line_without_a_newline(StepContainers mode)
    {
        for (var i = 0; i < 10; i++)
        {
            var run = await _workspace.RunAsync(mode, "run", "jobs", "lastline");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("last-line-no-newline", run.Stdout, StringComparison.Ordinal);
            var logged = _workspace.LatestLog().Target(Target.ActionId("jobs", "lastline"))["output"]?.ToString() ?? string.Empty;
            Assert.True(logged.Contains("last-line-no-newline", StringComparison.Ordinal), $"run {i}: log output was '{logged}'");
        }
    }
}
