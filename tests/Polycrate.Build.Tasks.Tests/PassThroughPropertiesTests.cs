namespace Polycrate.Build.FrontEndTests;

/// <summary>The Ansible pass-through and git properties of the SDK reach the engine: a real build records them in the run log.</summary>
[Collection(SdkCollection.Name)]
public sealed class PassThroughPropertiesTests(SdkFeedFixture feed)
{
    [Fact]
    public async Task Polycrate_pass_through_properties_are_recorded_in_the_run_log()
    {
        using var workspace = ScriptWorkspace.Create();
        workspace.UseFeed(feed.Feed);
        workspace.Write("ci.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");

        var result = await DotnetCommand.RunAsync(workspace.Root, ["build", "ci.polyproj", "-nodeReuse:false", "-t:tools_test", "-p:PolycrateRuntime=Host",
            "-p:PolycrateLimit=db01.acme-corp.com", "-p:PolycrateCheck=true", "-p:PolycrateTags=backup", "-p:PolycrateExtraVars=region=eu db_password=hunter2-x"],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = feed.PackagesFolder, ["CI"] = "true" }, TimeSpan.FromMinutes(8));

        Assert.True(result.ExitCode == 0, result.ToString());
        var log = Assert.Single(Directory.GetFiles(workspace.PathOf(".logs"), "*.yml", SearchOption.AllDirectories));
        var text = await File.ReadAllTextAsync(log);
        var ansible = text[text.IndexOf("\nansible:", StringComparison.Ordinal)..];
        Assert.Contains("limit: db01.acme-corp.com", ansible, StringComparison.Ordinal);
        Assert.Contains("check: true", ansible, StringComparison.Ordinal);
        Assert.Contains("tags: backup", ansible, StringComparison.Ordinal);
        Assert.Contains("region=eu", text, StringComparison.Ordinal);
        Assert.Contains("db_password=********", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }
}
