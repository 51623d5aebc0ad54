using Microsoft.Build.Utilities;
using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Tasks.Logging;

/// <summary>
/// Turns engine diagnostics and exceptions into MSBuild errors and warnings with code, file, line and column,
/// so IDEs and CI annotate the line in workspace.poly / block.poly (<c>workspace.poly(12,5): error PCB1003: …</c>).
/// </summary>
internal sealed class DiagnosticReporter(TaskLoggingHelper log)
{
    public void Report(Diagnostic diagnostic)
    {
        var message = DiagnosticCatalog.ForFrontEnd(diagnostic.Hint is null ? diagnostic.Message : $"{diagnostic.Message} Hint: {diagnostic.Hint}", FrontEnd.MSBuild);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            Error(diagnostic.Code, diagnostic.Location, message);
        }
        else
        {
            var location = diagnostic.Location;
            log.LogWarning(KnownStrings.Subcategory, diagnostic.Code, null, location.File, location.Line, location.Column, 0, 0, "{0}", message);
        }
    }

    public void Report(PolycrateException exception)
    {
        if (exception is WorkspaceException workspace && workspace.Diagnostics.Count > 0)
        {
            foreach (var diagnostic in workspace.Diagnostics)
            {
                Report(diagnostic);
            }

            // In strict mode warnings are why the load failed: say so, or the build fails with warnings only.
            if (!workspace.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                Error(exception.Code, exception.Location, exception.Message.Split('\n')[0]);
            }

            return;
        }

        Error(exception.Code, exception.Location, exception.Message);
    }

    /// <summary>Every message goes through here or <see cref="Report(Diagnostic)"/>: hints are spelled as MSBuild properties.</summary>
    public void Error(string code, SourceLocation? location, string message) =>
        log.LogError(KnownStrings.Subcategory, code, null, location?.File, location?.Line ?? 0, location?.Column ?? 0, 0, 0, "{0}",
            DiagnosticCatalog.ForFrontEnd(message, FrontEnd.MSBuild));
}
