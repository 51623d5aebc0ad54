namespace Polycrate.Build.FrontEndTests;

/// <summary><c>dotnet build -t:PolycrateExportPipeline</c> on a workspace project (SDK from the feed).</summary>
[Collection(SdkCollection.Name)]
public sealed class ExportPipelineProjectTests(SdkFeedFixture feed)
{
    [Fact]
    public async Task The_target_writes_the_github_workflow_of_a_workflow()
    {
        using var workspace = ScriptWorkspace.Create();
        workspace.UseFeed(feed.Feed);
        workspace.Write("ci.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");

        var result = await BuildAsync(workspace, "-t:PolycrateExportPipeline", "-p:PolycrateExportWorkflow=release",
            "-p:PolycrateExportFormat=github-actions", "-p:PolycrateExportFile=.github/workflows/release.yml", "-p:PolycrateExportImage=registry.example.com/toolchain:1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var workflow = File.ReadAllText(workspace.PathOf(".github/workflows/release.yml"));
        Assert.Contains("  test:\n    name: test\n    runs-on: ubuntu-latest\n    container: registry.example.com/toolchain:1\n    needs:\n    - build\n", workflow, StringComparison.Ordinal);
        Assert.Contains("run: dotnet tool run polycrate-build workflows run release --step publish --runtime host --junit .logs/junit/publish.xml", workflow, StringComparison.Ordinal);
        Assert.Contains("${{ secrets.WORKSPACE_ENCRYPTION_KEY }}", workflow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_workflow_the_target_fails_with_pcb6021()
    {
        using var workspace = ScriptWorkspace.Create();
        workspace.UseFeed(feed.Feed);
        workspace.Write("ci.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");

        var result = await BuildAsync(workspace, "-t:PolycrateExportPipeline");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error PCB6021", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_workflow_is_a_coded_error()
    {
        using var workspace = ScriptWorkspace.Create();
        workspace.UseFeed(feed.Feed);
        workspace.Write("ci.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");

        var result = await BuildAsync(workspace, "-t:PolycrateExportPipeline", "-p:PolycrateExportWorkflow=nope");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("PCB2004", result.Output, StringComparison.Ordinal);
        // How to run, in MSBuild's words (the catalog's hint), not the CLI's.
        Assert.Contains("an action with -t:BLOCK_ACTION", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("'run BLOCK ACTION'", result.Output, StringComparison.Ordinal);
    }

    private Task<CommandResult> BuildAsync(TestWorkspace workspace, params string[] arguments) =>
        DotnetCommand.RunAsync(workspace.Root, ["build", "ci.polyproj", "-nodeReuse:false", .. arguments],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = feed.PackagesFolder, ["CI"] = "true" },
            TimeSpan.FromMinutes(8));
}
