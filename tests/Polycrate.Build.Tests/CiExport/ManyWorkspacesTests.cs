using Polycrate.Build.CiExport;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.CiExport;

/// <summary><c>--workspaces 'clusters/*'</c>: one branch of jobs per workspace, each with its own artifacts.</summary>
public sealed class ManyWorkspacesTests
{
    private static TempWorkspace Clusters()
    {
        var root = new TempWorkspace();
        foreach (var cluster in new[] { "prod-eu", "prod-us", "staging" })
        {
            root.Write($"clusters/{cluster}/workspace.poly", CiExportFixture.Workspace.Replace("name: ws", $"name: {cluster}", StringComparison.Ordinal));
        }

        root.Write("other/unrelated/workspace.poly", CiExportFixture.Workspace);
        return root;
    }

    [Fact]
    public async Task GitLab_gets_one_branch_per_workspace_with_its_own_needs_and_artifacts()
    {
        using var root = Clusters();
        var pipeline = CiExportFixture.Parse(await CiExportFixture.ExportAsync(root.Root, CiFormat.GitLabCi, glob: "clusters/*"));

        Assert.Equal(22, pipeline.Keys().Count); // stages + 3 × 7 jobs
        Assert.Equal(["prod-eu:web", "prod-eu:db"], pipeline.Map("prod-eu:verify").Strings("needs"));
        Assert.Equal(["staging:verify"], pipeline.Map("staging:rollback").Strings("dependencies"));
        Assert.Equal("dotnet tool run polycrate-build -w clusters/prod-us workflows run release --step web --runtime container --junit clusters/prod-us/.logs/junit/web.xml",
            pipeline.Map("prod-us:web").Strings("script")[^1]);
        Assert.Contains("clusters/prod-us/artifacts/", pipeline.Map("prod-us:web").Map("artifacts").Strings("paths"));
        Assert.Contains("clusters/prod-us/artifacts/secrets/*[!e]", pipeline.Map("prod-us:web").Map("artifacts").Strings("exclude"));
        Assert.DoesNotContain(pipeline.Keys(), k => k.StartsWith("unrelated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GitHub_job_ids_are_valid_and_artifacts_restore_into_the_workspace_directory()
    {
        using var root = Clusters();
        var jobs = CiExportFixture.Parse(await CiExportFixture.ExportAsync(root.Root, CiFormat.GitHubActions, glob: "clusters/*")).Map("jobs");

        var verify = jobs.Map("prod-eu_verify");
        Assert.Equal("prod-eu:verify", verify.Str("name"));
        Assert.Equal(["prod-eu_web", "prod-eu_db"], verify.Strings("needs"));
        var download = verify.Seq("steps").Children.Cast<YamlDotNet.RepresentationModel.YamlMappingNode>().First(s => s.Str("uses") == GitHubActionsWriter.DownloadAction);
        Assert.Equal("polycrate-prod-eu_web", download.Map("with").Str("name"));
        Assert.Equal("clusters/prod-eu", download.Map("with").Str("path"));
    }

    [Fact]
    public async Task A_glob_matching_nothing_is_pcb2101()
    {
        using var root = Clusters();

        var error = await Assert.ThrowsAsync<CiExportException>(() => CiExportFixture.ExportAsync(root.Root, CiFormat.GitLabCi, glob: "regions/*"));
        Assert.Equal(CiExportException.NoWorkspaceCode, error.Code);
    }

    [Fact]
    public async Task Two_workspaces_with_the_same_directory_name_are_pcb2102()
    {
        using var root = Clusters();
        root.Write("clusters/eu/staging/workspace.poly", CiExportFixture.Workspace);

        var error = await Assert.ThrowsAsync<CiExportException>(() => CiExportFixture.ExportAsync(root.Root, CiFormat.GitLabCi, glob: "clusters/**"));
        Assert.Equal(CiExportException.NameClashCode, error.Code);
    }
}
