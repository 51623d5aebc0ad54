using System.Text.RegularExpressions;

namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// Real `dotnet cake` runs of the samples' build.cake (addin loaded with <c>#addin nuget:</c> from a feed), and the
/// CLI as a local dotnet tool, each through `dotnet tool restore` on the sample's tool manifest.
/// </summary>
[Collection(AddinCollection.Name)]
public sealed class BuildCakeTests(AddinFeedFixture feed)
{
    [Fact]
    public async Task Build_cake_registers_a_task_per_target_of_the_graph()
    {
        using var workspace = await PrepareAsync(TestWorkspace.CopyOf("nightly-maintenance"));

        var result = await CakeAsync(workspace, "--target=Default");

        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = new[]
        {
            "PolycrateImage", "linux-maintenance_backup", "linux-maintenance_update", "linux-maintenance_verify",
            "nightly-maintenance__backup", "nightly-maintenance__update", "nightly-maintenance__verify", "nightly-maintenance",
        };
        var listed = result.Output.Split('\n').Select(l => l.Trim()).Where(expected.Contains).ToList();
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task Workflow_task_runs_the_workflow_in_order()
    {
        using var workspace = await PrepareAsync(ScriptWorkspace.Create());

        var result = await CakeAsync(workspace, "--target=release", "--runtime=Host");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["build", "test", "publish"], ScriptWorkspace.Order(workspace));
        // Cake's own order: image first, then the workflow task.
        Assert.True(result.Output.IndexOf("PolycrateImage", StringComparison.Ordinal) < result.Output.LastIndexOf("release", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Step_task_runs_the_steps_it_needs_first()
    {
        using var workspace = await PrepareAsync(ScriptWorkspace.Create());

        var result = await CakeAsync(workspace, "--target=release__publish", "--runtime=Host");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["build", "test", "publish"], ScriptWorkspace.Order(workspace));
    }

    [Fact]
    public async Task Action_task_runs_one_action()
    {
        using var workspace = await PrepareAsync(ScriptWorkspace.Create());

        var result = await CakeAsync(workspace, "--target=tools_publish", "--runtime=Host");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["publish"], ScriptWorkspace.Order(workspace));
    }

    [Fact]
    public async Task Failing_step_fails_the_cake_run_with_the_actions_error()
    {
        using var workspace = await PrepareAsync(ScriptWorkspace.Create());

        var result = await CakeAsync(workspace, "--target=broken", "--runtime=Host", "--junit=artifacts/junit.xml");

        // The action's own exit code, as the CLI's (before: 1, Cake's code for any failed task).
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("step broken/explode (tools fail) failed with exit code 3", result.Output, StringComparison.Ordinal);
        Assert.Contains("disk quota exceeded on /srv/releases", result.Output, StringComparison.Ordinal);
        Assert.Equal(["build"], ScriptWorkspace.Order(workspace));
        Assert.Contains("name=\"explode\"", File.ReadAllText(workspace.PathOf("artifacts/junit.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_workspace_poly_fails_with_a_PCB_code_at_its_file_and_line()
    {
        using var workspace = await PrepareAsync(TestWorkspace.CopyOf("nightly-maintenance"));
        var lines = File.ReadAllLines(workspace.PathOf("workspace.poly")).ToList();
        var blockLine = lines.FindIndex(l => l.Trim() == "block: linux-maintenance");
        lines[blockLine] = lines[blockLine].Replace("linux-maintenance", "linux-maintenanse", StringComparison.Ordinal);
        File.WriteAllLines(workspace.PathOf("workspace.poly"), lines);

        var result = await CakeAsync(workspace, "--target=nightly-maintenance");

        Assert.NotEqual(0, result.ExitCode);
        var file = Regex.Escape(workspace.PathOf("workspace.poly"));
        Assert.Matches(new Regex($@"{file}:{blockLine + 1}:\d+: error PCB1012: .*linux-maintenanse"), result.Output);
    }

    [Fact]
    public async Task Cli_tool_runs_from_the_tool_manifest()
    {
        using var workspace = await PrepareAsync(TestWorkspace.CopyOf("nightly-maintenance"));

        var result = await DotnetCommand.RunAsync(workspace.Root, ["tool", "run", "polycrate-build", "workflows", "list"], feed.Environment(),
            TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("nightly-maintenance", result.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The sample's README job for real through its own build.cake: the toolchain container (the script's default
    /// runtime) against the sample's target containers, `setup` once through its action task, then the workflow task.
    /// </summary>
    [Fact]
    public async Task Sample_workflow_task_runs_nightly_maintenance_for_real_against_the_sample_targets()
    {
        using var workspace = await PrepareAsync(TestWorkspace.CopyOf("nightly-maintenance"));
        await using var targets = await SampleTargets.StartAsync("nightly-maintenance", workspace);

        var setup = await CakeAsync(workspace, "--target=linux-maintenance_setup");
        var run = await CakeAsync(workspace, "--target=nightly-maintenance");

        Assert.True(setup.ExitCode == 0, setup.ToString());
        Assert.Contains("Polycrate: action linux-maintenance setup: succeeded", setup.Output, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["backup", "update", "verify"], SampleRun.StepsSucceeded(run.Output, "nightly-maintenance"));
        SampleRun.AssertHealthCheckOk(workspace, run.Output);
    }

    private async Task<TestWorkspace> PrepareAsync(TestWorkspace workspace)
    {
        var sample = Path.Combine(RepositoryPaths.Samples, "nightly-maintenance");
        workspace.Write("build.cake", File.ReadAllText(Path.Combine(sample, "build.cake")));
        await feed.RestoreToolsAsync(workspace);
        return workspace;
    }

    private Task<CommandResult> CakeAsync(TestWorkspace workspace, params string[] arguments) => feed.CakeAsync(workspace, arguments);
}
