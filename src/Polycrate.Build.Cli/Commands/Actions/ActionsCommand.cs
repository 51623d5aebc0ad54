using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands.Actions;

/// <summary><c>actions</c>: the verb group.</summary>
internal sealed class ActionsCommand : Command
{
    public ActionsCommand(CliContext cli)
        : base("actions", "Inspect and run block actions.")
    {
        Aliases.Add("action");
        Subcommands.Add(new ActionsListCommand(cli));
        Subcommands.Add(new ActionsInspectCommand(cli));
        Subcommands.Add(new ActionsRunCommand(cli));
    }
}
