using Microsoft.Build.Framework;
using Polycrate.Build.WorkspaceBlocks;

namespace Polycrate.Build.Tasks;

/// <summary>
/// Base of the tasks that publish one block (pack, push): which block (<see cref="BlockFile"/> or <see cref="Block"/>)
/// and how it is named in a registry (<see cref="Registry"/>, <see cref="Source"/>), mapped to <see cref="BlockPushOptions"/>.
/// </summary>
public abstract class PolycrateBlockTask : PolycrateTask
{
    /// <summary>The block's block.poly (an item of <c>@(PolycrateBlock)</c>); or give <see cref="Block"/>.</summary>
    public string? BlockFile { get; set; }

    /// <summary>The block's name in the workspace; or give <see cref="BlockFile"/>.</summary>
    public string? Block { get; set; }

    /// <summary>Registry <c>host[:port][/prefix]</c> for blocks whose name and directory name no host; default $POLYCRATE_REGISTRY_URL.</summary>
    public string? Registry { get; set; }

    /// <summary><c>org.opencontainers.image.source</c> of the artifact (the SDK passes $(RepositoryUrl)).</summary>
    public string? Source { get; set; }

    /// <summary>
    /// Skip, with a message, a <see cref="BlockFile"/> that is not one to publish (an instance, or a block pulled from a
    /// registry). The SDK sets it for the default <c>blocks/**/block.poly</c> items only.
    /// </summary>
    public bool SkipUnpublishable { get; set; }

    /// <summary>The tagged reference the block is (or would be) pushed as: <c>host/path:version</c>.</summary>
    [Output]
    public string? Reference { get; set; }

    /// <summary>The manifest digest (<c>sha256:…</c>).</summary>
    [Output]
    public string? Digest { get; set; }

    /// <summary>The push options of the selected block, or null when it was skipped.</summary>
    private protected async Task<BlockPushOptions?> SelectAsync(Model.Workspace workspace, bool force, bool tagLatest, CancellationToken cancellationToken)
    {
        string name;
        if (!string.IsNullOrWhiteSpace(Block))
        {
            name = Block;
        }
        else if (!string.IsNullOrWhiteSpace(BlockFile))
        {
            if (SkipUnpublishable && await PublishableBlocks.SkipReasonAsync(workspace, BlockFile, cancellationToken) is { } reason)
            {
                Log.LogMessage(MessageImportance.High, "Polycrate: not publishing {0}: {1}", BlockFile, reason);
                return null;
            }

            name = PublishableBlocks.NameOf(workspace, BlockFile)
                ?? throw new BlockPublishException($"{BlockFile} is an instance of a registry block that is not installed; an instance has nothing of its own to publish.");
        }
        else
        {
            throw new TaskParameterException("give the block to publish: BlockFile (its block.poly) or Block (its name)");
        }

        return new BlockPushOptions(name)
        {
            Registry = string.IsNullOrWhiteSpace(Registry) ? null : Registry,
            Source = string.IsNullOrWhiteSpace(Source) ? null : Source,
            Force = force,
            TagLatest = tagLatest,
        };
    }
}
