using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Model;
using Polycrate.Build.WorkspaceBlocks;

namespace Polycrate.Build.Cli.Commands.Blocks;

/// <summary><c>blocks push NAME</c>: publish a block as an OCI artifact tagged with its version.</summary>
internal sealed class BlocksPushCommand : Command
{
    private readonly Argument<string> _name = new("NAME") { Description = "Block name (its directory is pushed)." };
    private readonly Option<string?> _registry = RegistryOptions.Registry("for a block whose name and directory name no registry host");
    private readonly Option<bool> _force = new("--force") { Description = "Overwrite the version tag when it already holds different content." };
    private readonly Option<bool> _tagLatest = new("--tag-latest") { Description = "Also point the 'latest' tag at this version." };
    private readonly Option<string?> _source = new("--source") { Description = "Source repository URL, stored as org.opencontainers.image.source.", HelpName = "URL" };
    private readonly Option<string[]> _insecure = RegistryOptions.InsecureRegistry();

    public BlocksPushCommand(CliContext cli)
        : base("push", "Push a block to its registry, tagged with its version. Re-pushing the same content uploads nothing; "
            + "a tag holding other content is refused unless --force. Prints the reference and digest.")
    {
        Arguments.Add(_name);
        Options.Add(_registry);
        Options.Add(_force);
        Options.Add(_tagLatest);
        Options.Add(_source);
        Options.Add(_insecure);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var options = new BlockPushOptions(parse.GetValue(_name)!)
            {
                Registry = parse.GetValue(_registry),
                Force = parse.GetValue(_force),
                TagLatest = parse.GetValue(_tagLatest),
                Source = parse.GetValue(_source),
            };
            var pushed = await cli.CreateEngine(loggers).PushBlockAsync(cli.WorkspaceRequest(parse), parse.GetValue(_insecure) ?? [],
                (_, _) => Task.FromResult<BlockPushOptions?>(options), token);
            var result = pushed.Value!;
            await cli.WriteDataAsync(parse, ConfigMap.Of(
                ("reference", ConfigScalar.String($"{result.Reference.RepositoryReference}:{result.Reference.Tag}")),
                ("digest", ConfigScalar.String(result.Digest)),
                ("status", ConfigScalar.String(result.AlreadyPresent ? "unchanged (the tag already held this content)" : "pushed")),
                ("uploaded_bytes", ConfigScalar.Integer(result.BytesUploaded))));
            return 0;
        }, ct));
    }
}
