using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands.Blocks;

/// <summary><c>blocks readme NAME</c>: print the README.md of a block's directory (an instance: its parent's).</summary>
internal sealed class BlocksReadmeCommand : Command
{
    private readonly Argument<string> _name = new("NAME") { Description = "Block (instance) name." };

    public BlocksReadmeCommand(CliContext cli)
        : base("readme", "Print the block's README.md (an instance shows its parent's).")
    {
        Arguments.Add(_name);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var readme = await cli.CreateEngine(loggers).BlockReadmeAsync(cli.WorkspaceRequest(parse), parse.GetValue(_name)!, token);
            await cli.Stdout.WriteAsync(readme.Value);
            return 0;
        }, ct));
    }
}
