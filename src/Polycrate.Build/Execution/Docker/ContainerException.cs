using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// A failure talking to the container engine or running a container: no engine answers, the engine refused a
/// request, a pull or build stream reported an error, an image is missing under a pull policy.
/// <see cref="Code"/> is one of <see cref="ContainerErrorCodes"/>.
/// </summary>
internal class ContainerException : PolycrateException
{
    private readonly int _exitCode;

    public ContainerException(string code, string message, Exception? inner = null, int exitCode = 1)
        : base(message, inner)
    {
        Code = code;
        _exitCode = exitCode;
    }

    public override string Code { get; }

    public override int ExitCode => _exitCode;
}
