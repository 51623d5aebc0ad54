using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Engine;
using Polycrate.Build.Model;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary>
/// <c>workspace update</c>: installs every <c>dependencies:</c> entry and every <c>from:</c> registry block the workspace
/// is missing (Polycrate's command of the same name), pinning each in blocks.lock. It loads the workspace with missing
/// blocks allowed, so it works on exactly the workspaces that need it.
/// </summary>
internal sealed class WorkspaceUpdateCommand : Command
{
    private readonly Option<bool> _update = new("--update")
    {
        Description = $"Also re-pull dependencies that are installed, accepting tags that now point at other content than {PolycrateNames.BlockLockFile} pins.",
    };

    private readonly Option<string[]> _insecure = RegistryOptions.InsecureRegistry();

    public WorkspaceUpdateCommand(CliContext cli)
        : base("update", $"Install the blocks in 'dependencies:' and every missing 'from:' registry block, pinned in {PolycrateNames.BlockLockFile}. "
            + $"References without a host use ${PolycrateNames.RegistryVariable}, else workspace.poly 'registry.url', else {PolycrateNames.PolycrateRegistry}.")
    {
        Options.Add(_update);
        Options.Add(_insecure);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var request = new BlockPullRequest { Update = parse.GetValue(_update), InsecureRegistries = parse.GetValue(_insecure) ?? [] };
            var results = (await cli.CreateEngine(loggers).PullBlocksAsync(cli.WorkspaceRequest(parse), request, token)).Value;
            var root = cli.WorkspaceDirectory(parse);
            await cli.WriteDataAsync(parse, new ConfigList(results.Select(r => (ConfigValue)ConfigMap.Of(
                ("reference", ConfigScalar.String(r.Reference.ToString())),
                ("digest", ConfigScalar.String(r.Digest)),
                ("name", ConfigScalar.String(r.Name)),
                ("version", r.Version is null ? null : ConfigScalar.String(r.Version)),
                ("path", ConfigScalar.String(Path.GetRelativePath(root, r.Directory).Replace(Path.DirectorySeparatorChar, '/'))))).ToList()));
            return 0;
        }, ct));
    }
}
