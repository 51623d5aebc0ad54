using Polycrate.Build.Testing;
using Xunit.Abstractions;

namespace Polycrate.Build.IntegrationTests.CiExport;

/// <summary>
/// samples/ci-pipeline exported with <c>workflows export deliver --format gitlab-ci</c> and run for real by
/// gitlab-ci-local: provision → configure hands the inventory over as a job artifact, audit runs beside them.
/// </summary>
public sealed class GitLabPipelineTests(ITestOutputHelper output) : IAsyncLifetime
{
    private GitLabCiLocal? _repository;

    private GitLabCiLocal Repository => _repository ?? throw new InvalidOperationException("not initialised");

    public async Task InitializeAsync()
    {
        await GitLabCiLocal.InstallToolsAsync();
        _repository = await GitLabCiLocal.CreateAsync(Path.Combine(RepositoryRoot.Path, "samples", "ci-pipeline"), "deliver", workspace =>
        {
            // provision also leaves a secret: only its .age form may reach the next job.
            var block = workspace.Read("blocks/infra/block.poly").Replace("      - sleep 2\n",
                "      - mkdir -p \"$POLYCRATE_WORKSPACE/artifacts/secrets\"\n" +
                "      - echo plaintext-token > \"$POLYCRATE_WORKSPACE/artifacts/secrets/generated-token\"\n" +
                "      - echo age-encrypted > \"$POLYCRATE_WORKSPACE/artifacts/secrets/generated-token.age\"\n" +
                "      - sleep 2\n", StringComparison.Ordinal);
            workspace.Write("blocks/infra/block.poly", block);
        });
    }

    public Task DisposeAsync()
    {
        _repository?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_pipeline_passes_hands_the_inventory_to_configure_and_runs_the_independent_branch_alongside()
    {
        var run = await Repository.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["audit", "configure", "provision"], run.Jobs.Keys.Order(StringComparer.Ordinal));
        Assert.All(run.Jobs, job => Assert.True(job.Value.Result == "PASS", $"{job.Key}: {job.Value.Result}\n{run}"));

        // configure read the inventory provision wrote, found through inventory.from: infra, restored from provision's artifacts.
        Assert.Equal("web01\n", Repository.ArtifactOf("configure", "artifacts/blocks/app/configured-hosts.txt"));
        Assert.Contains("artifacts/blocks/infra/inventory.yml", Repository.ArtifactOf("configure", "artifacts/blocks/app/timeline.txt"));
        Assert.True(Repository.ExistsInBuild("configure", "artifacts/blocks/infra/inventory.yml"));
        // workflows run NAME --step configure ran that step only: provision ran once, in its own job.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Repository.ArtifactOf("configure", "artifacts/blocks/infra/timeline.txt") ?? string.Empty, "provision start"));

        // audit (needs: []) runs while the provision → configure chain is under way, not before or after it.
        var provision = Repository.Interval("provision", "infra", "provision");
        var configure = Repository.Interval("configure", "app", "configure");
        var audit = Repository.Interval("audit", "audit", "audit");
        Assert.True(configure.Start >= provision.End, $"configure started {configure.Start} before provision ended {provision.End}");
        Assert.True(audit.Start < configure.Start && provision.Start < audit.End,
            $"audit [{audit.Start}, {audit.End}] does not overlap the chain provision [{provision.Start}, {provision.End}] → configure [{configure.Start}, {configure.End}]");

        // Secrets: the .age file travels, the plaintext never does.
        Assert.NotNull(Repository.ArtifactOf("provision", "artifacts/secrets/generated-token.age"));
        Assert.Null(Repository.ArtifactOf("provision", "artifacts/secrets/generated-token"));
        Assert.False(Repository.ExistsInBuild("configure", "artifacts/secrets/generated-token"));

        // Run logs and JUnit of each job are its artifacts.
        Assert.Contains("<testsuite", Repository.ArtifactOf("configure", ".logs/junit/configure.xml"));

        var sum = run.Jobs.Values.Sum(j => j.Seconds);
        output.WriteLine($"gitlab-ci-local process {run.Wall.TotalSeconds:0.0} s, pipeline {run.PipelineSeconds:0.0} s; jobs {string.Join(", ", run.Jobs.Select(j => $"{j.Key} {j.Value.Seconds:0.0} s"))}; sum {sum:0.0} s");
        output.WriteLine($"action times: provision {provision.End - provision.Start:0.0} s, configure {configure.End - configure.Start:0.0} s, audit {audit.End - audit.Start:0.0} s");
    }
}
