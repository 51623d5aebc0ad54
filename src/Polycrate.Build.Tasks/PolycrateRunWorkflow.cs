using Microsoft.Build.Framework;
using Polycrate.Build.Runs;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks;

/// <summary>
/// Runs a workflow in the engine's scheduler (<c>needs:</c>, <c>when:</c>, <c>allow_failure</c>, parallel steps),
/// or with <see cref="Step"/> that one step alone (<c>workflows run NAME --step STEP</c>).
/// </summary>
public sealed class PolycrateRunWorkflow : PolycrateRunTask
{
    /// <summary>The workflow's name in the workspace.</summary>
    [Required]
    public string Workflow { get; set; } = string.Empty;

    /// <summary>Run only this step of <see cref="Workflow"/> (keeping its <c>allow_failure</c>); empty: the whole workflow.</summary>
    public string? Step { get; set; }

    private protected override async System.Threading.Tasks.Task ExecuteAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken)
    {
        var step = string.IsNullOrWhiteSpace(Step) ? null : Step;
        // A step target keeps its allow_failure: the next step target (which depends on it) runs as in the CLI's workflow run.
        await RunAsync(new WorkflowRunRequest(Workflow, step) { StepTarget = step is not null }, loggers, reporter, cancellationToken);
    }
}
