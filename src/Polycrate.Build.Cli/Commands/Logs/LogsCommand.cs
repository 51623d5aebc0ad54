using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands.Logs;

/// <summary><c>logs</c>: the verb group.</summary>
internal sealed class LogsCommand : Command
{
    public LogsCommand(CliContext cli)
        : base("logs", "List and show run logs (.logs/YYYY/MM/DD/<transaction>.yml).")
    {
        Subcommands.Add(new LogsListCommand(cli));
        Subcommands.Add(new LogsInspectCommand(cli));
    }
}
