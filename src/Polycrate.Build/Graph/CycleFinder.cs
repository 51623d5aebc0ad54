namespace Polycrate.Build.Graph;

/// <summary>Finds a dependency cycle and returns it as a chain (<c>a -> b -> a</c>), or null when there is none.</summary>
internal static class CycleFinder
{
    public static IReadOnlyList<string>? Find(IEnumerable<string> nodes, Func<string, IEnumerable<string>> dependencies)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false = on the stack, true = done
        var stack = new List<string>();

        IReadOnlyList<string>? Visit(string node)
        {
            if (state.TryGetValue(node, out var done))
            {
                if (done)
                {
                    return null;
                }

                var start = stack.IndexOf(node);
                return [.. stack.Skip(start), node];
            }

            state[node] = false;
            stack.Add(node);
            foreach (var dependency in dependencies(node))
            {
                if (Visit(dependency) is { } cycle)
                {
                    return cycle;
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = true;
            return null;
        }

        foreach (var node in nodes)
        {
            if (Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }
}
