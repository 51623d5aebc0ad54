namespace Polycrate.Build.Diagnostics;

/// <summary>A block, action, workflow or step named on the command line does not exist. Exit code 2.</summary>
internal sealed class NotFoundException : PolycrateException
{
    public NotFoundException(string message)
        : base(message)
    {
    }

    public override string Code => DiagnosticCodes.NotFound;

    public override int ExitCode => 2;
}
