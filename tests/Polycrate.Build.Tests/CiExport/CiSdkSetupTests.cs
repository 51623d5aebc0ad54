using System.Diagnostics;
using Polycrate.Build.CiExport;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Tests.CiExport;

/// <summary>
/// A fresh runner (or a toolchain image) has no .NET SDK, so <c>dotnet tool restore</c> would fail: GitHub jobs install it
/// with actions/setup-dotnet, GitLab jobs with Microsoft's install script when <c>dotnet</c> is missing. A job that calls
/// its own <c>--command</c> gets neither.
/// </summary>
public sealed class CiSdkSetupTests
{
    [Fact]
    public async Task GitHub_jobs_pin_the_sdk_of_global_json_too()
    {
        using var workspace = CiExportFixture.Create();
        File.WriteAllText(Path.Combine(workspace.Root, "global.json"), "{\"sdk\": {\"version\": \"10.0.100\"}}");

        var jobs = CiExportFixture.Parse(await CiExportFixture.ExportAsync(workspace.Root, CiFormat.GitHubActions)).Map("jobs");

        foreach (var job in jobs.Keys())
        {
            var setup = Assert.Single(jobs.Map(job).Seq("steps").Children.Cast<YamlMappingNode>(), s => s.Str("uses") == GitHubActionsWriter.SetupDotnetAction);
            Assert.Equal("global.json", setup.Map("with").Str("global-json-file"));
        }
    }

    [Theory]
    [InlineData(CiFormat.GitHubActions)]
    [InlineData(CiFormat.GitLabCi)]
    public async Task A_custom_command_gets_no_sdk_and_no_tool_restore(CiFormat format)
    {
        using var workspace = CiExportFixture.Create();

        var text = await CiExportFixture.ExportAsync(workspace.Root, format, configure: o => o with { Command = "/opt/polycrate-build" });

        Assert.DoesNotContain("setup-dotnet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet-install", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet tool restore", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitLab_jobs_install_the_sdk_only_where_dotnet_is_missing()
    {
        // Where dotnet is on PATH (this machine, an SDK image) the line must do nothing: no download, exit 0.
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", CiJobScript.InstallDotnetIfMissing + " && echo ready"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("ready\n", output);
        Assert.Contains("--channel 10.0 --install-dir \"$HOME/.dotnet\"", CiJobScript.InstallDotnetIfMissing, StringComparison.Ordinal);
    }
}
