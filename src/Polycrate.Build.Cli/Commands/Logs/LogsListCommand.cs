using System.CommandLine;
using System.Globalization;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Model;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Cli.Commands.Logs;

/// <summary><c>logs list</c>: runs newest first.</summary>
internal sealed class LogsListCommand : Command
{
    public LogsListCommand(CliContext cli)
        : base("list", "List the workspace's runs, newest first: transaction, start, status, command.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            var workspace = await cli.LoadWorkspaceAsync(parse, token, allowMissingBlocks: true);
            var entries = new RunLogStore(workspace.RootPath, workspace.Settings.LogsRoot).List();
            await cli.WriteDataAsync(parse, new ConfigList(entries.Select(e => (ConfigValue)ConfigMap.Of(
                ("transaction", ConfigScalar.String(e.TransactionId)),
                ("started", ConfigScalar.String(e.Started.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture))),
                ("status", ConfigScalar.String(e.Status)),
                ("command", ConfigScalar.String(e.Command)))).ToList()));
            return 0;
        }, ct));
    }
}
