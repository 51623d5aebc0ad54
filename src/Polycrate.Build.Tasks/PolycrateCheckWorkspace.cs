using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks;

/// <summary>
/// Loads the workspace and reports its warnings and errors at their lines: the <c>PolycrateValidate</c> target, which
/// <c>Build</c> and <c>PolycrateTargets</c> run, so every build shows the load warnings once even when no target of it
/// runs anything (restore only notes them, see <see cref="Generation.PolycrateGenerateTargets"/>).
/// </summary>
public sealed class PolycrateCheckWorkspace : PolycrateTask
{
    private protected override async System.Threading.Tasks.Task ExecuteAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken) =>
        await LoadWorkspaceAsync(loggers, reporter, cancellationToken);
}
