namespace Polycrate.Build.Transactions;

/// <summary>The last lines of a target's output (bounded), for run logs and CI reports. Thread-safe.</summary>
internal sealed class OutputTail
{
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;

    public OutputTail(int capacity = 200)
    {
        _capacity = capacity;
    }

    public int TotalLines { get; private set; }

    public void Add(string line)
    {
        lock (_lines)
        {
            TotalLines++;
            _lines.Enqueue(line);
            if (_lines.Count > _capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            var omitted = TotalLines - _lines.Count;
            var text = string.Join("\n", _lines);
            return omitted > 0 ? $"[{omitted} earlier lines omitted]\n{text}" : text;
        }
    }
}
