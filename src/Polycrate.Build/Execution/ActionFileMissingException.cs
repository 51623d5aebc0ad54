using Polycrate.Build.Diagnostics;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;

namespace Polycrate.Build.Execution;

/// <summary>
/// PCB1020 when an action whose playbook (or script file) does not exist is run: invalid input, exit code 2, located at
/// the reference in block.poly/workspace.poly. Loading only warns, because the workspace's other actions still run.
/// </summary>
internal sealed class ActionFileMissingException : PolycrateException
{
    private ActionFileMissingException(Diagnostic diagnostic)
        : base($"{diagnostic.Location}: {diagnostic.Message}. Hint: {diagnostic.Hint}")
    {
        Diagnostic = diagnostic;
    }

    /// <summary>The error at the reference.</summary>
    public Diagnostic Diagnostic { get; }

    public override string Code => Diagnostic.Code;

    public override int ExitCode => 2;

    public override SourceLocation? Location => Diagnostic.Location;

    /// <summary>Throws for the first missing file of the action, before anything of the run is prepared for it.</summary>
    public static void ThrowIfMissing(Workspace workspace, Block block, BlockAction action)
    {
        if (ActionFiles.FindMissing(workspace, block, action) is [var first, ..])
        {
            throw new ActionFileMissingException(first.ToDiagnostic(DiagnosticSeverity.Error));
        }
    }
}
