using Polycrate.Build.Diagnostics;
using Polycrate.Build.Registry;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>A pulled artifact is not the block the reference promises (block.poly invalid, other name or version).</summary>
internal sealed class InvalidBlockArtifactException : PolycrateException
{
    public InvalidBlockArtifactException(ImageReference reference, string problem)
        : base($"Refusing to install {reference}: {problem}. Nothing was installed and the previous block is unchanged; "
            + "ask the publisher to push a valid block, or pin another version in 'from:'.")
    {
    }

    public override string Code => DiagnosticCodes.InvalidBlockArtifact;
}
