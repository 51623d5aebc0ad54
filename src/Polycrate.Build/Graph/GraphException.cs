using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Graph;

/// <summary>A target graph that cannot run: a cycle, an unknown dependency or an unknown target name. Exit code 2.</summary>
public sealed class GraphException : PolycrateException
{
    public GraphException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public override string Code { get; }

    public override int ExitCode => 2;

    public const string CycleCode = "PCB2001";
    public const string UnknownDependencyCode = "PCB2002";
    public const string UnknownTargetCode = "PCB2003";
}
