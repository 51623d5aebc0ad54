namespace Polycrate.Build.Ssh;

/// <summary>
/// Groups, their parents and vars, and hosts with the groups they are listed in, as read from an inventory file;
/// <see cref="Hosts"/> applies Ansible's variable precedence. A group listed in several places is one group.
/// </summary>
internal sealed class InventoryTree
{
    private readonly Dictionary<string, HashSet<string>> _parents = new(StringComparer.Ordinal) { ["all"] = [] };
    private readonly Dictionary<string, Dictionary<string, string>> _groupVars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _hostVars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _hostGroups = new(StringComparer.Ordinal);
    private readonly List<string> _hostOrder = [];

    public void Group(string group, string? parent)
    {
        var parents = _parents.TryGetValue(group, out var known) ? known : _parents[group] = [];
        if (parent is not null && group != "all")
        {
            parents.Add(parent);
        }
    }

    public void GroupVars(string group, IReadOnlyDictionary<string, string> vars)
    {
        var target = _groupVars.TryGetValue(group, out var known) ? known : _groupVars[group] = new(StringComparer.Ordinal);
        foreach (var (key, value) in vars)
        {
            target[key] = value;
        }
    }

    public void Host(string host, string group, IReadOnlyDictionary<string, string> vars)
    {
        if (!_hostVars.TryGetValue(host, out var target))
        {
            target = _hostVars[host] = new(StringComparer.Ordinal);
            _hostGroups[host] = [];
            _hostOrder.Add(host);
        }

        _hostGroups[host].Add(group);
        foreach (var (key, value) in vars)
        {
            target[key] = value;
        }
    }

    /// <summary>Every host (in file order) with its groups (without <c>all</c>) and its vars: all, then groups outer to inner, then the host's own.</summary>
    public IEnumerable<(string Name, IReadOnlyList<string> Groups, IReadOnlyDictionary<string, string> Vars)> Hosts()
    {
        foreach (var host in _hostOrder)
        {
            var groups = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(_hostGroups[host]);
            while (pending.TryPop(out var group))
            {
                if (groups.Add(group))
                {
                    foreach (var parent in _parents.GetValueOrDefault(group) ?? [])
                    {
                        pending.Push(parent);
                    }
                }
            }

            var vars = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var group in groups.OrderBy(Depth).ThenBy(g => g, StringComparer.Ordinal))
            {
                foreach (var (key, value) in _groupVars.GetValueOrDefault(group) ?? [])
                {
                    vars[key] = value;
                }
            }

            foreach (var (key, value) in _hostVars[host])
            {
                vars[key] = value;
            }

            groups.Remove("all");
            yield return (host, groups.Order(StringComparer.Ordinal).ToList(), vars);
        }
    }

    /// <summary>Distance from <c>all</c> along the longest parent chain (Ansible applies deeper groups later).</summary>
    private int Depth(string group) => Depth(group, []);

    private int Depth(string group, HashSet<string> visiting)
    {
        if (group == "all" || !visiting.Add(group))
        {
            return 0;
        }

        var parents = _parents.GetValueOrDefault(group) ?? [];
        var depth = parents.Count == 0 ? 1 : 1 + parents.Max(p => Depth(p, visiting));
        visiting.Remove(group);
        return depth;
    }
}
