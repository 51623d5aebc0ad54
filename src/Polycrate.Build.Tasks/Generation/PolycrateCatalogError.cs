using System.Reflection;
using Microsoft.Build.Framework;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks.Generation;

/// <summary>
/// Reports an error of the SDK's own targets (PCB6006 targets not generated, PCB6021 export without a workflow) with
/// its code from the engine's catalog, so no .targets file holds a diagnostic code of its own.
/// </summary>
public sealed class PolycrateCatalogError : Microsoft.Build.Utilities.Task
{
    /// <summary>The name of the code in <see cref="DiagnosticCodes"/>, e.g. <c>TargetsNotGenerated</c>.</summary>
    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>The message: what is wrong and what to do.</summary>
    [Required]
    public string Text { get; set; } = string.Empty;

    /// <summary>Logs <see cref="Text"/> as an error with the code named by <see cref="Name"/>; always false (the build fails).</summary>
    /// <exception cref="ArgumentException"><see cref="Name"/> is not a public code of <see cref="DiagnosticCodes"/> (a bug in Sdk.targets).</exception>
    public override bool Execute()
    {
        var code = typeof(DiagnosticCodes).GetField(Name, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
            ?? throw new ArgumentException($"'{Name}' is not a name of {nameof(DiagnosticCodes)}", nameof(Name));
        new DiagnosticReporter(Log).Error(code, null, Text);
        return false;
    }
}
