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

    void TargetStarted(Target target);

    void TargetFinished(TargetResult result);

    void Output(Target target, string line, bool isError);
}
