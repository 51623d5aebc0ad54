namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// A new user's mistakes in a real `dotnet cake` run: the failure names the Cake setting to change, never a CLI option.
/// </summary>
[Collection(AddinCollection.Name)]
public sealed class SettingErrorsCakeTests(AddinFeedFixture feed)
{
    [Theory]
    [InlineData("new PolycrateRunSettings { WorkspaceDirectory = Directory(\"no-such-folder\") }",
        "set WorkspaceDirectory in the settings to the folder with workspace.poly", "PCB1007")]
    [InlineData("new PolycrateRunSettings { Runtime = RuntimeKind.Host, MaxParallel = 0 }", "MaxParallel = 0 is not valid: it must be 1 or more", "PCB6005")]
    [InlineData("new PolycrateRunSettings { Runtime = RuntimeKind.Host, LogLevel = 9 }", "LogLevel = 9 is not valid: use a number from 0 to 5", "PCB6005")]
    public async Task A_wrong_setting_fails_the_run_naming_the_setting(string settings, string message, string code)
    {
        using var workspace = ScriptWorkspace.Create();
        workspace.Write("build.cake", $"#addin nuget:?package=Cake.Polycrate&version=0.1.0\nPolycrateRun(\"tools\", \"build\", {settings});\n");
        await feed.RestoreToolsAsync(workspace);

        var result = await feed.CakeAsync(workspace);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(code, result.Output, StringComparison.Ordinal);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("-w DIR", result.Output, StringComparison.Ordinal);
        Assert.Empty(ScriptWorkspace.Order(workspace));
    }
}
