using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Tasks;

/// <summary>
/// Names the MSBuild front end uses for its own codes (aliases of the engine's <see cref="DiagnosticCodes"/>, range
/// PCB6xxx) and its log subcategory. Engine errors keep their own codes.
/// </summary>
internal static class KnownStrings
{
    /// <summary>An action, step or image target failed; the message carries the action's error and exit code.</summary>
    public const string TargetFailed = DiagnosticCodes.TargetFailed;

    /// <summary>The build was canceled (Ctrl-C, or the IDE stopped it); the container was stopped.</summary>
    public const string Canceled = DiagnosticCodes.Canceled;

    /// <summary>A task parameter has a value the engine does not accept (e.g. Runtime="vm").</summary>
    public const string InvalidParameter = DiagnosticCodes.InvalidParameter;

    /// <summary>MSBuild subcategory shown before the code, so logs read "Polycrate error PCB1003: …".</summary>
    public const string Subcategory = "Polycrate";
}
