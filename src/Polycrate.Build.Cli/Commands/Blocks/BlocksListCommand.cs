using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Model;

namespace Polycrate.Build.Cli.Commands.Blocks;

/// <summary><c>blocks list</c>: every block (the 2025 tool omitted blocks without <c>from:</c>).</summary>
internal sealed class BlocksListCommand : Command
{
    public BlocksListCommand(CliContext cli)
        : base("list", "List the workspace's blocks with version, parent (from:) and actions.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            var workspace = await cli.LoadWorkspaceAsync(parse, token, allowMissingBlocks: true);
            var items = workspace.Blocks.Select(b => (ConfigValue)ConfigMap.Of(
                ("name", ConfigScalar.String(b.Name)),
                ("version", b.Version is null ? null : ConfigScalar.String(b.Version)),
                ("kind", b.Kind is null ? null : ConfigScalar.String(b.Kind)),
                ("from", b.From is null ? null : ConfigScalar.String(b.From)),
                ("template", b.IsTemplate ? ConfigScalar.Bool(true) : null),
                ("workdir", b.Workdir is null ? ConfigScalar.String("(inline)") : ConfigScalar.String(Path.GetRelativePath(workspace.RootPath, b.Workdir))),
                ("actions", new ConfigList(b.Actions.Select(a => (ConfigValue)ConfigScalar.String(a.Name)).ToList()))))
                .Concat(workspace.MissingBlocks.Select(m => (ConfigValue)ConfigMap.Of(
                    ("name", ConfigScalar.String(m.RequiredBy)),
                    ("from", ConfigScalar.String(m.Reference)),
                    ("status", ConfigScalar.String("parent not installed")))))
                .ToList();
            await cli.WriteDataAsync(parse, new ConfigList(items));
            return 0;
        }, ct));
    }
}
