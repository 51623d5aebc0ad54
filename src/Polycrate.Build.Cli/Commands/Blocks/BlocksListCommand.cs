using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Engine;

namespace Polycrate.Build.Cli.Commands.Blocks;

/// <summary>
/// <c>blocks list</c>: every block (the 2025 tool omitted blocks without <c>from:</c>), with the digest of pulled
/// blocks from blocks.lock and, for registry <c>from:</c> references, the installed version and whether the pin matches.
/// </summary>
internal sealed class BlocksListCommand : Command
{
    public BlocksListCommand(CliContext cli)
        : base("list", $"List the workspace's blocks with version, parent (from:), actions, pulled digest ({PolycrateNames.BlockLockFile}) and pin status.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var blocks = await cli.CreateEngine(loggers).ListBlocksAsync(cli.WorkspaceRequest(parse), token);
            await cli.WriteDataAsync(parse, blocks.Value);
            return 0;
        }, ct));
    }
}
