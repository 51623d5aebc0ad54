using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Graph;

namespace Polycrate.Build.Cli.Tests;

/// <summary>The live status line: shown on a terminal while a step is silent, erased before the next output.</summary>
public sealed class StatusLineTests
{
    private static readonly Target Step = new() { Id = "step:nightly:backup", Kind = TargetKind.Step, Block = "linux-maintenance", Action = "backup", Step = "backup" };

    [Fact]
    public async Task A_silent_step_shows_step_elapsed_time_and_done_of_total_and_output_erases_it()
    {
        using var stderr = new StringWriter();
        var cli = new CliContext(new GlobalOptions(), TextWriter.Synchronized(new StringWriter()), TextWriter.Synchronized(stderr), interactive: true);
        using (var observer = new ConsoleRunObserver(cli, prefixOutput: false, terminal: true))
        {
            observer.RunPlanned([Step, Step with { Id = "step:nightly:update", Step = "update" }]);
            observer.TargetStarted(Step);
            await Task.Delay(TimeSpan.FromSeconds(4.5));
            observer.Output(Step, "backup written", isError: true);
        }

        var text = stderr.ToString();
        Assert.Matches(@"\r\e\[2K… backup \(linux-maintenance backup\) [2-9]s · 0/2 done", text);
        Assert.Contains("\r\e[2Kbackup written", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_terminal_no_control_characters_are_written()
    {
        using var stderr = new StringWriter();
        var cli = new CliContext(new GlobalOptions(), TextWriter.Synchronized(new StringWriter()), TextWriter.Synchronized(stderr), interactive: false);
        using (var observer = new ConsoleRunObserver(cli, prefixOutput: false, terminal: false))
        {
            observer.RunPlanned([Step]);
            observer.TargetStarted(Step);
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        Assert.DoesNotContain("\e", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("==> backup (linux-maintenance backup)\n", stderr.ToString().ReplaceLineEndings("\n"));
    }
}
