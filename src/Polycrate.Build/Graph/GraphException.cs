using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Graph;

/// <summary>A target graph that cannot run: a cycle, an unknown dependency or an unknown target name. Exit code 2.</summary>
internal sealed class GraphException : PolycrateException
{
    public GraphException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public override string Code { get; }

    public override int ExitCode => 2;

    // Aliases of DiagnosticCodes, kept for the call sites that use them.
    public const string CycleCode = DiagnosticCodes.GraphCycle;
    public const string UnknownDependencyCode = DiagnosticCodes.UnknownDependency;
    public const string UnknownTargetCode = DiagnosticCodes.UnknownTarget;
}
