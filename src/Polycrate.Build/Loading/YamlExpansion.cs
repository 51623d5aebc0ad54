using Polycrate.Build.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>
/// Measures what a YAML tree stands for once its aliases are expanded — every reader after loading (config values,
/// snapshots, JSON output) copies aliased nodes — and refuses a tree above the limits: a "billion laughs" file of a
/// few hundred bytes expands to 10^9 values. The walk visits each distinct node once, in document order, so its own
/// cost and recursion depth follow the file, not the expansion.
/// </summary>
internal sealed class YamlExpansion
{
    private readonly InputLimits _limits;
    private readonly Dictionary<YamlNode, (long Nodes, int Depth)> _measured = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<YamlNode> _inProgress = new(ReferenceEqualityComparer.Instance);

    private YamlExpansion(InputLimits limits)
    {
        _limits = limits;
    }

    /// <summary>The first problem found (the innermost node above a limit), or null when the tree is within the limits.</summary>
    public static (YamlNode Node, string Code, string Message, string Hint)? Check(YamlNode root, InputLimits limits)
    {
        var expansion = new YamlExpansion(limits);
        expansion.Measure(root);
        return expansion._problem;
    }

    private (YamlNode Node, string Code, string Message, string Hint)? _problem;

    private (long Nodes, int Depth) Stop(YamlNode node, string code, string message, string hint)
    {
        _problem ??= (node, code, message, hint);
        return (0, 0);
    }

    private (long Nodes, int Depth) Measure(YamlNode node)
    {
        // A scalar stands for itself: nothing to expand, so nothing to remember (most nodes are scalars).
        if (node is YamlScalarNode)
        {
            return (1, 0);
        }

        if (_measured.TryGetValue(node, out var known))
        {
            return known;
        }

        if (!_inProgress.Add(node))
        {
            return Stop(node, DiagnosticCodes.YamlTooManyNodes, "this alias refers to the value that contains it, which would never end",
                "an alias may only refer to a value defined before and outside it");
        }

        long nodes = 1;
        var depth = 0;
        bool Add(YamlNode child)
        {
            var (childNodes, childDepth) = Measure(child);
            nodes = Math.Min(long.MaxValue / 2, nodes + childNodes);
            depth = Math.Max(depth, childDepth);
            return _problem is null;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (!Add(key) || !Add(value))
                    {
                        return (0, 0);
                    }
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (!Add(item))
                    {
                        return (0, 0);
                    }
                }

                break;
        }

        var result = (nodes, depth + 1);
        if (result.Item2 > _limits.MaxYamlDepth)
        {
            return Stop(node, DiagnosticCodes.YamlTooDeep,
                $"through its aliases this value nests mappings and lists more than {_limits.MaxYamlDepth} levels deep",
                $"flatten the structure, or raise the limit with {InputLimits.YamlDepthVariable} (docs/limits.md)");
        }

        if (nodes > _limits.MaxYamlNodes)
        {
            return Stop(node, DiagnosticCodes.YamlTooManyNodes,
                $"this value stands for more than {_limits.MaxYamlNodes} values once its aliases (*name) are expanded",
                $"use fewer nested aliases, or raise the limit with {InputLimits.YamlNodesVariable} (docs/limits.md)");
        }

        _inProgress.Remove(node);
        _measured[node] = result;
        return result;
    }
}
