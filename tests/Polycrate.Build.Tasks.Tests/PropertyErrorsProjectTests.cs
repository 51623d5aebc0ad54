namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// A new user's mistakes in a real `dotnet build`: a wrong property value is refused before anything runs, naming the
/// property as typed and what it accepts (not MSBuild's MSB4030 about a task parameter); a missing workspace.poly says
/// which property points at it; <c>-t:PolycrateHelp</c> lists every run property.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class PropertyErrorsProjectTests(SdkFeedFixture feed)
{
    [Theory]
    [InlineData("-p:PolycrateForce=ja", "PolycrateForce='ja' is not valid: use true or false")]
    [InlineData("-p:PolycrateStrict=ja", "PolycrateStrict='ja' is not valid: use true or false")]
    [InlineData("-p:PolycrateMaxParallel=two", "PolycrateMaxParallel='two' is not valid: use a whole number, e.g. -p:PolycrateMaxParallel=3")]
    [InlineData("-p:PolycrateMaxParallel=0", "PolycrateMaxParallel=0 is not valid: it must be 1 or more")]
    [InlineData("-p:PolycrateLogLevel=9", "PolycrateLogLevel='9' is not valid: use a number from 0 to 5")]
    [InlineData("-p:PolycrateMount=/no/such/dir:/data", "PolycrateMount '/no/such/dir:/data': the source /no/such/dir does not exist")]
    public async Task A_wrong_property_value_names_the_property_and_runs_nothing(string property, string message)
    {
        using var workspace = ScriptWorkspace.Create();

        var result = await BuildAsync(workspace, "-t:release", "-p:PolycrateRuntime=Host", property);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"Polycrate error PCB6005: {message}", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB4030", result.Output, StringComparison.Ordinal);
        Assert.Empty(ScriptWorkspace.Order(workspace));
    }

    [Fact]
    public async Task A_wrong_runtime_is_refused_before_the_image_is_built()
    {
        using var workspace = ScriptWorkspace.Create();

        var result = await BuildAsync(workspace, "-t:release", "-p:PolycrateRuntime=vm");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("PCB6005: PolycrateRuntime='vm' is not valid: use one of Container, Host", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("toolchain image", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_without_workspace_poly_says_which_property_points_at_it()
    {
        using var workspace = TestWorkspace.Empty();

        var result = await BuildAsync(workspace);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Polycrate error PCB1007: no workspace.poly in", result.Output, StringComparison.Ordinal);
        Assert.Contains("set PolycrateWorkspaceDirectory to the folder with workspace.poly", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("-w DIR", result.Output, StringComparison.Ordinal);
    }

    /// <summary>`dotnet msbuild` does not restore, so help works before there is a (valid) workspace.poly.</summary>
    [Fact]
    public async Task PolycrateHelp_lists_every_run_property_without_a_workspace()
    {
        using var workspace = TestWorkspace.Empty();
        workspace.UseFeed(feed.Feed);
        workspace.Write("ci.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");

        var result = await DotnetCommand.RunAsync(workspace.Root, ["msbuild", "ci.polyproj", "-nodeReuse:false", "-t:PolycrateHelp"],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = feed.PackagesFolder, ["CI"] = "true" }, TimeSpan.FromMinutes(8));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(Engine.RunOptionCatalog.All, o => Assert.Contains($"  {o.MSBuildProperty} ", result.Output, StringComparison.Ordinal));
        Assert.Contains("-t:PolycrateTargets", result.Output, StringComparison.Ordinal);
    }

    private Task<CommandResult> BuildAsync(TestWorkspace workspace, params string[] arguments)
    {
        workspace.UseFeed(feed.Feed);
        workspace.Write("ci.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");
        return DotnetCommand.RunAsync(workspace.Root, ["build", "ci.polyproj", "-nodeReuse:false", .. arguments],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = feed.PackagesFolder, ["CI"] = "true" }, TimeSpan.FromMinutes(8));
    }
}
