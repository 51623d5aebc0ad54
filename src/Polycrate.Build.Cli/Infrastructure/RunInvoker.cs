using System.CommandLine;
using Polycrate.Build.Runs;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>Runs an action or workflow through the engine façade with console output and the summary table; exit code = the run's.</summary>
internal static class RunInvoker
{
    public static Task<int> InvokeAsync(CliContext cli, ParseResult parse, RunOptionSet runOptions, Func<RunRequest> request, CancellationToken cancellationToken) =>
        cli.RunAsync(async token =>
        {
            if (parse.GetValue(runOptions.Snapshot))
            {
                await cli.Stderr.WriteLineAsync("error: --snapshot prints the snapshot of one action: use 'polycrate-build run BLOCK ACTION --snapshot'");
                return 2;
            }

            var options = runOptions.ToRunOptions(parse, cli);
            using var loggers = cli.CreateLoggerFactory(parse);
            using var observer = new ConsoleRunObserver(cli, prefixOutput: options.MaxParallel > 1, terminal: cli.Terminal.CanAsk && !Console.IsErrorRedirected);
            var report = await cli.CreateEngine(loggers).RunAsync(request(), options, observer, token);
            observer.WriteSummary(report);
            return report.Summary.ExitCode;
        }, cancellationToken);

    /// <summary>Runs one action, or with <c>--snapshot</c> prints the snapshot it would receive instead.</summary>
    public static Task<int> InvokeActionAsync(CliContext cli, ParseResult parse, RunOptionSet runOptions, string block, string action,
        CancellationToken cancellationToken) =>
        parse.GetValue(runOptions.Snapshot)
            ? cli.RunAsync(token => SnapshotPrinter.PrintAsync(cli, parse, block, action, runOptions.ToRunOptions(parse, cli), token), cancellationToken)
            : InvokeAsync(cli, parse, runOptions, () => RunRequest.ForAction(block, action), cancellationToken);
}
