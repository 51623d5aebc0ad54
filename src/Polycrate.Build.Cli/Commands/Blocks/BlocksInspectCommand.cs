using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Model;
using Polycrate.Build.Snapshots;

namespace Polycrate.Build.Cli.Commands.Blocks;

/// <summary><c>blocks inspect NAME</c>: one resolved block.</summary>
internal sealed class BlocksInspectCommand : Command
{
    private readonly Argument<string> _name = new("NAME") { Description = "Block (instance) name." };

    public BlocksInspectCommand(CliContext cli)
        : base("inspect", "Print one block as resolved: config merged over its parents, actions, paths.")
    {
        Arguments.Add(_name);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            var workspace = await cli.LoadWorkspaceAsync(parse, token, allowMissingBlocks: true);
            var block = Lookup.Block(workspace, parse.GetValue(_name)!);
            await cli.WriteDataAsync(parse, ModelProjection.Block(block, new PathMapper(workspace, onHost: false)));
            return 0;
        }, ct));
    }
}
