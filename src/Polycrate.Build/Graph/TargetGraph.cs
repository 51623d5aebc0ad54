using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Graph;

/// <summary>
/// An immutable, validated set of targets: every dependency exists and there is no cycle. The CLI, the MSBuild
/// tasks and the Cake addin all run sub-graphs of this one graph; none derives ordering on its own.
/// </summary>
internal sealed class TargetGraph
{
    private readonly Dictionary<string, Target> _targets;

    public TargetGraph(IEnumerable<Target> targets)
    {
        _targets = new Dictionary<string, Target>(StringComparer.Ordinal);
        var ordered = new List<Target>();
        foreach (var target in targets)
        {
            if (!_targets.TryAdd(target.Id, target))
            {
                throw new GraphException(GraphException.UnknownDependencyCode, $"target '{target.Id}' is defined twice");
            }

            ordered.Add(target);
        }

        Targets = ordered;
        foreach (var target in ordered)
        {
            foreach (var dependency in target.DependsOn.Where(d => !_targets.ContainsKey(d)))
            {
                throw new GraphException(GraphException.UnknownDependencyCode, $"target '{target.Id}' depends on '{dependency}', which does not exist");
            }
        }

        var cycle = CycleFinder.Find(ordered.Select(t => t.Id), id => _targets[id].DependsOn);
        if (cycle is not null)
        {
            throw new GraphException(GraphException.CycleCode, $"the target graph has a cycle: {MessageText.List(cycle, " -> ")}");
        }
    }

    /// <summary>All targets in definition order.</summary>
    public IReadOnlyList<Target> Targets { get; }

    public Target this[string id] => _targets.TryGetValue(id, out var target)
        ? target
        : throw new GraphException(GraphException.UnknownTargetCode, $"there is no target '{id}'");

    public bool Contains(string id) => _targets.ContainsKey(id);

    /// <summary>The targets <paramref name="roots"/> need, dependencies first (a stable topological order).</summary>
    public IReadOnlyList<Target> Closure(IEnumerable<string> roots)
    {
        var result = new List<Target>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string id)
        {
            if (!seen.Add(id))
            {
                return;
            }

            var target = this[id];
            foreach (var dependency in target.DependsOn)
            {
                Visit(dependency);
            }

            result.Add(target);
        }

        foreach (var root in roots)
        {
            Visit(root);
        }

        return result;
    }

    /// <summary>A copy of this graph with one target replaced (same id).</summary>
    public TargetGraph With(Target replacement) =>
        new(Targets.Select(t => t.Id == replacement.Id ? replacement : t));

    /// <summary>Targets that depend directly on <paramref name="id"/>.</summary>
    public IEnumerable<Target> Dependents(string id) => Targets.Where(t => t.DependsOn.Contains(id, StringComparer.Ordinal));
}
