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

    public void TargetFinished(TargetResult result)
    {
    }

    public void Output(Target target, string line, bool isError) => Lines.Enqueue(line);

    public string Text => string.Join("\n", Lines);
}
