using Polycrate.Build.CiExport;
using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Tests.CiExport;

public sealed class GitLabCiWriterTests
{
    [Fact]
    public async Task Jobs_are_the_steps_with_needs_mirroring_the_graph()
    {
        using var workspace = CiExportFixture.Create();
        var pipeline = CiExportFixture.Parse(await CiExportFixture.ExportAsync(workspace.Root, CiFormat.GitLabCi));

        Assert.Equal(["stages", "prepare", "web", "db", "verify", "rollback", "cleanup", "audit"], pipeline.Keys());
        Assert.Equal(["polycrate", "polycrate-2"], pipeline.Strings("stages"));
        Assert.Empty(pipeline.Map("prepare").Strings("needs"));
        Assert.Equal(["prepare"], pipeline.Map("web").Strings("needs"));
        Assert.Equal(["web", "db"], pipeline.Map("verify").Strings("needs"));
        Assert.Empty(pipeline.Map("audit").Strings("needs"));
        Assert.Equal("true", pipeline.Map("db").Str("allow_failure"));
        Assert.False(pipeline.Map("verify").Has("when"));
        Assert.Equal("polycrate", pipeline.Map("verify").Str("stage"));
    }

    [Theory]
    [InlineData("rollback", "on_failure", "verify")]
    [InlineData("cleanup", "always", "verify")]
    public async Task Conditional_steps_run_in_a_later_stage_judged_by_all_earlier_jobs_and_restore_their_dependencies_state(string job, string when, string dependency)
    {
        using var workspace = CiExportFixture.Create();
        var pipeline = CiExportFixture.Parse(await CiExportFixture.ExportAsync(workspace.Root, CiFormat.GitLabCi));

        var node = pipeline.Map(job);
        Assert.Equal(when, node.Str("when"));
        Assert.Equal("polycrate-2", node.Str("stage"));
        Assert.False(node.Has("needs"));
        Assert.Equal([dependency], node.Strings("dependencies"));
    }

    [Fact]
    public async Task Each_job_runs_exactly_its_step_and_hands_on_state_logs_and_junit()
    {
        using var workspace = CiExportFixture.Create();
        var pipeline = CiExportFixture.Parse(await CiExportFixture.ExportAsync(workspace.Root, CiFormat.GitLabCi));

        var verify = pipeline.Map("verify");
        Assert.Equal([CiJobScript.InstallDotnetIfMissing, "dotnet tool restore",
            "dotnet tool run polycrate-build workflows run release --step verify --runtime container --junit .logs/junit/verify.xml"],
            verify.Strings("script"));
        var artifacts = verify.Map("artifacts");
        Assert.Equal("always", artifacts.Str("when"));
        Assert.Equal(["workspace.poly", "artifacts/", "blocks/", "blocks.lock", ".logs/"], artifacts.Strings("paths"));
        Assert.Contains("artifacts/secrets/*[!e]", artifacts.Strings("exclude"));
        Assert.Contains("artifacts/secrets/**/*[!.]age", artifacts.Strings("exclude"));
        Assert.Equal(".logs/junit/verify.xml", artifacts.Map("reports").Str("junit"));
    }

    [Fact]
    public async Task Image_command_and_force_options_shape_the_jobs()
    {
        using var workspace = CiExportFixture.Create();
        var pipeline = CiExportFixture.Parse(await CiExportFixture.ExportAsync(workspace.Root, CiFormat.GitLabCi,
            configure: o => o with { Image = "registry.example.com/toolchain:1", Command = "/opt/pcb/polycrate-build", Force = true }));

        Assert.Equal("registry.example.com/toolchain:1", pipeline.Map("default").Str("image"));
        Assert.Equal(["/opt/pcb/polycrate-build workflows run release --step web --runtime host --junit .logs/junit/web.xml --force"],
            pipeline.Map("web").Strings("script"));
    }

    [Fact]
    public async Task Ci_variables_are_named_in_the_header_and_no_secret_value_is_written()
    {
        using var workspace = CiExportFixture.Create();
        var text = await CiExportFixture.ExportAsync(workspace.Root, CiFormat.GitLabCi);

        var header = string.Join('\n', text.Split('\n').TakeWhile(l => l.StartsWith('#')));
        Assert.Contains("WORKSPACE_ENCRYPTION_KEY", header);
        Assert.Contains("POLYCRATE_REGISTRY_USERNAME", header);
        Assert.Contains("POLYCRATE_REGISTRY_LOCALHOST_5000_PASSWORD", header);
        Assert.DoesNotContain("hunter2", text);
    }

    [Fact]
    public async Task The_output_is_the_same_on_every_run()
    {
        using var workspace = CiExportFixture.Create();

        Assert.Equal(await CiExportFixture.ExportAsync(workspace.Root, CiFormat.GitLabCi), await CiExportFixture.ExportAsync(workspace.Root, CiFormat.GitLabCi));
    }

    [Fact]
    public async Task An_unknown_workflow_is_pcb2004()
    {
        using var workspace = CiExportFixture.Create();

        var error = await Assert.ThrowsAnyAsync<PolycrateException>(() => CiExportFixture.ExportAsync(workspace.Root, CiFormat.GitLabCi, workflow: "nope"));
        Assert.Equal("PCB2004", error.Code);
    }

    [Fact]
    public async Task A_workspace_outside_the_project_root_is_pcb2103()
    {
        using var workspace = CiExportFixture.Create();
        using var other = new Support.TempWorkspace();

        var error = await Assert.ThrowsAsync<CiExportException>(() => CiExportFixture.ExportAsync(other.Root, CiFormat.GitLabCi, workspaceDirectory: workspace.Root));
        Assert.Equal(CiExportException.OutsideRootCode, error.Code);
    }
}
