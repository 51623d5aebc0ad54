using System.Text.RegularExpressions;

namespace Polycrate.Build.Tests.Architecture;

/// <summary>
/// Which top-level namespaces of the engine (Polycrate.Build.&lt;Folder&gt;) use which, read from the source: a file's
/// <c>namespace</c> line, its <c>using Polycrate.Build.X</c> lines and qualified names (<c>Execution.Cleanup.Foo</c>,
/// <c>Polycrate.Build.Model.Workspace</c>) outside comments. Text, not semantics: it sees what a reader sees.
/// </summary>
internal sealed partial class NamespaceDependencies
{
    private NamespaceDependencies(IReadOnlyDictionary<(string From, string To), List<string>> edges) => Edges = edges;

    /// <summary>Each edge with the places (file, or file:line) that make it.</summary>
    public IReadOnlyDictionary<(string From, string To), List<string>> Edges { get; }

    public static NamespaceDependencies Read(string engineDirectory)
    {
        var tops = Directory.EnumerateDirectories(engineDirectory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj"))
            .ToHashSet(StringComparer.Ordinal);
        var qualified = new Regex(@"(?<![\w.])(?:Polycrate\.Build\.)?(" + string.Join('|', tops) + @")\.[A-Z]", RegexOptions.CultureInvariant);
        var edges = new Dictionary<(string, string), List<string>>();
        foreach (var file in tops.SelectMany(top => Directory.EnumerateFiles(Path.Combine(engineDirectory, top), "*.cs", SearchOption.AllDirectories)))
        {
            var relative = Path.GetRelativePath(engineDirectory, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            var from = lines.Select(l => NamespaceLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
            if (from is null || !tops.Contains(from))
            {
                continue;
            }

            void Add(string to, string where)
            {
                if (to != from && tops.Contains(to))
                {
                    (edges.TryGetValue((from, to), out var places) ? places : edges[(from, to)] = []).Add(where);
                }
            }

            for (var i = 0; i < lines.Length; i++)
            {
                if (UsingLine().Match(lines[i]) is { Success: true } usingLine)
                {
                    Add(usingLine.Groups[1].Value, relative);
                    continue;
                }

                var code = lines[i].Split("//", 2)[0];
                foreach (Match match in qualified.Matches(code))
                {
                    Add(match.Groups[1].Value, $"{relative}:{i + 1}");
                }
            }
        }

        return new NamespaceDependencies(edges);
    }

    /// <summary>Every cycle as "A -> B -> … -> A" with the places of each edge; the given edges are left out.</summary>
    public IReadOnlyList<string> Cycles(IReadOnlySet<(string From, string To)> allowed)
    {
        var graph = Edges.Keys.Where(e => !allowed.Contains(e)).GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var cycles = new List<string>();
        var done = new HashSet<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            Visit(start, [], done, graph, cycles);
        }

        return cycles;
    }

    private void Visit(string node, List<string> path, HashSet<string> done, Dictionary<string, List<string>> graph, List<string> cycles)
    {
        if (path.IndexOf(node) is var at and >= 0)
        {
            var loop = path[at..].Append(node).ToList();
            var places = loop.Zip(loop.Skip(1), (a, b) => $"  {a} -> {b}: {string.Join(", ", Edges[(a, b)].Take(3))}");
            cycles.Add(string.Join(" -> ", loop) + "\n" + string.Join("\n", places));
            return;
        }

        if (!done.Add(node))
        {
            return;
        }

        path.Add(node);
        foreach (var next in graph.GetValueOrDefault(node) ?? [])
        {
            Visit(next, path, done, graph, cycles);
        }

        path.RemoveAt(path.Count - 1);
    }

    [GeneratedRegex(@"^namespace Polycrate\.Build\.(\w+)")]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using (?:static )?(?:\w+ = )?Polycrate\.Build\.(\w+)")]
    private static partial Regex UsingLine();
}
