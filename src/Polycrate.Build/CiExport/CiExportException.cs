using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.CiExport;

/// <summary>A workflow that cannot be exported as asked (bad options, no workspace matched, clashing names). Exit code 2.</summary>
internal sealed class CiExportException : PolycrateException
{
    public CiExportException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public override string Code { get; }

    public override int ExitCode => 2;

    /// <summary><c>--workspaces</c> matched no directory holding a <c>workspace.poly</c>.</summary>
    public const string NoWorkspaceCode = DiagnosticCodes.ExportNoWorkspace;

    /// <summary>Two workspaces would give their jobs the same name (same directory name).</summary>
    public const string NameClashCode = DiagnosticCodes.ExportNameClash;

    /// <summary>A workspace lies outside the CI project directory, so its files cannot be job artifacts.</summary>
    public const string OutsideRootCode = DiagnosticCodes.ExportOutsideRoot;

    /// <summary>The format is neither gitlab-ci nor github-actions.</summary>
    public const string UnknownFormatCode = DiagnosticCodes.ExportUnknownFormat;
}
