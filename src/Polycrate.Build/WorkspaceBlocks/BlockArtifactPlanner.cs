using System.Globalization;
using Polycrate.Build.Model;
using Polycrate.Build.Resolution;
using Polycrate.Build.Registry;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// Decides what publishing a block of a loaded workspace produces: its reference, tag, labels and creation time as
/// <see cref="PushOptions"/>. Push and pack both start here, so a packed OCI layout has exactly the manifest digest the
/// registry reports after the push.
/// <para>
/// The repository comes from, in this order: a <c>name</c> that starts with a registry host; the block's directory
/// when it sits at <c>blocks/&lt;host&gt;/&lt;path&gt;/</c> (how the product docs develop a block); the explicit
/// registry option or <see cref="DefaultRegistry.Variable"/> plus the name. The tag is the block's <c>version</c>.
/// </para>
/// </summary>
internal sealed class BlockArtifactPlanner(Func<string, string?> getEnvironmentVariable)
{
    /// <summary>Reproducible-builds convention: when set (Unix seconds), it becomes the artifact's creation time.</summary>
    public const string SourceDateEpochVariable = "SOURCE_DATE_EPOCH";

    public PushOptions Plan(Model.Workspace workspace, BlockPushOptions options)
    {
        var block = Lookup.Block(workspace, options.BlockName);
        if (block.From is not null)
        {
            throw new BlockPublishException($"block '{block.Name}' inherits from '{block.From}' ({block.FromLocation ?? block.Location}); "
                + "an instance has no files of its own to push. Push the block that holds the files (the one 'from:' names) instead.",
                block.FromLocation ?? block.Location);
        }

        if (block.Workdir is null)
        {
            throw new BlockPublishException($"block '{block.Name}' is defined only in workspace.poly ({block.Location}) and has no directory to push; "
                + $"move it into {workspace.Settings.BlocksRoot}/<name>/{workspace.Settings.BlocksConfig}.", block.Location);
        }

        if (string.IsNullOrEmpty(block.Version))
        {
            throw new BlockPublishException($"block '{block.Name}' has no 'version' ({block.Location}); the version is the tag to push. Add e.g. 'version: 0.1.0'.", block.Location);
        }

        if (block.Version == "latest")
        {
            throw new BlockPublishException($"block '{block.Name}' has version 'latest' ({block.Location}); versions are immutable tags. "
                + "Give it a real version and pass --tag-latest (TagLatest) to also move 'latest'.", block.Location);
        }

        var reference = RepositoryOf(workspace, block, options).WithTag(block.Version);
        return new PushOptions(reference, block.Workdir, block.Version)
        {
            Labels = block.Labels,
            Force = options.Force,
            TagLatest = options.TagLatest,
            Created = CreatedTime(),
            Source = string.IsNullOrWhiteSpace(options.Source) ? null : options.Source,
        };
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
                    + "drop --registry, or rename the block.", block.Location);
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

        var registry = DefaultRegistry.Resolve(options.Registry, getEnvironmentVariable)
            ?? throw new BlockPublishException($"block '{block.Name}' names no registry host and lives at {workspace.Settings.BlocksRoot}/{installPath}, "
                + $"not below {workspace.Settings.BlocksRoot}/<host>/; pass --registry HOST[:PORT][/PREFIX] (MSBuild: PolycrateRegistry, Cake: Registry) "
                + $"or set {DefaultRegistry.Variable}.", block.Location);
        return DefaultRegistry.Qualify(block.Name, registry);
    }

    private DateTimeOffset? CreatedTime() =>
        long.TryParse(getEnvironmentVariable(SourceDateEpochVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
