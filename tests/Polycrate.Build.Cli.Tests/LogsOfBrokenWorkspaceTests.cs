namespace Polycrate.Build.Cli.Tests;

/// <summary>
/// <c>logs list</c> / <c>logs inspect</c> on a workspace whose workspace.poly does not load. Before: PCB1001/PCB1012 and
/// exit 2, so the run logs — where one looks to find out what went wrong — could not be read until the file was fixed.
/// </summary>
public sealed class LogsOfBrokenWorkspaceTests : IDisposable
{
    private const string Transaction = "0c4f8e0e-1111-4222-8333-944455556666";

    private readonly string _root = Directory.CreateTempSubdirectory("pcb-cli-logs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("name: ws\nconfig:\n  logsroot: runlogs\nblocks:\n  - name: app\n   from: b\n", ".logs", "workspace.poly:6:4: PCB1001")]
    [InlineData("name: ws\nconfig:\n  logsroot: runlogs\nworkflows:\n  - name: w\n    steps: [{name: s, block: gone, action: go}]\n", "runlogs", "PCB1012")]
    public async Task Logs_are_listed_and_shown_with_a_warning_quoting_the_load_error(string workspacePoly, string logsRoot, string quoted)
    {
        File.WriteAllText(Path.Combine(_root, "workspace.poly"), workspacePoly);
        var log = Path.Combine(_root, logsRoot, "2026", "12", "01", Transaction + ".yml");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllText(log, $"transaction: {Transaction}\nworkspace: ws\ncommand: polycrate-build run app go\nuser: root\n"
            + "started: 2026-12-01T01:00:00+00:00\nfinished: 2026-12-01T01:00:01+00:00\nstatus: failed\nexit_code: 7\nversion: \"0.1.0\"\ntargets: []\n");

        var list = await CliRunner.RunAsync("-w", _root, "logs", "list");
        var inspect = await CliRunner.RunAsync("-w", _root, "logs", "inspect", "0c4f");

        Assert.True(list.ExitCode == 0, list.Stderr);
        Assert.Contains(Transaction, list.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning PCB1046", list.Stderr, StringComparison.Ordinal);
        Assert.Contains(quoted, list.Stderr, StringComparison.Ordinal);
        Assert.True(inspect.ExitCode == 0, inspect.Stderr);
        Assert.Contains("exit_code: 7", inspect.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_workspace_poly_there_is_nothing_to_read_and_the_error_stands()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("-w", _root, "logs", "list");

        Assert.Equal(2, exit);
        Assert.Contains("PCB1007", stderr, StringComparison.Ordinal);
    }
}
