using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Engine;
using Polycrate.Build.Model;

namespace Polycrate.Build.Cli.Commands.Blocks;

/// <summary><c>blocks pull REF</c>: install a registry block into blocks/&lt;registry&gt;/&lt;path&gt;/ and pin it in blocks.lock.</summary>
internal sealed class BlocksPullCommand : Command
{
    private readonly Argument<string> _reference = new("REF")
    {
        Description = "[HOST[:PORT]/]PATH[:TAG][@sha256:DIGEST]; no host means the default registry, no tag means latest.",
    };
    private readonly Option<bool> _update = new("--update")
    {
        Description = $"Accept a tag that now points at other content than {PolycrateNames.BlockLockFile} pins, and replace a block directory the lock does not know.",
    };

    private readonly Option<string?> _registry = RegistryOptions.Registry("for a REF without host", pulls: true);
    private readonly Option<string[]> _insecure = RegistryOptions.InsecureRegistry();

    public BlocksPullCommand(CliContext cli)
        : base("pull", $"Install a block from a registry into blocks/<registry>/<path>/ (atomically, validated) and pin its digest in {PolycrateNames.BlockLockFile}.")
    {
        Arguments.Add(_reference);
        Options.Add(_update);
        Options.Add(_registry);
        Options.Add(_insecure);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var workspace = cli.WorkspaceRequest(parse);
            var pulled = await cli.CreateEngine(loggers).PullBlocksAsync(workspace, new BlockPullRequest
            {
                References = [parse.GetValue(_reference)!],
                Update = parse.GetValue(_update),
                Registry = parse.GetValue(_registry),
                InsecureRegistries = parse.GetValue(_insecure) ?? [],
            }, token);
            var result = pulled.Value[0];
            await cli.WriteDataAsync(parse, ConfigMap.Of(
                ("reference", ConfigScalar.String(result.Reference.ToString())),
                ("digest", ConfigScalar.String(result.Digest)),
                ("name", ConfigScalar.String(result.Name)),
                ("version", result.Version is null ? null : ConfigScalar.String(result.Version)),
                ("path", ConfigScalar.String(Path.GetRelativePath(workspace.Directory, result.Directory).Replace(Path.DirectorySeparatorChar, '/'))),
                ("previous_digest", result.PreviousDigest is null || result.PreviousDigest == result.Digest ? null : ConfigScalar.String(result.PreviousDigest))));
            return 0;
        }, ct));
    }
}
