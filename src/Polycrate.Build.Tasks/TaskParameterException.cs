using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Tasks;

/// <summary>A task parameter (usually a Polycrate* property) has a value the engine does not accept. Exit code 2.</summary>
internal sealed class TaskParameterException(string message) : PolycrateException(message)
{
    public override string Code => KnownStrings.InvalidParameter;

    public override int ExitCode => 2;
}
