using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands.Blocks;

/// <summary><c>blocks</c>: the verb group.</summary>
internal sealed class BlocksCommand : Command
{
    public BlocksCommand(CliContext cli)
        : base("blocks", "Inspect, pull and push blocks.")
    {
        Aliases.Add("block");
        Subcommands.Add(new BlocksListCommand(cli));
        Subcommands.Add(new BlocksInspectCommand(cli));
        Subcommands.Add(new BlocksPullCommand(cli));
        Subcommands.Add(new BlocksPushCommand(cli));
        Subcommands.Add(new BlocksReadmeCommand(cli));
        Subcommands.Add(new BlocksUninstallCommand(cli));
    }
}
