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
            var options = runOptions.ToRunOptions(parse, cli);
            using var loggers = cli.CreateLoggerFactory(parse);
            using var observer = new ConsoleRunObserver(cli, prefixOutput: options.MaxParallel > 1, terminal: cli.Terminal.CanAsk && !Console.IsErrorRedirected);
            var report = await run(new WorkspaceRunner(loggers, observer), options, token);
            observer.WriteSummary(report);
            return report.Summary.ExitCode;
        }, cancellationToken);
}
