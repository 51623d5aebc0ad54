using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Model;
using Polycrate.Build.WorkspaceBlocks;

namespace Polycrate.Build.Cli.Commands.Blocks;

/// <summary>
/// <c>blocks list</c>: every block (the 2025 tool omitted blocks without <c>from:</c>), with the digest of pulled
/// blocks from blocks.lock and, for registry <c>from:</c> references, the installed version and whether the pin matches.
/// </summary>
internal sealed class BlocksListCommand : Command
{
    public BlocksListCommand(CliContext cli)
        : base("list", $"List the workspace's blocks with version, parent (from:), actions, pulled digest ({BlockLockFile.FileName}) and pin status.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            var workspace = await cli.LoadWorkspaceAsync(parse, token, allowMissingBlocks: true);
            var lockFile = await BlockLockFile.LoadAsync(workspace.RootPath, token);
            var items = workspace.Blocks.Select(b =>
            {
                var pin = b.From is null ? null : BlockPin.Of(workspace, lockFile, b.From);
                var pulled = b.Workdir is null ? null : lockFile.FindByPath(Path.GetRelativePath(workspace.RootPath, b.Workdir).Replace(Path.DirectorySeparatorChar, '/'));
                return (ConfigValue)ConfigMap.Of(
                    ("name", ConfigScalar.String(b.Name)),
                    ("version", b.Version is null ? null : ConfigScalar.String(b.Version)),
                    ("kind", b.Kind is null ? null : ConfigScalar.String(b.Kind)),
                    ("from", b.From is null ? null : ConfigScalar.String(b.From)),
                    ("template", b.IsTemplate ? ConfigScalar.Bool(true) : null),
                    ("workdir", b.Workdir is null ? ConfigScalar.String("(inline)") : ConfigScalar.String(Path.GetRelativePath(workspace.RootPath, b.Workdir))),
                    ("actions", new ConfigList(b.Actions.Select(a => (ConfigValue)ConfigScalar.String(a.Name)).ToList())),
                    ("installed_version", pin?.InstalledVersion is { } installed ? ConfigScalar.String(installed) : null),
                    ("digest", (pin?.Digest ?? pulled?.Digest) is { } digest ? ConfigScalar.String(digest) : null),
                    ("pin", pin is null ? null : ConfigScalar.String(pin.Describe())));
            })
                .Concat(workspace.MissingBlocks.Select(m => (ConfigValue)ConfigMap.Of(
                    ("name", ConfigScalar.String(m.RequiredBy)),
                    ("from", ConfigScalar.String(m.Reference)),
                    ("status", ConfigScalar.String("parent not installed")),
                    ("pin", BlockPin.Of(workspace, lockFile, m.Reference) is { } pin ? ConfigScalar.String(pin.Describe()) : null))))
                .ToList();
            await cli.WriteDataAsync(parse, new ConfigList(items));
            return 0;
        }, ct));
    }
}
