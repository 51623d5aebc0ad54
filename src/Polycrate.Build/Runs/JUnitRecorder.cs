using Polycrate.Build.Reporting;

namespace Polycrate.Build.Runs;

/// <summary>Writes the JUnit XML report of a run when <c>--junit FILE</c> (JUnitPath) asked for one.</summary>
internal sealed class JUnitRecorder : IRunRecorder
{
    public string Name => "junit";

    public async Task<string?> RecordAsync(FinishedRun run, CancellationToken cancellationToken)
    {
        if (run.Options.JUnitPath is not { } path)
        {
            return null;
        }

        await JUnitReportWriter.WriteAsync(path, run.Workspace.Name, run.Summary, run.Outputs.OfStarted, cancellationToken);
        return path;
    }
}
