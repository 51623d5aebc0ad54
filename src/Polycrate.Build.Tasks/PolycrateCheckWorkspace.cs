using Microsoft.Build.Framework;
using Polycrate.Build.Tasks.Generation;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks;

/// <summary>
/// Checks the run-option properties, loads the workspace and maps it to target names, reporting its warnings and errors
/// (load errors, target name collisions) at their lines: the
/// <c>PolycrateValidate</c> target, which runs before <c>PolycrateImage</c> (so before every generated target) and with
/// <c>Build</c> and <c>PolycrateTargets</c>, so every build shows the load warnings once even when no target of it runs
/// anything (restore only notes them, see <see cref="Generation.PolycrateGenerateTargets"/>).
/// </summary>
public sealed class PolycrateCheckWorkspace : PolycrateTask
{
    /// <summary>@(_PolycrateRunOption) of the generated targets: the run-option properties, checked before anything runs.</summary>
    public ITaskItem[] RunOptions { get; set; } = [];

    private protected override async System.Threading.Tasks.Task ExecuteAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken)
    {
        RunOptionItems.ToTask(RunOptions, WorkspaceDirectory).CreateOptions();
        // The target names too: restore only notes why it could not generate them (so -t:PolycrateHelp works whatever the
        // state of workspace.poly), and the build reports it here, at the line in workspace.poly.
        var list = (await CreateEngine(loggers, reporter).FrontEndTargetsAsync(WorkspaceRequest, WorkspaceTargetsWriter.ReservedNames, cancellationToken)).Value;
        foreach (var problem in list.Problems)
        {
            reporter.Report(problem);
        }
    }
}
