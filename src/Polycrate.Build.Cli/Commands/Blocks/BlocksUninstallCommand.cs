using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Engine;
using Polycrate.Build.Model;

namespace Polycrate.Build.Cli.Commands.Blocks;

/// <summary><c>blocks uninstall NAME [--prune] [--force]</c>: remove a pulled block's directory and its blocks.lock pin.</summary>
internal sealed class BlocksUninstallCommand : Command
{
    private readonly Argument<string> _name = new("NAME") { Description = "Installed block name." };
    private readonly Option<bool> _prune = new("--prune") { Description = "Also remove the block's artifacts directory (artifacts/blocks/NAME)." };
    private readonly Option<bool> _force = new("--force")
    {
        Description = $"Also remove a block that was not pulled from a registry (no pin in {PolycrateNames.BlockLockFile}): a block you wrote yourself, whose files exist nowhere else.",
    };

    public BlocksUninstallCommand(CliContext cli)
        : base("uninstall", $"Remove a block pulled from a registry (its directory below blocks/ and its pin in {PolycrateNames.BlockLockFile}); "
            + "a block that was not pulled is refused without --force (exit 2).")
    {
        Arguments.Add(_name);
        Options.Add(_prune);
        Options.Add(_force);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var removed = (await cli.CreateEngine(loggers).UninstallBlockAsync(cli.WorkspaceRequest(parse), parse.GetValue(_name)!, parse.GetValue(_prune),
                parse.GetValue(_force), token)).Value;
            await cli.WriteDataAsync(parse, ConfigMap.Of(("removed", new ConfigList(removed.Select(r => (ConfigValue)ConfigScalar.String(r)).ToList()))));
            return 0;
        }, ct));
    }
}
