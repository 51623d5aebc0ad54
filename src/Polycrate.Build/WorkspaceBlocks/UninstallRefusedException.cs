using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// PCB2005: <c>blocks uninstall</c> of a block that was not pulled from a registry. Its directory is the only copy of
/// someone's work (unlike a pulled block, which a pull brings back), so it is not deleted without <c>--force</c>. Exit code 2.
/// </summary>
internal sealed class UninstallRefusedException : PolycrateException
{
    public UninstallRefusedException(string message)
        : base(message)
    {
    }

    public override string Code => DiagnosticCodes.UninstallLocalBlock;

    public override int ExitCode => 2;
}
