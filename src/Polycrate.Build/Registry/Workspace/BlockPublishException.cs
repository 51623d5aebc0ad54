using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Registry.Workspace;

/// <summary>A block cannot be pushed as asked (no version, no registry, no directory of its own). Exit code 2.</summary>
public sealed class BlockPublishException : PolycrateException
{
    public BlockPublishException(string message)
        : base(message)
    {
    }

    public override string Code => "PCB4010";

    public override int ExitCode => 2;
}
