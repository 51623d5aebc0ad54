namespace Polycrate.Build.Tasks;

/// <summary>
/// Codes the MSBuild front end adds to the engine's (documented in docs/diagnostics.md, range PCB6xxx: front ends).
/// Engine errors keep their own codes.
/// </summary>
internal static class KnownStrings
{
    /// <summary>An action, step or image target failed; the message carries the action's error and exit code.</summary>
    public const string TargetFailed = "PCB6001";

    /// <summary>Two graph targets map to the same MSBuild target name after sanitizing.</summary>
    public const string TargetNameCollision = "PCB6002";

    /// <summary>A workflow or action name maps to a target the SDK defines itself (Build, Restore, Clean …).</summary>
    public const string ReservedTargetName = "PCB6003";

    /// <summary>The build was canceled (Ctrl-C, or the IDE stopped it); the container was stopped.</summary>
    public const string Canceled = "PCB6004";

    /// <summary>A task parameter has a value the engine does not accept (e.g. Runtime="vm").</summary>
    public const string InvalidParameter = "PCB6005";

    /// <summary>MSBuild subcategory shown before the code, so logs read "Polycrate error PCB1003: …".</summary>
    public const string Subcategory = "Polycrate";
}
