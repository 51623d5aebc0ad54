using System.CommandLine;
using Polycrate.Build.Execution;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>Runs something through the engine's WorkspaceRunner with console output and the summary table; exit code = the run's.</summary>
internal static class RunInvoker
{
    public static Task<int> InvokeAsync(CliContext cli, ParseResult parse, RunOptionSet runOptions,
        Func<WorkspaceRunner, RunOptions, CancellationToken, Task<RunReport>> run, CancellationToken cancellationToken) =>
        cli.RunAsync(async token =>
        {
            if (parse.GetValue(runOptions.Snapshot))
            {
                await cli.Stderr.WriteLineAsync("error: --snapshot prints the snapshot of one action: use 'polycrate-build run BLOCK ACTION --snapshot'");
                return 2;
            }

            var options = runOptions.ToRunOptions(parse, cli);
            await cli.PrintLoadWarningsAsync(parse, token);
            using var loggers = cli.CreateLoggerFactory(parse);
            using var observer = new ConsoleRunObserver(cli, prefixOutput: options.MaxParallel > 1, terminal: cli.Terminal.CanAsk && !Console.IsErrorRedirected);
            var report = await run(new WorkspaceRunner(loggers, observer), options, token);
            observer.WriteSummary(report);
            return report.Summary.ExitCode;
        }, cancellationToken);

    /// <summary>Runs one action, or with <c>--snapshot</c> prints the snapshot it would receive instead.</summary>
    public static Task<int> InvokeActionAsync(CliContext cli, ParseResult parse, RunOptionSet runOptions, string block, string action,
        CancellationToken cancellationToken) =>
        parse.GetValue(runOptions.Snapshot)
            ? cli.RunAsync(token => SnapshotPrinter.PrintAsync(cli, parse, block, action, runOptions.ToRunOptions(parse, cli), token), cancellationToken)
            : InvokeAsync(cli, parse, runOptions, (runner, options, token) => runner.RunActionAsync(options, block, action, token), cancellationToken);
}
