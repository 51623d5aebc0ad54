using System.CommandLine;
using Polycrate.Build.Runs;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>Runs an action or workflow through the engine façade with console output and the summary table; exit code = the run's.</summary>
internal static class RunInvoker
{
    public static Task<int> InvokeAsync(CliContext cli, ParseResult parse, RunOptionSet runOptions, Func<RunRequest> request, CancellationToken cancellationToken) =>
        cli.RunAsync(async token =>
        {
            var options = runOptions.ToRunOptions(parse, cli);
            using var loggers = cli.CreateLoggerFactory(parse);
            var observer = new ConsoleRunObserver(cli, prefixOutput: options.MaxParallel > 1);
            var report = await cli.CreateEngine(loggers).RunAsync(request(), options, observer, token);
            observer.WriteSummary(report);
            return report.Summary.ExitCode;
        }, cancellationToken);
}
