using Polycrate.Build.Graph;

namespace Polycrate.Build.Runs;

/// <summary>
/// Writes down a run: the run log, a JUnit report, webhook events and the git commit. One instance per run
/// (<see cref="RunServices.Recorders"/> creates them); a new kind of record is a new implementation added there, the
/// planner and executor stay as they are. Disposed after the run when it implements <see cref="IAsyncDisposable"/>.
/// </summary>
internal interface IRunRecorder
{
    /// <summary>Short name of what it writes ("log", "junit"); <see cref="Execution.RunReport"/>'s log path is the "log" recorder's.</summary>
    string Name { get; }

    /// <summary>Before the first target runs (after planning). Throwing refuses the run (required events).</summary>
    Task StartAsync(RunStart run, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>As each scheduled target finishes (its output is in <see cref="RunStart.Outputs"/>).</summary>
    void TargetFinished(TargetResult result)
    {
    }

    /// <summary>After the run, in the order of <see cref="RunServices.Recorders"/>; called for canceled runs too.</summary>
    /// <returns>The file written, or null when nothing was written (not asked for, or writing failed and was logged).</returns>
    Task<string?> RecordAsync(FinishedRun run, CancellationToken cancellationToken);
}
