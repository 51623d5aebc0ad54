namespace Polycrate.Build.Cli.Tests;

/// <summary>
/// A missing playbook is reported by inspect commands and before a run, at its YAML position (warning PCB1020): the
/// workspace's other actions still run, as in Polycrate; running the action itself is error PCB1020 with exit code 2.
/// </summary>
public sealed class ActionFileCliTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-cli-actionfile-").FullName;

    public ActionFileCliTests()
    {
        File.WriteAllText(Path.Combine(_root, "workspace.poly"),
            "name: ws\nworkflows:\n  - name: both\n    steps:\n      - {name: ok, block: app, action: ok}\n      - {name: deploy, block: app, action: deploy}\n");
        Directory.CreateDirectory(Path.Combine(_root, "blocks", "app"));
        File.WriteAllText(Path.Combine(_root, "blocks", "app", "block.poly"),
            "name: app\nactions:\n  - name: deploy\n    playbook: deploy.yml\n  - name: ok\n    script: [echo ran-ok]\n");
        File.WriteAllText(Path.Combine(_root, "blocks", "app", "deploy.yaml"), "- hosts: all\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Expected(string severity) =>
        $"{Path.Combine(_root, "blocks", "app", "block.poly")}:4:15: {severity} PCB1020: action 'deploy' of block 'app' runs playbook file 'deploy.yml', which does not exist in blocks/app";

    [Theory]
    [InlineData("workspace", "inspect")]
    [InlineData("workflows", "inspect", "both")]
    [InlineData("blocks", "list")]
    public async Task Inspecting_the_workspace_warns_at_the_playbook_reference(params string[] args)
    {
        var (exit, _, stderr) = await CliRunner.RunAsync(["-w", _root, .. args]);

        Assert.True(exit == 0, stderr);
        Assert.Contains(Expected("warning"), stderr, StringComparison.Ordinal);
        Assert.Contains("Hint: did you mean 'deploy.yaml'?", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_action_runs_after_the_warning()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("-w", _root, "run", "app", "ok", "--runtime", "host");

        Assert.True(exit == 0, stderr);
        Assert.Contains(Expected("warning"), stderr, StringComparison.Ordinal);
        Assert.Contains("ran-ok", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_the_action_is_error_pcb1020_at_the_reference_with_exit_code_2()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("-w", _root, "run", "app", "deploy", "--runtime", "host");

        Assert.True(exit == 2, stderr);
        Assert.Contains("PCB1020: " + Path.Combine(_root, "blocks", "app", "block.poly") + ":4:15: action 'deploy' of block 'app' runs playbook file 'deploy.yml'",
            stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workflow_runs_its_steps_until_the_one_with_the_missing_playbook()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("-w", _root, "workflows", "run", "both", "--runtime", "host");

        Assert.True(exit == 2, stderr);
        Assert.Contains("ran-ok", stdout, StringComparison.Ordinal);
        Assert.Contains("PCB1020", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_refuses_the_workspace_at_load()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("-w", _root, "--strict", "workspace", "inspect");

        Assert.Equal(2, exit);
        Assert.Contains(Expected("warning"), stderr, StringComparison.Ordinal);
        Assert.Contains("--strict treats warnings as errors", stderr, StringComparison.Ordinal);
    }
}
