using Polycrate.Build.Testing;

namespace Polycrate.Build.IntegrationTests.CiExport;

/// <summary>A failing step fails its job in a real gitlab-ci-local run; the on_failure step's job runs, the next step's does not.</summary>
public sealed class GitLabPipelineFailureTests : IAsyncLifetime
{
    private GitLabCiLocal? _repository;

    private GitLabCiLocal Repository => _repository ?? throw new InvalidOperationException("not initialised");

    public async Task InitializeAsync()
    {
        await GitLabCiLocal.InstallToolsAsync();
        _repository = await GitLabCiLocal.CreateAsync(Path.Combine(RepositoryRoot.Path, "samples", "ci-pipeline"), "rollout", workspace =>
        {
            workspace.Write("workspace.poly", workspace.Read("workspace.poly") + """
                  - name: rollout
                    steps:
                      - {name: deploy, block: audit, action: deploy}
                      - {name: verify, block: audit, action: verify}
                      - {name: rollback, block: audit, action: rollback, when: on_failure}

                """);
            // The audit block: it has no inventory link (app's inventory comes from infra, which this workflow does not provision).
            workspace.Write("blocks/audit/block.poly", workspace.Read("blocks/audit/block.poly") + """
                  - name: deploy
                    script:
                      - mkdir -p "$ARTIFACTS" && echo 2.0 > "$ARTIFACTS/release"
                  - name: verify
                    script:
                      - echo "release $(cat "$ARTIFACTS/release") is unhealthy"
                      - exit 3
                  - name: rollback
                    script:
                      - echo "rolled back $(cat "$ARTIFACTS/release")" > "$ARTIFACTS/rolled-back"

                """);
        });
    }

    public Task DisposeAsync()
    {
        _repository?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_failing_step_fails_its_job_and_the_on_failure_job_runs_with_the_state_before_it()
    {
        var run = await Repository.RunAsync();

        Assert.True(run.ExitCode != 0, run.ToString());
        var results = (Result(run, "deploy"), Result(run, "verify"), Result(run, "rollback"));
        Assert.True(results == ("PASS", "FAIL", "PASS"), $"{results}\n{run}");
        Assert.Equal("rolled back 2.0\n", Repository.ArtifactOf("rollback", "artifacts/blocks/audit/rolled-back"));
        Assert.Contains("exit code 3", Repository.ArtifactOf("verify", ".logs/junit/verify.xml") ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

    private static string Result(PipelineRun run, string job) => run.Jobs.TryGetValue(job, out var result) ? result.Result : "did not run";
}
