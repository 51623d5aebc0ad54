using System.Collections.Concurrent;
using Polycrate.Build.Execution;
using Polycrate.Build.Graph;

namespace Polycrate.Build.IntegrationTests.Secrets.Runs;

/// <summary>Collects what a front end would show of a run.</summary>
internal sealed class RecordingObserver : IRunObserver
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void TargetStarted(Target target)
    {
    }

    /// <summary>Every result in the order the observer was told (live, before the run's summary).</summary>
    public ConcurrentQueue<TargetResult> Finished { get; } = new();

    public void TargetFinished(TargetResult result) => Finished.Enqueue(result);

    public void Output(Target target, string line, bool isError) => Lines.Enqueue(line);

    public string Text => string.Join("\n", Lines);
}
