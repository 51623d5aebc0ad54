using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

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
            using var loggers = cli.CreateLoggerFactory(parse);
            var block = await cli.CreateEngine(loggers).InspectBlockAsync(cli.WorkspaceRequest(parse), parse.GetValue(_name)!, token);
            await cli.WriteDataAsync(parse, block.Value);
            return 0;
        }, ct));
    }
}
