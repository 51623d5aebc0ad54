using Polycrate.Build.Graph;

namespace Polycrate.Build.Execution;

/// <summary>
/// What a front end sees of a run: targets starting and finishing, and every output line of an action as it
/// happens (already redacted). The CLI prints to the console, MSBuild logs through the task logger, Cake to ICakeLog.
/// Calls may come from several threads when steps run in parallel.
/// </summary>
public interface IRunObserver
{
    /// <summary>Called once before the first target starts with every target the run will schedule (for progress: done/total).</summary>
    void RunPlanned(IReadOnlyList<Target> targets)
    {
    }

    /// <summary>A target starts running (its dependencies have finished); targets decided without running (skipped, not run, a workflow) only finish.</summary>
    void TargetStarted(Target target);

    /// <summary>A target reached its final state (every status, skipped and not-run included); its duration is wall-clock time.</summary>
    void TargetFinished(TargetResult result);

    /// <summary>One line of an action's output, without the line break, secrets masked; <paramref name="isError"/> = it came on stderr.</summary>
    void Output(Target target, string line, bool isError);
}
