using System.Text.RegularExpressions;

namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// Real `dotnet build` of workspace projects (<c>&lt;Project Sdk="Polycrate.Build.Sdk/0.1.0"&gt;</c>) resolved from a
/// feed, against the real engine.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed partial class WorkspaceProjectTests(SdkFeedFixture feed)
{
    [Fact]
    public async Task Sample_project_has_a_target_per_workflow_step_and_action_on_a_fresh_checkout()
    {
        using var workspace = TestWorkspace.CopyOf("nightly-maintenance");
        workspace.UseFeed(feed.Feed);

        var result = await BuildAsync(workspace, "acme.polyproj", "-t:PolycrateTargets");

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] expected =
        [
            "linux-maintenance_setup", "linux-maintenance_backup", "linux-maintenance_update", "linux-maintenance_verify",
            "nightly-maintenance__backup", "nightly-maintenance__update", "nightly-maintenance__verify", "nightly-maintenance",
        ];
        var listed = TargetLine().Matches(result.Output).Select(m => m.Groups["name"].Value).ToList();
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task Generated_step_targets_depend_on_the_steps_before_them()
    {
        using var workspace = TestWorkspace.CopyOf("edge-fleet");
        workspace.UseFeed(feed.Feed);

        var result = await BuildAsync(workspace, "acme.polyproj", "-t:Restore");

        Assert.True(result.ExitCode == 0, result.ToString());
        var generated = File.ReadAllText(workspace.PathOf("obj/polycrate/acme.targets.g.targets"));
        Assert.Contains("<Target Name=\"edge-rollout__deploy-config\" DependsOnTargets=\"PolycrateImage;edge-rollout__ota-update\">", generated);
        Assert.Contains("<Target Name=\"edge-ota_ota-update\" DependsOnTargets=\"PolycrateImage\">", generated);
        Assert.Contains("<Target Name=\"edge-rollout\" DependsOnTargets=\"PolycrateImage\">", generated);
    }

    [Fact]
    public async Task Broken_workspace_poly_is_a_PCB_error_at_its_file_and_line()
    {
        using var workspace = TestWorkspace.CopyOf("nightly-maintenance");
        workspace.UseFeed(feed.Feed);
        var stepsLine = BreakSteps(workspace);

        var result = await BuildAsync(workspace, "acme.polyproj");

        Assert.NotEqual(0, result.ExitCode);
        // MSBuild's canonical format: file(line,col): subcategory error CODE: message — what IDEs and CI annotate.
        var file = Regex.Escape(workspace.PathOf("workspace.poly"));
        Assert.Matches(new Regex($@"{file}\({stepsLine + 1},\d+\): Polycrate warning PCB1003: .*unknown key 'stepz'"), result.Output);
        Assert.Matches(new Regex($@"{file}\(\d+,\d+\): Polycrate error PCB1004: .*has no steps"), result.Output);
        Assert.False(File.Exists(workspace.PathOf("obj/polycrate/acme.targets.g.targets")), "a workspace that never loaded has no generated targets");
    }

    /// <summary>
    /// A checkout whose workspace.poly never loaded has no generated targets: -t:NAME of a workflow or action it names
    /// reports the load errors at their lines (not MSB4057 "target does not exist") and runs nothing.
    /// </summary>
    [Theory]
    [InlineData("nightly-maintenance")]
    [InlineData("linux-maintenance_update")]
    public async Task A_target_of_a_workspace_that_never_loaded_reports_the_load_errors_not_MSB4057(string target)
    {
        using var workspace = TestWorkspace.CopyOf("nightly-maintenance");
        workspace.UseFeed(feed.Feed);
        var stepsLine = BreakSteps(workspace);

        var result = await BuildAsync(workspace, "acme.polyproj", $"-t:{target}", "-p:PolycrateRuntime=Host");

        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("MSB4057", result.Output, StringComparison.Ordinal);
        var file = Regex.Escape(workspace.PathOf("workspace.poly"));
        Assert.Matches(new Regex($@"{file}\({stepsLine + 1},\d+\): Polycrate warning PCB1003: .*unknown key 'stepz'"), result.Output);
        Assert.Matches(new Regex($@"{file}\(\d+,\d+\): Polycrate error PCB1004: .*has no steps"), result.Output);
        Assert.False(Directory.Exists(workspace.PathOf(".logs")), "nothing ran");
    }

    /// <summary>Restore does not depend on a valid workspace.poly, so `dotnet build -t:PolycrateHelp` works whatever its state.</summary>
    [Theory]
    [InlineData("stepz")]
    [InlineData("yaml")]
    public async Task Dotnet_build_PolycrateHelp_works_with_a_broken_workspace_poly(string breakage)
    {
        using var workspace = TestWorkspace.CopyOf("nightly-maintenance");
        workspace.UseFeed(feed.Feed);
        if (breakage == "yaml")
        {
            File.AppendAllText(workspace.PathOf("workspace.poly"), "\nblocks: [unclosed\n");
        }
        else
        {
            BreakSteps(workspace);
        }

        var result = await BuildAsync(workspace, "acme.polyproj", "-t:PolycrateHelp");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(Engine.RunOptionCatalog.All, o => Assert.Contains($"  {o.MSBuildProperty} ", result.Output, StringComparison.Ordinal));
        Assert.DoesNotContain(" error ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workflow_target_of_a_workspace_broken_after_its_last_restore_reports_the_error_at_its_line_and_runs_nothing()
    {
        using var workspace = TestWorkspace.CopyOf("nightly-maintenance");
        workspace.UseFeed(feed.Feed);
        var restore = await BuildAsync(workspace, "acme.polyproj", "-t:Restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        BreakSteps(workspace);
        var logsBefore = LogFiles(workspace);

        var result = await BuildAsync(workspace, "acme.polyproj", "-t:nightly-maintenance", "-p:PolycrateRuntime=Host");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(new Regex($@"{Regex.Escape(workspace.PathOf("workspace.poly"))}\(\d+,\d+\): Polycrate error PCB1004: .*has no steps"), result.Output);
        Assert.DoesNotContain("MSB4057", result.Output, StringComparison.Ordinal);
        // No run log written: nothing ran (the copied sample may carry the logs of earlier sample runs).
        Assert.Equal(logsBefore, LogFiles(workspace));
    }

    private static List<string> LogFiles(TestWorkspace workspace) =>
        Directory.Exists(workspace.PathOf(".logs"))
            ? [.. Directory.GetFiles(workspace.PathOf(".logs"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];

    [Fact]
    public async Task A_workflow_named_like_an_sdk_target_fails_the_build_at_its_line_but_not_restore_or_help()
    {
        using var workspace = TestWorkspace.Empty();
        workspace.UseFeed(feed.Feed);
        workspace.Write("ci.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: b\n    actions: [{name: a, script: [echo]}]\nworkflows:\n  - name: Pack\n    steps: [{name: s, block: b, action: a}]\n");

        var help = await BuildAsync(workspace, "ci.polyproj", "-t:PolycrateHelp");
        var build = await BuildAsync(workspace, "ci.polyproj", "-p:PolycrateRuntime=Host");

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(new Regex($@"{Regex.Escape(workspace.PathOf("workspace.poly"))}\(6,\d+\): Polycrate error PCB6003: "), build.Output);
    }

    /// <summary>Renames the workflow's 'steps:' to 'stepz:' (a warning at that line, then the error 'has no steps'); returns the 0-based line.</summary>
    private static int BreakSteps(TestWorkspace workspace)
    {
        var lines = File.ReadAllLines(workspace.PathOf("workspace.poly")).ToList();
        var stepsLine = lines.FindIndex(l => l.Trim() == "steps:");
        lines[stepsLine] = lines[stepsLine].Replace("steps:", "stepz:", StringComparison.Ordinal);
        File.WriteAllLines(workspace.PathOf("workspace.poly"), lines);
        return stepsLine;
    }

    [Fact]
    public async Task Workflow_target_runs_its_steps_in_graph_order()
    {
        using var workspace = ScriptWorkspace.Create();
        workspace.UseFeed(feed.Feed);
        workspace.Write("ci.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");

        var result = await BuildAsync(workspace, "ci.polyproj", "-t:release", "-p:PolycrateRuntime=Host", "-p:PolycrateForce=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["build", "test", "publish"], ScriptWorkspace.Order(workspace));
    }

    [Fact]
    public async Task Step_target_runs_the_steps_it_needs_first_as_msbuild_targets()
    {
        using var workspace = ScriptWorkspace.Create();
        workspace.UseFeed(feed.Feed);
        workspace.Write("ci.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");

        var result = await BuildAsync(workspace, "ci.polyproj", "-t:release__publish", "-p:PolycrateRuntime=Host", "-v:n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["build", "test", "publish"], ScriptWorkspace.Order(workspace));
        var targets = MSBuildTargetStart().Matches(result.Output).Select(m => m.Groups["name"].Value)
            .Where(n => n.StartsWith("release__", StringComparison.Ordinal)).ToList();
        Assert.Equal(["release__build", "release__test", "release__publish"], targets);
    }

    [Fact]
    public async Task Action_target_runs_one_action()
    {
        using var workspace = ScriptWorkspace.Create();
        workspace.UseFeed(feed.Feed);
        workspace.Write("ci.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");

        var result = await BuildAsync(workspace, "ci.polyproj", "-t:tools_test", "-p:PolycrateRuntime=Host");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["test"], ScriptWorkspace.Order(workspace));
    }

    [Fact]
    public async Task Failing_step_fails_the_build_with_the_actions_error_at_the_step()
    {
        using var workspace = ScriptWorkspace.Create();
        workspace.UseFeed(feed.Feed);
        workspace.Write("ci.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");
        var junit = workspace.PathOf("artifacts/junit.xml");

        var result = await BuildAsync(workspace, "ci.polyproj", "-t:broken", "-p:PolycrateRuntime=Host", $"-p:PolycrateJUnitPath={junit}");

        Assert.NotEqual(0, result.ExitCode);
        var stepLine = File.ReadAllLines(workspace.PathOf("workspace.poly")).ToList().FindIndex(l => l.Contains("name: explode", StringComparison.Ordinal)) + 1;
        var file = Regex.Escape(workspace.PathOf("workspace.poly"));
        Assert.Matches(new Regex($@"{file}\({stepLine},\d+\): Polycrate error PCB6001: step broken/explode \(tools fail\) failed with exit code 3"), result.Output);
        Assert.Contains("disk quota exceeded on /srv/releases", result.Output, StringComparison.Ordinal);
        Assert.Equal(["build"], ScriptWorkspace.Order(workspace));
        var report = File.ReadAllText(junit);
        Assert.Contains("<testcase classname=\"broken\" name=\"explode\"", report, StringComparison.Ordinal);
        Assert.Contains("disk quota exceeded", report, StringComparison.Ordinal);
    }

    /// <summary>Needs a Docker engine: started through eng/start-docker.sh, and the local toolchain image as base.</summary>
    [Fact]
    public async Task Image_target_is_skipped_as_up_to_date_on_the_second_build_and_rebuilt_after_a_change()
    {
        foreach (var script in new[] { "eng/start-docker.sh", "eng/build-toolchain-image.sh" })
        {
            var prepared = await DotnetCommand.RunScriptAsync(script);
            Assert.True(prepared.ExitCode == 0, $"{script}: {prepared}");
        }

        using var workspace = TestWorkspace.CopyOf("nightly-maintenance");
        workspace.UseFeed(feed.Feed);
        var marker = Guid.NewGuid().ToString("N");
        workspace.Write("Dockerfile.poly", $"FROM polycrate-toolchain:bookworm-2\nLABEL polycrate.test=\"{marker}\"\n");

        var first = await BuildAsync(workspace, "acme.polyproj", "-t:PolycrateImage", "-v:n");
        var second = await BuildAsync(workspace, "acme.polyproj", "-t:PolycrateImage", "-v:n");
        File.AppendAllText(workspace.PathOf("Dockerfile.poly"), "LABEL polycrate.changed=\"yes\"\n");
        var third = await BuildAsync(workspace, "acme.polyproj", "-t:PolycrateImage", "-v:n");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Polycrate: toolchain image", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches(UpToDate(), second.Output);
        Assert.DoesNotContain("Polycrate: toolchain image", second.Output, StringComparison.Ordinal);
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.DoesNotMatch(UpToDate(), third.Output);
        Assert.Contains("Polycrate: toolchain image", third.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The sample's README job for real: the toolchain container (the default runtime) against the sample's target
    /// containers, `setup` once through its action target, then the workflow target.
    /// </summary>
    [Fact]
    public async Task Sample_workflow_target_runs_nightly_maintenance_for_real_against_the_sample_targets()
    {
        using var workspace = TestWorkspace.CopyOf("nightly-maintenance");
        workspace.UseFeed(feed.Feed);
        await using var targets = await SampleTargets.StartAsync("nightly-maintenance", workspace);

        var setup = await BuildAsync(workspace, "acme.polyproj", "-t:linux-maintenance_setup");
        var run = await BuildAsync(workspace, "acme.polyproj", "-t:nightly-maintenance", "-v:n");

        Assert.True(setup.ExitCode == 0, setup.ToString());
        Assert.Contains("Polycrate: action linux-maintenance setup: succeeded", setup.Output, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["backup", "update", "verify"], SampleRun.StepsSucceeded(run.Output, "nightly-maintenance"));
        SampleRun.AssertHealthCheckOk(workspace, run.Output);
        // The image was built (and stamped) by the setup build: the workflow's build skips it.
        Assert.Matches(UpToDate(), run.Output);
    }

    private Task<CommandResult> BuildAsync(TestWorkspace workspace, string project, params string[] arguments) =>
        DotnetCommand.RunAsync(workspace.Root, ["build", project, "-nodeReuse:false", .. arguments],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = feed.PackagesFolder, ["CI"] = "true" },
            TimeSpan.FromMinutes(8));

    [GeneratedRegex(@"^\s*(?<name>[\w-]+)\s+\[(Action|Step|Workflow|BlockInstall)\]", RegexOptions.Multiline)]
    private static partial Regex TargetLine();

    /// <summary>The console logger's target banner at normal verbosity: "  1>release__build:".</summary>
    [GeneratedRegex(@"^\s*(\d+>)?(?<name>[\w-]+):\s*$", RegexOptions.Multiline)]
    private static partial Regex MSBuildTargetStart();

    [GeneratedRegex(@"Skipping target ""PolycrateImage"" because all output files are up-to-date")]
    private static partial Regex UpToDate();
}
