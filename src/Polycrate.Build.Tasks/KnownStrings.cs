namespace Polycrate.Build.Tasks;

/// <summary>
/// Codes the MSBuild front end adds to the engine's (documented in docs/diagnostics.md, range PCB6xxx: front ends;
/// PCB6002/PCB6003, target names, live in the engine's <see cref="Graph.FrontEndTargets"/>).
/// Engine errors keep their own codes.
/// </summary>
internal static class KnownStrings
{
    /// <summary>An action, step or image target failed; the message carries the action's error and exit code.</summary>
    public const string TargetFailed = "PCB6001";

    /// <summary>The build was canceled (Ctrl-C, or the IDE stopped it); the container was stopped.</summary>
    public const string Canceled = "PCB6004";

    /// <summary>A task parameter has a value the engine does not accept (e.g. Runtime="vm").</summary>
    public const string InvalidParameter = "PCB6005";

    /// <summary>MSBuild subcategory shown before the code, so logs read "Polycrate error PCB1003: …".</summary>
    public const string Subcategory = "Polycrate";
}
