using System.Collections.Concurrent;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Runs;

/// <summary>
/// The redacted output tail of every target of one run (the last lines, see <see cref="OutputTail"/>), filled by the
/// executor and read by the recorders: run log, JUnit, events.
/// </summary>
internal sealed class RunOutputs
{
    private readonly ConcurrentDictionary<string, OutputTail> _tails = new(StringComparer.Ordinal);

    /// <summary>The tail a target writes to; created when the target starts.</summary>
    internal OutputTail For(string targetId) => _tails.GetOrAdd(targetId, _ => new OutputTail());

    /// <summary>The target's output, or null when it printed nothing or never ran.</summary>
    public string? Of(string targetId) => _tails.TryGetValue(targetId, out var tail) && tail.TotalLines > 0 ? tail.ToString() : null;

    /// <summary>The target's output when it ran (empty when it printed nothing), null when it never started (JUnit's system-out).</summary>
    public string? OfStarted(string targetId) => _tails.TryGetValue(targetId, out var tail) ? tail.ToString() : null;
}
