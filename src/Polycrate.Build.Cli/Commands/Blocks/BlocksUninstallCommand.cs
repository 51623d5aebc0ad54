using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Engine;
using Polycrate.Build.Model;

namespace Polycrate.Build.Cli.Commands.Blocks;

/// <summary><c>blocks uninstall NAME [--prune]</c>: remove an installed block's directory and its blocks.lock pin.</summary>
internal sealed class BlocksUninstallCommand : Command
{
    private readonly Argument<string> _name = new("NAME") { Description = "Installed block name." };
    private readonly Option<bool> _prune = new("--prune") { Description = "Also remove the block's artifacts directory (artifacts/blocks/NAME)." };

    public BlocksUninstallCommand(CliContext cli)
        : base("uninstall", $"Remove an installed block (its directory below blocks/ and its pin in {PolycrateNames.BlockLockFile}).")
    {
        Arguments.Add(_name);
        Options.Add(_prune);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var removed = (await cli.CreateEngine(loggers).UninstallBlockAsync(cli.WorkspaceRequest(parse), parse.GetValue(_name)!, parse.GetValue(_prune), token)).Value;
            await cli.WriteDataAsync(parse, ConfigMap.Of(("removed", new ConfigList(removed.Select(r => (ConfigValue)ConfigScalar.String(r)).ToList()))));
            return 0;
        }, ct));
    }
}
