using Polycrate.Build.CiExport;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Tests.CiExport;

/// <summary>No GitHub runner exists here, so the workflow file is checked structurally.</summary>
public sealed class GitHubActionsWriterTests
{
    private static async Task<YamlMappingNode> JobsAsync()
    {
        using var workspace = CiExportFixture.Create();
        return CiExportFixture.Parse(await CiExportFixture.ExportAsync(workspace.Root, CiFormat.GitHubActions)).Map("jobs");
    }

    private static List<YamlMappingNode> Steps(YamlMappingNode job) => [.. job.Seq("steps").Children.Cast<YamlMappingNode>()];

    [Fact]
    public async Task Jobs_needs_and_conditions_mirror_the_graph()
    {
        var jobs = await JobsAsync();

        Assert.Equal(["prepare", "web", "db", "verify", "rollback", "cleanup", "audit"], jobs.Keys());
        Assert.False(jobs.Map("prepare").Has("needs"));
        Assert.False(jobs.Map("audit").Has("needs"));
        Assert.Equal(["web", "db"], jobs.Map("verify").Strings("needs"));
        Assert.Equal(["verify"], jobs.Map("rollback").Strings("needs"));
        Assert.Equal("failure()", jobs.Map("rollback").Str("if"));
        Assert.Equal("always()", jobs.Map("cleanup").Str("if"));
        Assert.False(jobs.Map("verify").Has("if"));
        Assert.Equal("true", jobs.Map("db").Str("continue-on-error"));
        Assert.False(jobs.Map("verify").Has("continue-on-error"));
        Assert.Equal("ubuntu-latest", jobs.Map("verify").Str("runs-on"));
    }

    [Fact]
    public async Task A_job_restores_the_state_of_the_jobs_it_needs_runs_its_step_and_uploads_its_state_always()
    {
        var steps = Steps((await JobsAsync()).Map("verify"));

        Assert.Equal(GitHubActionsWriter.CheckoutAction, steps[0].Str("uses"));
        var downloads = steps.Where(s => s.Str("uses") == GitHubActionsWriter.DownloadAction).ToList();
        Assert.Equal(["polycrate-web", "polycrate-db"], downloads.Select(d => d.Map("with").Str("name")));
        Assert.All(downloads, d => Assert.Equal(".", d.Map("with").Str("path")));
        var setup = steps.FindIndex(s => s.Str("uses") == GitHubActionsWriter.SetupDotnetAction);
        Assert.True(setup > 0 && setup < steps.FindIndex(s => s.Str("run") == "dotnet tool restore"), "setup-dotnet must come before dotnet tool restore");
        Assert.Equal("10.0.x", steps[setup].Map("with").Str("dotnet-version"));
        Assert.Contains(steps, s => s.Str("run") == "dotnet tool run polycrate-build workflows run release --step verify --runtime container --junit .logs/junit/verify.xml");

        var upload = Assert.Single(steps, s => s.Str("uses") == GitHubActionsWriter.UploadAction);
        Assert.Equal("always()", upload.Str("if"));
        Assert.Equal("polycrate-verify", upload.Map("with").Str("name"));
        Assert.Equal("true", upload.Map("with").Str("include-hidden-files"));
        var paths = upload.Map("with").Str("path")!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["workspace.poly", "artifacts/", "blocks/", "blocks.lock", ".logs/", "!artifacts/secrets/**", "artifacts/secrets/**/*.age"], paths);
    }

    [Fact]
    public async Task The_first_job_downloads_nothing()
    {
        var steps = Steps((await JobsAsync()).Map("prepare"));

        Assert.DoesNotContain(steps, s => s.Str("uses") == GitHubActionsWriter.DownloadAction);
    }

    [Fact]
    public async Task Secrets_come_from_the_secret_store_by_name()
    {
        using var workspace = CiExportFixture.Create();
        var text = await CiExportFixture.ExportAsync(workspace.Root, CiFormat.GitHubActions);
        var env = CiExportFixture.Parse(text).Map("env");

        Assert.Equal("${{ secrets.WORKSPACE_ENCRYPTION_KEY }}", env.Str("WORKSPACE_ENCRYPTION_KEY"));
        Assert.Equal("${{ secrets.POLYCRATE_REGISTRY_LOCALHOST_5000_USERNAME }}", env.Str("POLYCRATE_REGISTRY_LOCALHOST_5000_USERNAME"));
        Assert.DoesNotContain("hunter2", text);
    }

    [Fact]
    public async Task An_image_becomes_the_job_container_with_the_host_runtime()
    {
        using var workspace = CiExportFixture.Create();
        var jobs = CiExportFixture.Parse(await CiExportFixture.ExportAsync(workspace.Root, CiFormat.GitHubActions,
            configure: o => o with { Image = "ghcr.io/acme/toolchain:1" })).Map("jobs");

        Assert.Equal("ghcr.io/acme/toolchain:1", jobs.Map("web").Str("container"));
        Assert.Contains(Steps(jobs.Map("web")), s => s.Str("run")?.Contains("--step web --runtime host", StringComparison.Ordinal) == true);
    }
}
