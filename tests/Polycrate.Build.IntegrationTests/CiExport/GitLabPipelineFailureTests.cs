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
                      - {name: deploy, block: app, action: deploy}
                      - {name: verify, block: app, action: verify}
                      - {name: rollback, block: app, action: rollback, when: on_failure}

                """);
            workspace.Write("blocks/app/block.poly", workspace.Read("blocks/app/block.poly") + """
                  - name: deploy
                    script:
                      - echo "deploying a broken release"
                      - exit 3
                  - name: verify
                    script:
                      - mkdir -p "$ARTIFACTS" && echo verified > "$ARTIFACTS/verified"
                  - name: rollback
                    script:
                      - mkdir -p "$ARTIFACTS" && echo rolled-back > "$ARTIFACTS/rolled-back"

                """);
        });
    }

    public Task DisposeAsync()
    {
        _repository?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_failing_step_fails_its_job_and_the_on_failure_job_runs()
    {
        var run = await Repository.RunAsync();

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.True(run.Jobs.TryGetValue("deploy", out var deploy) && deploy.Result == "FAIL", run.ToString());
        Assert.True(run.Jobs.TryGetValue("rollback", out var rollback) && rollback.Result == "PASS", run.ToString());
        Assert.False(run.Jobs.ContainsKey("verify"), run.ToString());
        Assert.Equal("rolled-back\n", Repository.ArtifactOf("rollback", "artifacts/blocks/app/rolled-back"));
        Assert.Null(Repository.ArtifactOf("verify", "artifacts/blocks/app/verified"));
        Assert.Contains("exit code 3", Repository.ArtifactOf("deploy", ".logs/junit/deploy.xml") ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }
}
