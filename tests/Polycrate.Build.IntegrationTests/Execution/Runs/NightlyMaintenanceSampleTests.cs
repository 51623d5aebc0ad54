using System.Text.Json;
using Polycrate.Build.Graph;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// samples/nightly-maintenance for real (the README's main job): db01 with an SQLite database, app01 with a web
/// service; backup → update → verify, and the rollback path when the new release breaks the health check.
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class NightlyMaintenanceSampleTests : IAsyncLifetime
{
    private TestWorkspace? _workspace;

    private TestWorkspace Workspace => _workspace!;

    public async Task InitializeAsync()
    {
        await SampleTargets.StartAsync("nightly-maintenance");
        _workspace = TestWorkspace.CopyOf(SampleTargets.SampleDirectory("nightly-maintenance"));
        var setup = await Workspace.RunAsync("run", "linux-maintenance", "setup");
        Assert.True(setup.ExitCode == 0, setup.ToString());
    }

    /// <summary>The service's answer on app01 itself: (HTTP status of /health, release it runs).</summary>
    private static async Task<(int Status, string Release)> HealthAsync()
    {
        var answer = await SampleTargets.ExecAsync("app01", "python3", "-c",
            "import urllib.request, urllib.error\ntry:\n r = urllib.request.urlopen('http://localhost:8080/health'); print(r.status, r.read().decode())\n" +
            "except urllib.error.HTTPError as e:\n print(e.code, e.read().decode())");
        var parts = answer.Trim().Split(' ', 2);
        using var body = JsonDocument.Parse(parts[1]);
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), body.RootElement.GetProperty("release").GetString()!);
    }

    private static string ConfiguredRelease(TestWorkspace workspace) =>
        workspace.Read("workspace.poly").Split('\n').Single(l => l.TrimStart().StartsWith("app_release:", StringComparison.Ordinal))
            .Split(':', 2)[1].Trim().Trim('"');

    [Theory]
    [BothStepContainers]
    public async Task The_workflow_backs_up_the_database_updates_the_release_and_verifies_it(StepContainers mode)
    {
        var run = await Workspace.RunAsync(mode, "workflows", "run", "nightly-maintenance");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((200, ConfiguredRelease(Workspace)), await HealthAsync());
        // The backup is a real dump of the database, tarred, behind latest.tar.gz, and copied offsite.
        var dump = await SampleTargets.ExecAsync("db01", "sh", "-c", "tar -xzOf /var/backups/acme-db/latest.tar.gz");
        Assert.Contains("CREATE TABLE customers", dump);
        Assert.Contains("INSERT INTO \"customers\"", dump);
        var latest = (await SampleTargets.ExecAsync("db01", "readlink", "/var/backups/acme-db/latest.tar.gz")).Trim();
        await SampleTargets.ExecAsync("db01", "cmp", latest, "/srv/offsite/acme-backups-db/" + Path.GetFileName(latest));
        var log = Workspace.LatestLog();
        Assert.Equal("succeeded", log.Status);
        Assert.Equal("succeeded", log.TargetStatus(Target.StepId("nightly-maintenance", "verify")));
    }

    [Theory]
    [BothStepContainers]
    public async Task A_release_that_breaks_the_health_check_is_rolled_back_and_verify_does_not_run(StepContainers mode)
    {
        var before = await HealthAsync();
        Assert.Equal(200, before.Status);
        SampleTargets.SetConfig(Workspace, "app_release", "broken");

        var run = await Workspace.RunAsync(mode, "workflows", "run", "nightly-maintenance");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("Status code was 500", run.Stdout);
        Assert.Contains("TASK [Restore application data from latest backup]", run.Stdout);
        Assert.Contains("Update failed and rollback from /var/backups/acme-db/latest.tar.gz was executed.", run.Stdout);
        // Healthy again, on the release it ran before.
        Assert.Equal(before, await HealthAsync());
        var log = Workspace.LatestLog();
        Assert.Equal("failed", log.Status);
        Assert.Equal("failed", log.TargetStatus(Target.StepId("nightly-maintenance", "update")));
        Assert.Equal("not run", log.TargetStatus(Target.StepId("nightly-maintenance", "verify")));
    }

    public Task DisposeAsync()
    {
        _workspace?.Dispose();
        return Task.CompletedTask;
    }
}
