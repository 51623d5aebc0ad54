namespace Polycrate.Build.Cli.Tests;

/// <summary>
/// Every usage mistake gets one clear error (what is wrong, what would fit) and the help pointer of the verb that was
/// typed, exit code 2 — no stack of System.CommandLine follow-up errors, no crash.
/// </summary>
public sealed class UsageErrorTests
{
    private static readonly string Nightly = Path.Combine(CliRunner.Samples, "nightly-maintenance");

    private static async Task<string[]> UsageErrorAsync(params string[] args)
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync(["-w", Nightly, .. args]);
        Assert.True(exit == 2, $"exit {exit}\n{stderr}");
        Assert.Equal(string.Empty, stdout);
        Assert.DoesNotContain("Required command was not provided", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized command or argument", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        return stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Theory]
    [InlineData(new[] { "workspce", "inspect" }, "error: 'workspce' is not a command of 'polycrate-build'; did you mean 'workspace'?", "polycrate-build")]
    [InlineData(new[] { "workspace", "inspec" }, "error: 'inspec' is not a command of 'polycrate-build workspace'; did you mean 'inspect'?", "polycrate-build workspace")]
    [InlineData(new[] { "run", "linux-maintenance", "backup", "--forse" }, "error: '--forse' is not a known option of 'polycrate-build run'; did you mean '--force'?", "polycrate-build run")]
    [InlineData(new[] { "blocks", "frobnicate" }, "error: 'frobnicate' is not a command of 'polycrate-build blocks'; its commands: list, inspect, pull, push, readme, uninstall", "polycrate-build blocks")]
    public async Task An_unknown_verb_or_option_is_one_error_with_the_suggestion_and_the_help_pointer(string[] args, string error, string help)
    {
        var lines = await UsageErrorAsync(args);

        Assert.Equal([error, $"Run '{help} --help' for usage."], lines);
    }

    [Theory]
    [InlineData(new[] { "run" }, "error: 'polycrate-build run' needs BLOCK|WORKFLOW: 'polycrate-build run BLOCK|WORKFLOW [ACTION] [options]'; blocks: linux-maintenance; workflows: nightly-maintenance")]
    [InlineData(new[] { "run", "a", "b", "c" }, "error: 'polycrate-build run' takes at most 2 arguments (BLOCK|WORKFLOW [ACTION]); 'c' is one too many: 'polycrate-build run BLOCK|WORKFLOW [ACTION] [options]'")]
    [InlineData(new[] { "workflows", "run" }, "error: 'polycrate-build workflows run' needs NAME: 'polycrate-build workflows run NAME [options]'; workflows: nightly-maintenance")]
    [InlineData(new[] { "workflows", "run", "nightly-maintenance", "backup" }, "error: 'polycrate-build workflows run' takes one argument (NAME); 'backup' is one too many: 'polycrate-build workflows run NAME [options]'; to run one step: 'polycrate-build workflows run nightly-maintenance --step backup'")]
    [InlineData(new[] { "actions", "run", "linux-maintenance" }, "error: 'polycrate-build actions run' needs ACTION: 'polycrate-build actions run BLOCK ACTION [options]'; actions of block 'linux-maintenance': setup, backup, update, verify")]
    [InlineData(new[] { "blocks", "inspect" }, "error: 'polycrate-build blocks inspect' needs NAME: 'polycrate-build blocks inspect NAME [options]'; blocks: linux-maintenance")]
    [InlineData(new[] { "blocks", "pull" }, "error: 'polycrate-build blocks pull' needs REF: 'polycrate-build blocks pull REF [options]'")]
    [InlineData(new[] { "blocks", "inspect", "a", "b" }, "error: 'polycrate-build blocks inspect' takes one argument (NAME); 'b' is one too many: 'polycrate-build blocks inspect NAME [options]'")]
    [InlineData(new[] { "blocks" }, "error: 'polycrate-build blocks' needs a command: list, inspect, pull, push, readme, uninstall")]
    public async Task A_missing_or_extra_argument_names_what_is_missing_the_usage_and_what_would_fit(string[] args, string error)
    {
        var lines = await UsageErrorAsync(args);

        Assert.Equal(2, lines.Length);
        Assert.Equal(error, lines[0]);
        Assert.StartsWith("Run 'polycrate-build ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_value_that_is_not_a_number_is_a_usage_error_not_a_crash()
    {
        var lines = await UsageErrorAsync("run", "linux-maintenance", "backup", "--max-parallel", "many");

        Assert.Equal("error: 'many' is not a valid value of '--max-parallel': expected a whole number", lines[0]);
        Assert.Equal("Run 'polycrate-build run --help' for usage.", lines[^1]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task A_number_the_option_does_not_take_says_what_it_takes_not_that_it_is_no_number(string value)
    {
        // Before: "'0' is not a valid value of '--max-parallel': expected a whole number" — 0 is one.
        var lines = await UsageErrorAsync("run", "linux-maintenance", "backup", "--max-parallel", value);

        Assert.Equal($"error: '{value}' is not a valid value of '--max-parallel': expected a whole number, 1 or more", lines[0]);
        Assert.Equal("Run 'polycrate-build run --help' for usage.", lines[^1]);
    }

    [Fact]
    public async Task Run_block_without_an_action_says_the_action_is_missing_and_lists_the_actions()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("-w", Nightly, "run", "linux-maintenance");

        Assert.Equal(2, exit);
        Assert.Contains("error PCB2004: 'linux-maintenance' is a block, not a workflow, and no action was named: run one of its actions with "
            + "'run linux-maintenance <action>'; its actions: setup, backup, update, verify", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("no workflow", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_workflow_step_says_how_to_run_the_workflow_or_the_step()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("-w", Nightly, "run", "nightly-maintenance", "backup");

        Assert.Equal(2, exit);
        Assert.Contains("'nightly-maintenance' is a workflow, not a block: run it with 'run nightly-maintenance', or only its step 'backup' with "
            + "'workflows run nightly-maintenance --step backup'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workflows_run_with_a_block_name_lists_the_blocks_actions()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("-w", Nightly, "workflows", "run", "linux-maintenance");

        Assert.Equal(2, exit);
        Assert.Contains("'linux-maintenance' is a block, not a workflow", stderr, StringComparison.Ordinal);
        Assert.Contains("its actions: setup, backup, update, verify", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "run", "linux-maintenance", "bakup" }, "block 'linux-maintenance' has no action 'bakup'; did you mean 'backup'? its actions: setup, backup, update, verify")]
    [InlineData(new[] { "run", "nightly-maintenence" }, "there is no workflow 'nightly-maintenence' in workspace 'acme-corp-automation'; did you mean 'nightly-maintenance'? known workflows: nightly-maintenance")]
    [InlineData(new[] { "blocks", "inspect", "linux-maintenace" }, "did you mean 'linux-maintenance'? known blocks: linux-maintenance")]
    public async Task A_mistyped_name_gets_the_closest_one(string[] args, string message)
    {
        var (exit, _, stderr) = await CliRunner.RunAsync(["-w", Nightly, .. args]);

        Assert.Equal(2, exit);
        Assert.Contains("error PCB2004: ", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_of_an_unknown_name_in_a_workspace_without_workflows_lists_the_blocks_and_their_actions()
    {
        var root = Directory.CreateTempSubdirectory("pcb-cli-run-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, "workspace.poly"), """
                name: shop
                blocks:
                  - name: app
                    actions: [{name: deploy, script: [echo]}, {name: rollback, script: [echo]}]
                  - name: db
                    actions: [{name: backup, script: [echo]}]
                """);

            var (exit, stdout, stderr) = await CliRunner.RunAsync("-w", root, "run", "deploy");

            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains("error PCB2004: there is no workflow 'deploy' in workspace 'shop'; did you mean action 'deploy' of block 'app'? "
                + "known workflows: (none); blocks and their actions: app (deploy, rollback); db (backup); "
                + "run a workflow with 'run WORKFLOW', an action with 'run BLOCK ACTION'", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
