using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>A block cannot be pushed as asked (no version, no registry, no directory of its own). Exit code 2.</summary>
public sealed class BlockPublishException : PolycrateException
{
    private readonly SourceLocation? _location;

    /// <summary>What cannot be pushed and how to fix it; <paramref name="location"/> = the block's definition, when known.</summary>
    public BlockPublishException(string message, SourceLocation? location = null)
        : base(message)
    {
        _location = location;
    }

    /// <summary>PCB4010.</summary>
    public override string Code => DiagnosticCodes.BlockPublish;

    /// <summary>Always 2: invalid input.</summary>
    public override int ExitCode => 2;

    /// <summary>The block's definition, so MSBuild annotates the block.poly line.</summary>
    public override SourceLocation? Location => _location;
}
