using Polycrate.Build.Diagnostics;
using Polycrate.Build.Registry;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>A pull would replace a block directory that blocks.lock does not know (e.g. a block developed in place).</summary>
internal sealed class BlockDirectoryConflictException : PolycrateException
{
    public BlockDirectoryConflictException(string relativePath, ImageReference reference)
        : base($"{relativePath} exists but {BlockLockFile.FileName} has no entry for it, so it was not pulled (it may be a block you develop there). "
            + $"Nothing was changed. To replace it with {reference}, run 'polycrate-build blocks pull {reference} --update'.")
    {
    }

    public override string Code => DiagnosticCodes.BlockDirectoryConflict;
}
