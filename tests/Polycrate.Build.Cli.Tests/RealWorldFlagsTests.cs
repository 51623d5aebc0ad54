namespace Polycrate.Build.Cli.Tests;

/// <summary>
/// Polycrate's root flags that scripts and CI jobs written for Polycrate pass (its reference recommends
/// <c>--workspace-config</c> for CI): each is refused with what to do instead — before the verb or after it — never only
/// "unknown option".
/// </summary>
public sealed class RealWorldFlagsTests
{
    private static readonly string Nightly = Path.Combine(CliRunner.Samples, "nightly-maintenance");

    [Theory]
    [InlineData("--workspace-config", "workspace.poly", "the workspace file is always workspace.poly")]
    [InlineData("--blocks-root", "blocks", "set config.blocksroot in workspace.poly")]
    [InlineData("--artifacts-root", "artifacts", "set config.artifactsroot in workspace.poly")]
    [InlineData("--logs-root", ".logs", "set config.logsroot in workspace.poly")]
    [InlineData("--ssh-private-key", "id_rsa", "set config.sshprivatekey in workspace.poly")]
    [InlineData("--hub-url", "https://hub.example.org", "Polycrate's own CLI and services")]
    [InlineData("--runtime-dir", "/tmp/run", "private directory")]
    public async Task A_Polycrate_root_flag_says_what_to_do_instead_before_or_after_the_verb(string flag, string value, string instead)
    {
        foreach (var args in new[] { new[] { "-w", Nightly, flag, value, "workspace", "inspect" }, ["-w", Nightly, "workspace", "inspect", flag, value] })
        {
            var (exit, stdout, stderr) = await CliRunner.RunAsync(args);

            Assert.True(exit == 2, $"exit {exit}\n{stderr}");
            Assert.Equal(string.Empty, stdout);
            Assert.StartsWith($"error: '{flag}' is a flag of Polycrate's CLI that polycrate-build does not have: ", stderr, StringComparison.Ordinal);
            Assert.Contains(instead, stderr.Split('\n')[0], StringComparison.Ordinal);
        }
    }
}
