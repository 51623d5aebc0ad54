using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Registry.Archive;

/// <summary>A block directory cannot be packed (escaping or absolute symlink, special file, unreadable entry).</summary>
internal sealed class BlockPackException : PolycrateException
{
    public BlockPackException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public override string Code => DiagnosticCodes.BlockPack;

    public override int ExitCode => 2;
}
