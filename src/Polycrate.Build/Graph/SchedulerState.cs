namespace Polycrate.Build.Graph;

/// <summary>
/// The bookkeeping of one <see cref="TargetScheduler"/> run, indexed so that finishing a target costs O(its
/// dependents) and never a scan of the whole sub-graph: per target the number of unfinished dependencies, the
/// dependents to notify, and two queues ordered by position in the sub-graph (dependencies first).
/// </summary>
internal sealed class SchedulerState
{
    private readonly int[] _pending;
    private readonly List<int>[] _dependents;
    private readonly Dictionary<string, int> _position = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TargetResult> _results = new(StringComparer.Ordinal);
    private (bool FailureSeen, bool Canceled) _judgedAt;

    public SchedulerState(IReadOnlyList<Target> order)
    {
        _pending = new int[order.Count];
        _dependents = new List<int>[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            _position[order[i].Id] = i;
            _dependents[i] = [];
        }

        for (var i = 0; i < order.Count; i++)
        {
            foreach (var dependency in order[i].DependsOn)
            {
                _pending[i]++;
                _dependents[_position[dependency]].Add(i);
            }

            if (_pending[i] == 0)
            {
                Candidates.Enqueue(i, i);
            }
        }
    }

    /// <summary>Targets whose dependencies have all finished and that have not been judged yet (by position).</summary>
    public PriorityQueue<int, int> Candidates { get; } = new();

    /// <summary>Targets judged "run" that wait for a free slot (by position).</summary>
    public PriorityQueue<int, int> Deferred { get; } = new();

    public IReadOnlyDictionary<string, TargetResult> Results => _results;

    /// <summary>Results in the order the targets finished.</summary>
    public List<TargetResult> Finished { get; } = [];

    public bool FailureSeen { get; private set; }

    /// <summary>Records a final result and makes the dependents whose last dependency this was candidates.</summary>
    public void Finish(TargetResult result)
    {
        _results[result.Target.Id] = result;
        Finished.Add(result);
        FailureSeen |= result.IsFailure;
        foreach (var dependent in _dependents[_position[result.Target.Id]])
        {
            if (--_pending[dependent] == 0)
            {
                Candidates.Enqueue(dependent, dependent);
            }
        }
    }

    /// <summary>
    /// A judgement depends on the results of the target's dependencies (fixed once they finished), on whether
    /// something failed, and on cancellation; when one of the latter two changed, waiting targets are judged again.
    /// </summary>
    public void RejudgeIfStateChanged(bool canceled)
    {
        if (_judgedAt == (FailureSeen, canceled))
        {
            return;
        }

        _judgedAt = (FailureSeen, canceled);
        while (Deferred.TryDequeue(out var waiting, out _))
        {
            Candidates.Enqueue(waiting, waiting);
        }
    }
}
