using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks.Generation;

/// <summary>
/// Reports PCB6006 (<c>-t:PolycrateTargets</c> before restore generated the workspace targets) through the engine's
/// catalog, so Sdk.targets holds no diagnostic code of its own.
/// </summary>
public sealed class PolycrateTargetsNotGenerated : Microsoft.Build.Utilities.Task
{
    /// <summary>The workspace project file (<c>$(MSBuildProjectFile)</c>), named in the fix.</summary>
    public string ProjectFile { get; set; } = string.Empty;

    public override bool Execute()
    {
        new DiagnosticReporter(Log).Error(DiagnosticCodes.TargetsNotGenerated, null,
            $"The workspace targets are not generated yet: run 'dotnet restore {ProjectFile}' first.");
        return false;
    }
}
