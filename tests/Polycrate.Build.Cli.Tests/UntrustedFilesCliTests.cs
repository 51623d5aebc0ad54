using System.Diagnostics;

namespace Polycrate.Build.Cli.Tests;

/// <summary>
/// Issue 12 item 3 through the commands that read <c>blocks.lock</c> and run logs: a FIFO there neither hangs the command
/// nor is opened; the error (or, for <c>logs list</c>, the warning) is PCB1042 with the path.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UntrustedFilesCliTests : IDisposable
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(30);
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-cli-untrusted-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Blocks_list_with_a_fifo_as_blocks_lock_fails_with_pcb1042_at_the_file()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "workspace.poly"), "name: ws\n");
        MakeFifo(Path.Combine(_root, "blocks.lock"));

        var run = Task.Run(() => CliRunner.RunAsync("-w", _root, "blocks", "list"));
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(NoHang)));
        var (exit, _, stderr) = await run;

        Assert.Equal(2, exit);
        Assert.Contains($"{Path.Combine(_root, "blocks.lock")}", stderr, StringComparison.Ordinal);
        Assert.Contains("error PCB1042", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_list_warns_about_a_fifo_in_the_logs_and_lists_the_other_runs()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "workspace.poly"), "name: ws\n");
        var folder = Path.Combine(_root, ".logs", "2026", "11", "30");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "aaaaaaaa-0000-0000-0000-000000000000.yml"),
            "transaction: aaaaaaaa-0000-0000-0000-000000000000\nstarted: \"2026-11-30T10:00:00+00:00\"\nstatus: succeeded\ncommand: polycrate-build run app use\n");
        var fifo = Path.Combine(folder, "bbbbbbbb-0000-0000-0000-000000000000.yml");
        MakeFifo(fifo);

        var list = Task.Run(() => CliRunner.RunAsync("-w", _root, "logs", "list"));
        Assert.Same(list, await Task.WhenAny(list, Task.Delay(NoHang)));
        var (exit, stdout, stderr) = await list;

        Assert.Equal(0, exit);
        Assert.Contains("aaaaaaaa-0000-0000-0000-000000000000", stdout, StringComparison.Ordinal);
        Assert.Contains($"{fifo}: warning PCB1042", stderr, StringComparison.Ordinal);

        var inspect = Task.Run(() => CliRunner.RunAsync("-w", _root, "logs", "inspect", "bbbbbbbb"));
        Assert.Same(inspect, await Task.WhenAny(inspect, Task.Delay(NoHang)));
        var (inspectExit, _, inspectError) = await inspect;
        Assert.Equal(2, inspectExit);
        Assert.Contains("error PCB1042", inspectError, StringComparison.Ordinal);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
