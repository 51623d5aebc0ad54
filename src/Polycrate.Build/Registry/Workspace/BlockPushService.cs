using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Model;
using Polycrate.Build.Resolution;

namespace Polycrate.Build.Registry.Workspace;

/// <summary>
/// Pushes one block of a loaded workspace. Its repository comes from, in this order: a <c>name</c> that starts with a
/// registry host; the block's directory when it sits at <c>blocks/&lt;host&gt;/&lt;path&gt;/</c> (how the product docs
/// develop a block); <c>--registry</c> or <see cref="DefaultRegistry.Variable"/> plus the name. The tag is the
/// block's <c>version</c>; <see cref="BlockPublisher"/> makes re-pushing identical content a no-op.
/// </summary>
public sealed class BlockPushService
{
    /// <summary>Reproducible-builds convention: when set (Unix seconds), it becomes the artifact's creation time.</summary>
    public const string SourceDateEpochVariable = "SOURCE_DATE_EPOCH";

    private readonly RegistryClient _client;
    private readonly Func<string, string?> _getVariable;
    private readonly ILogger _logger;

    public BlockPushService(RegistryClient client, Func<string, string?> getEnvironmentVariable, ILogger? logger = null)
    {
        _client = client;
        _getVariable = getEnvironmentVariable;
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task<PushResult> PushAsync(Model.Workspace workspace, BlockPushOptions options, CancellationToken cancellationToken)
    {
        var block = Lookup.Block(workspace, options.BlockName);
        if (block.From is not null)
        {
            throw new BlockPublishException($"block '{block.Name}' inherits from '{block.From}' ({block.FromLocation ?? block.Location}); "
                + "an instance has no files of its own to push. Push the block that holds the files (the one 'from:' names) instead.");
        }

        if (block.Workdir is null)
        {
            throw new BlockPublishException($"block '{block.Name}' is defined only in workspace.poly ({block.Location}) and has no directory to push; "
                + $"move it into {workspace.Settings.BlocksRoot}/<name>/{workspace.Settings.BlocksConfig}.");
        }

        if (string.IsNullOrEmpty(block.Version))
        {
            throw new BlockPublishException($"block '{block.Name}' has no 'version' ({block.Location}); the version is the tag to push. Add e.g. 'version: 0.1.0'.");
        }

        if (block.Version == "latest")
        {
            throw new BlockPublishException($"block '{block.Name}' has version 'latest' ({block.Location}); versions are immutable tags. "
                + "Give it a real version and pass --tag-latest to also move 'latest'.");
        }

        var reference = RepositoryOf(workspace, block, options).WithTag(block.Version);
        var result = await new BlockPublisher(_client, _logger).PushAsync(new PushOptions(reference, block.Workdir, block.Version)
        {
            Labels = block.Labels,
            Force = options.Force,
            TagLatest = options.TagLatest,
            Created = CreatedTime(),
            Source = options.Source,
        }, cancellationToken);
        return result;
    }

    private ImageReference RepositoryOf(Model.Workspace workspace, Block block, BlockPushOptions options)
    {
        if (new BlockReference(block.Name, null).IsRegistryReference)
        {
            var named = ImageReference.Parse(block.Name);
            if (options.Registry is { } explicitRegistry && DefaultRegistry.Resolve(explicitRegistry, _ => null) is { } host
                && host.Split('/')[0] != named.Registry)
            {
                throw new BlockPublishException($"block '{block.Name}' names its registry ({named.Registry}), and --registry {explicitRegistry} names another; "
                    + "drop --registry, or rename the block.");
            }

            return named;
        }

        var blocksRoot = Path.GetFullPath(Path.Combine(workspace.RootPath, workspace.Settings.BlocksRoot));
        var installPath = Path.GetRelativePath(blocksRoot, block.Workdir!).Replace(Path.DirectorySeparatorChar, '/');
        if (options.Registry is null && new BlockReference(installPath, null).IsRegistryReference
            && installPath.EndsWith("/" + block.Name, StringComparison.Ordinal))
        {
            return ImageReference.Parse(installPath);
        }

        var registry = DefaultRegistry.Resolve(options.Registry, _getVariable)
            ?? throw new BlockPublishException($"block '{block.Name}' names no registry host and lives at {workspace.Settings.BlocksRoot}/{installPath}, "
                + $"not below {workspace.Settings.BlocksRoot}/<host>/; pass --registry HOST[:PORT][/PREFIX] or set {DefaultRegistry.Variable}.");
        return DefaultRegistry.Qualify(block.Name, registry);
    }

    private DateTimeOffset? CreatedTime() =>
        long.TryParse(_getVariable(SourceDateEpochVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
