using System.CommandLine;
using System.Globalization;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.Cli.Commands.Logs;

/// <summary><c>logs list</c>: runs newest first.</summary>
internal sealed class LogsListCommand : Command
{
    public LogsListCommand(CliContext cli)
        : base("list", "List the workspace's runs, newest first: transaction, start, status, command. A file in the logs folder that is not a readable run log is skipped with a warning.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var skipped = new List<Diagnostic>();
            var entries = (await cli.CreateEngine(loggers).RunLogsAsync(cli.WorkspaceRequest(parse), skipped.Add, token)).Value;
            // An unreadable file (FIFO, device link, too large, not a log) is named with its code; the other runs are still listed.
            foreach (var problem in skipped)
            {
                await cli.Stderr.WriteLineAsync((problem with { Severity = DiagnosticSeverity.Warning }).ToString());
            }

            await cli.WriteDataAsync(parse, new ConfigList(entries.Select(e => (ConfigValue)ConfigMap.Of(
                ("transaction", ConfigScalar.String(e.TransactionId)),
                ("started", ConfigScalar.String(e.Started.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture))),
                ("status", ConfigScalar.String(e.Status)),
                ("command", ConfigScalar.String(e.Command)))).ToList()));
            return 0;
        }, ct));
    }
}
