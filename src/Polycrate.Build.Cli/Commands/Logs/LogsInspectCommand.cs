using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Transactions;

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
            var workspace = await cli.LoadWorkspaceAsync(parse, token, allowMissingBlocks: true);
            var id = parse.GetValue(_transaction)!;
            var entry = new RunLogStore(workspace.RootPath, workspace.Settings.LogsRoot).Find(id)
                ?? throw new NotFoundException($"no run log for transaction '{id}'; 'polycrate-build logs list' shows the runs");
            await cli.WriteDataAsync(parse, entry.Content);
            return 0;
        }, ct));
    }
}
