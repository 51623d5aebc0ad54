using System.Collections.Concurrent;
using System.Diagnostics;
using Polycrate.Build.Graph;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// What a run is doing right now, for the live status line: the targets running and since when, how many of the
/// planned targets are done, and how long the console has been silent. Thread-safe; time comes from one stopwatch.
/// </summary>
internal sealed class RunStatus
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, (string Name, TimeSpan Since)> _running = new(StringComparer.Ordinal);
    private int _total;
    private int _done;
    private long _lastOutputTicks;

    public TimeSpan Silence => _clock.Elapsed - TimeSpan.FromTicks(Interlocked.Read(ref _lastOutputTicks));

    public void Planned(int total) => _total = total;

    public void Started(Target target, string name)
    {
        _running[target.Id] = (name, _clock.Elapsed);
        Touched();
    }

    public void Finished(Target target)
    {
        _running.TryRemove(target.Id, out _);
        Interlocked.Increment(ref _done);
        Touched();
    }

    public void Touched() => Interlocked.Exchange(ref _lastOutputTicks, _clock.Elapsed.Ticks);

    /// <summary>"update (linux-maintenance update) 1m05s · 3/7 done", or null when nothing runs.</summary>
    public string? Describe()
    {
        var now = _clock.Elapsed;
        var running = _running.Values.OrderBy(r => r.Since).ToList();
        if (running.Count == 0)
        {
            return null;
        }

        var what = string.Join(", ", running.Take(3).Select(r => $"{r.Name} {Format(now - r.Since)}")) + (running.Count > 3 ? $" +{running.Count - 3}" : string.Empty);
        return _total > 0 ? $"{what} · {_done}/{_total} done" : what;
    }

    private static string Format(TimeSpan elapsed) =>
        elapsed.TotalMinutes >= 1 ? $"{(int)elapsed.TotalMinutes}m{elapsed.Seconds:00}s" : $"{elapsed.Seconds}s";
}
