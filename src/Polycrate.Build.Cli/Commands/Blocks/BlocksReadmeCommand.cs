using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

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
            var workspace = await cli.LoadWorkspaceAsync(parse, token, allowMissingBlocks: true);
            var block = Lookup.Block(workspace, parse.GetValue(_name)!);
            var readme = block.Workdir is null ? null
                : Directory.EnumerateFiles(block.Workdir, "*", SearchOption.TopDirectoryOnly)
                    .FirstOrDefault(f => string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase));
            if (readme is null)
            {
                throw new NotFoundException(block.Workdir is null
                    ? $"block '{block.Name}' is defined only in workspace.poly and has no directory, so no README.md"
                    : $"block '{block.Name}' has no README.md in {Path.GetRelativePath(workspace.RootPath, block.Workdir)}");
            }

            await cli.Stdout.WriteAsync(await File.ReadAllTextAsync(readme, token));
            return 0;
        }, ct));
    }
}
