namespace Polycrate.Build.Cli.Tests;

/// <summary>
/// <c>--help</c> texts that did not say what the commands do (found by a newcomer reading every command's help): the exit
/// code of a canceled run, the 'placeholder' state <c>workspace status</c> prints, <c>blocks uninstall --force</c>.
/// </summary>
public sealed class HelpMatchesBehaviourTests
{
    [Fact]
    public async Task The_root_help_lists_every_exit_code_the_tool_uses()
    {
        var (exit, stdout, _) = await HelpAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("130 canceled", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_status_help_names_every_state_it_prints()
    {
        var (_, stdout, _) = await HelpAsync("workspace", "status", "--help");

        foreach (var state in new[] { "encrypted", "encrypted-only", "plaintext-only", "out-of-date", "placeholder", "unverified" })
        {
            Assert.Contains(state, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Blocks_uninstall_help_says_what_it_refuses_and_how_to_force_it()
    {
        var (_, stdout, _) = await HelpAsync("blocks", "uninstall", "--help");

        Assert.Contains("--force", stdout, StringComparison.Ordinal);
        Assert.Contains("not pulled", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Isolate_steps_help_says_when_to_use_it_not_how_it_was_before()
    {
        var (_, stdout, _) = await HelpAsync("run", "--help");

        Assert.DoesNotContain("(as before)", stdout, StringComparison.Ordinal);
        Assert.Contains("change the toolchain container's system files", stdout, StringComparison.Ordinal);
    }

    /// <summary>The help with its line wrapping undone (descriptions wrap at the console width).</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> HelpAsync(params string[] args)
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync(args);
        return (exit, System.Text.RegularExpressions.Regex.Replace(stdout, @"\s+", " "), stderr);
    }
}
