namespace Polycrate.Build.Reporting;

/// <summary>
/// Keeps the last <see cref="Capacity"/> output lines of every target of a run, for failure reports (JUnit, CI
/// annotations) without holding a long playbook's whole output in memory. Thread-safe: steps run in parallel.
/// </summary>
public sealed class OutputTails
{
    private readonly Dictionary<string, Queue<string>> _tails = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public OutputTails(int capacity = 40)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public void Add(string targetId, string line)
    {
        lock (_gate)
        {
            if (!_tails.TryGetValue(targetId, out var tail))
            {
                tail = new Queue<string>(Capacity);
                _tails[targetId] = tail;
            }

            if (tail.Count == Capacity)
            {
                tail.Dequeue();
            }

            tail.Enqueue(line);
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Snapshot()
    {
        lock (_gate)
        {
            return _tails.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value], StringComparer.Ordinal);
        }
    }
}
