using Polycrate.Build.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>
/// Applies YAML merge keys (<c>&lt;&lt;: *base</c>, <c>&lt;&lt;: [*a, *b]</c>) in place, as YAML 1.1 and Ansible read
/// them: keys written in the mapping itself win over merged ones wherever they stand, and of several merged mappings
/// the earlier one wins. Merged keys take the place of the <c>&lt;&lt;</c> entry and keep the positions where they
/// were written (the anchor), so later diagnostics point at real lines. A quoted <c>"&lt;&lt;"</c> stays a plain key.
/// </summary>
internal static class YamlMergeKeys
{
    private const string MergeTag = "tag:yaml.org,2002:merge";

    /// <summary>Applies every merge key below <paramref name="root"/>; false when there was none (the tree is unchanged).</summary>
    public static bool Apply(YamlNode root, YamlFile file, DiagnosticBag diagnostics)
    {
        // Post-order in document order: a merged mapping (defined earlier) has its own merges applied first.
        var done = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        return Visit(root, file, diagnostics, done);
    }

    private static bool Visit(YamlNode node, YamlFile file, DiagnosticBag diagnostics, HashSet<YamlNode> done)
    {
        // Scalars hold nothing to merge; only mappings and lists (which aliases may share) are remembered.
        if (node is YamlScalarNode || !done.Add(node))
        {
            return false;
        }

        var merged = false;

        switch (node)
        {
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    merged |= Visit(item, file, diagnostics, done);
                }

                break;
            case YamlMappingNode mapping:
                var hasMergeKey = false;
                foreach (var (key, value) in mapping.Children)
                {
                    merged |= Visit(key, file, diagnostics, done);
                    merged |= Visit(value, file, diagnostics, done);
                    hasMergeKey |= IsMergeKey(key);
                }

                if (hasMergeKey)
                {
                    Merge(mapping, file, diagnostics);
                }

                merged |= hasMergeKey;
                break;
        }

        return merged;
    }

    private static void Merge(YamlMappingNode mapping, YamlFile file, DiagnosticBag diagnostics)
    {
        var own = mapping.Children.Keys.Where(k => !IsMergeKey(k)).ToHashSet();
        var result = new List<KeyValuePair<YamlNode, YamlNode>>();
        var taken = new HashSet<YamlNode>(own);
        foreach (var entry in mapping.Children)
        {
            if (!IsMergeKey(entry.Key))
            {
                result.Add(entry);
                continue;
            }

            foreach (var source in Sources(entry.Value, file, diagnostics))
            {
                foreach (var merged in source.Children.Where(merged => taken.Add(merged.Key)))
                {
                    result.Add(merged);
                }
            }
        }

        mapping.Children.Clear();
        foreach (var (key, value) in result)
        {
            mapping.Children.Add(key, value);
        }
    }

    private static IEnumerable<YamlMappingNode> Sources(YamlNode value, YamlFile file, DiagnosticBag diagnostics)
    {
        switch (value)
        {
            case YamlMappingNode single:
                return [single];
            case YamlSequenceNode list when list.Children.All(c => c is YamlMappingNode):
                return list.Children.Cast<YamlMappingNode>();
            default:
                diagnostics.Error(DiagnosticCodes.MergeKey, $"the merge key '<<' needs a mapping or a list of mappings, found {MappingReader.Describe(value)}",
                    file.LocationOf(value), "write '<<: *name' where '&name' marks a mapping, or quote the key (\"<<\") if it is meant literally");
                return [];
        }
    }

    private static bool IsMergeKey(YamlNode key) =>
        key is YamlScalarNode { Value: "<<" } scalar
        && scalar.Style is ScalarStyle.Plain or ScalarStyle.Any
        && (scalar.Tag.IsEmpty || scalar.Tag.Value == MergeTag);
}
