using Polycrate.Build.Diagnostics;
using Polycrate.Build.Registry;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>A tag now points at other content than the digest blocks.lock pinned for it (the tag was moved).</summary>
internal sealed class BlockPinException : PolycrateException
{
    public BlockPinException(ImageReference reference, string pinnedDigest, string currentDigest)
        : base($"{BlockLockFile.FileName} pins {reference} to {pinnedDigest}, but the registry's tag now points at {currentDigest}: "
            + "the tag was re-pushed with other content. Nothing was installed and the installed block is unchanged. "
            + $"If the new content is expected, run 'polycrate-build blocks pull {reference} --update'; otherwise ask the publisher why the tag moved.")
    {
        PinnedDigest = pinnedDigest;
        CurrentDigest = currentDigest;
    }

    public string PinnedDigest { get; }

    public string CurrentDigest { get; }

    public override string Code => DiagnosticCodes.BlockPinMoved;
}
