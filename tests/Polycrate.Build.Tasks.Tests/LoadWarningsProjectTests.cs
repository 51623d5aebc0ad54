using Polycrate.Build.Testing;

namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// MSBuild's half of "all three front ends report the same warnings" (issue 13): a real `dotnet build` of a workspace
/// with seven load warnings shows each once, in MSBuild's canonical <c>file(line,col): Polycrate warning PCBnnnn:</c> form,
/// at the position the CLI shows (<see cref="LoadWarningsWorkspace"/>, also checked by the CLI and Cake tests) — however
/// many tasks of the build load the workspace (restore, two step targets).
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class LoadWarningsProjectTests(SdkFeedFixture feed)
{
    [Theory]
    [InlineData("-t:release__second")]
    [InlineData("-t:PolycrateTargets")]
    [InlineData("-t:Build")]
    public async Task A_build_shows_every_load_warning_once_at_its_position(string target)
    {
        using var workspace = TestWorkspace.Empty();
        LoadWarningsWorkspace.WriteTo(workspace.Root);
        workspace.UseFeed(feed.Feed);
        workspace.Write("ci.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");

        var result = await DotnetCommand.RunAsync(workspace.Root, ["build", "ci.polyproj", "-nodeReuse:false", target, "-p:PolycrateRuntime=Host"],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = feed.PackagesFolder, ["CI"] = "true" }, TimeSpan.FromMinutes(8));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Sorted(LoadWarningsWorkspace.Expected), Sorted(LoadWarningsWorkspace.FromMSBuildFormat(result.Output, workspace.Root)));
        // Hints in MSBuild's words: a build has no --identity option.
        Assert.Contains("in the environment of the build", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--identity", result.Output, StringComparison.Ordinal);
    }

    private static List<string> Sorted(IEnumerable<ShownWarning> warnings) => [.. warnings.Select(w => w.ToString()).Order(StringComparer.Ordinal)];
}
