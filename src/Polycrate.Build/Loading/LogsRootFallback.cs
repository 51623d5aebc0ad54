using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Loading;

/// <summary>
/// Where the run logs are when workspace.poly does not load (a typo, a step naming a removed block): <c>logs list</c> and
/// <c>logs inspect</c> are what one reads to find out what happened, so they go on with the workspace's <c>logsroot</c> as
/// far as the file parses (else the default <c>.logs</c>) and say why in warning PCB1046, instead of failing on an error
/// that has nothing to do with reading logs. Without a workspace.poly there is nothing to fall back to: the error stands.
/// </summary>
internal static class LogsRootFallback
{
    /// <summary>The workspace root and logs directory (relative to it) to read, and the warning that says why; null without workspace.poly.</summary>
    public static async Task<(string Root, string LogsRoot, Diagnostic Warning)?> ResolveAsync(string directory, WorkspaceException error,
        Func<string, string?> getVariable, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(directory);
        var path = Path.Combine(root, WorkspaceLoader.WorkspaceFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var ignored = new DiagnosticBag();
        var limits = InputLimits.FromEnvironment(getVariable);
        var text = await PolyFileReader.ReadAsync(path, limits, ignored, cancellationToken);
        var configured = text is null ? null : WorkspaceParser.Parse(YamlFile.Parse(path, text, ignored, limits), ignored)?.Settings.LogsRoot;
        // A logsroot that leads outside the workspace is itself an error (PCB1044): never read there.
        var inside = configured is not null && WorkspacePathCheck.Problem(root, configured) is null;
        var logsRoot = inside ? configured! : new Model.WorkspaceSettings().LogsRoot;
        var first = error.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) ?? (error.Diagnostics.Count > 0 ? error.Diagnostics[0] : null);
        var why = first is null ? error.Message : $"{first.Location}: {first.Code}: {first.Message}";
        var warning = new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.LogsDespiteInvalidWorkspace,
            $"the workspace does not load ({MessageText.Cut(why)}); the run logs are read from {logsRoot}/ anyway", new SourceLocation(path, 0, 0),
            "fix workspace.poly: 'polycrate-build workspace inspect' lists every error");
        return (root, logsRoot, warning);
    }
}
