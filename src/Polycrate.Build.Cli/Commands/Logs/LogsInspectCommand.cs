using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands.Logs;

/// <summary><c>logs inspect TXID</c>: one run log (a unique prefix of the id is enough).</summary>
internal sealed class LogsInspectCommand : Command
{
    private readonly Argument<string> _transaction = new("TXID") { Description = "Transaction id, or a unique prefix of it." };

    public LogsInspectCommand(CliContext cli)
        : base("inspect", "Print one run log: command, user, times, status, exit code, per-target results and output.")
    {
        Arguments.Add(_transaction);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var entry = await cli.CreateEngine(loggers).RunLogAsync(cli.WorkspaceRequest(parse), parse.GetValue(_transaction)!, token);
            await cli.WriteDataAsync(parse, entry.Value.Content);
            return 0;
        }, ct));
    }
}
