namespace Polycrate.Build.Runs;

/// <summary>
/// Writes down a finished run (succeeded, failed or canceled): the run log, a JUnit report, events. A new kind of
/// record is a new implementation added to <see cref="RunServices.Recorders"/>; the executor and planner stay as they are.
/// </summary>
public interface IRunRecorder
{
    /// <summary>Short name of what it writes ("log", "junit"); <see cref="Execution.RunReport"/>'s log path is the "log" recorder's.</summary>
    string Name { get; }

    /// <returns>The file written, or null when nothing was written (not asked for, or writing failed and was logged).</returns>
    Task<string?> RecordAsync(RunRecord run, CancellationToken cancellationToken);
}
