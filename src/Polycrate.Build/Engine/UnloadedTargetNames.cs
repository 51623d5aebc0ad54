using Polycrate.Build.Graph;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Loading;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Engine;

/// <summary>
/// The front-end target names (<see cref="FrontEndTargets"/>) a workspace that does not load would have, as far as its
/// files can be read: workflows and their steps from workspace.poly, actions of its <c>blocks:</c> entries and of the
/// block.poly files under the blocks root (inherited along local <c>from:</c>). Best effort and never failing — it only
/// lets the MSBuild SDK define those names, so <c>-t:NAME</c> on a broken checkout reports the load errors at their
/// lines instead of "the target does not exist". A file that does not parse contributes nothing.
/// </summary>
internal static class UnloadedTargetNames
{
    /// <summary>Longest <c>from:</c> chain followed (a cycle stops there too).</summary>
    private const int MaxInheritance = 16;

    public static IReadOnlyList<string> Scan(string workspaceRoot)
    {
        var workspace = Read(Path.Combine(workspaceRoot, "workspace.poly"));
        var blocks = new Dictionary<string, (string? From, HashSet<string> Actions)>(StringComparer.Ordinal);
        var configured = Scalar(Child(Child(workspace, "config"), "blocksroot"));
        // A blocksroot outside the workspace is an error of its own (PCB1044): never walk there.
        var blocksRoot = Path.Combine(workspaceRoot, configured is not null && WorkspacePathCheck.Problem(workspaceRoot, configured) is null ? configured : "blocks");
        if (Directory.Exists(blocksRoot))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
            foreach (var file in Directory.EnumerateFiles(blocksRoot, "block.poly", options))
            {
                Add(blocks, Read(file));
            }
        }

        foreach (var entry in Items(Child(workspace, "blocks")))
        {
            Add(blocks, entry as YamlMappingNode);
        }

        var names = new List<string>();
        foreach (var (name, _) in blocks)
        {
            names.AddRange(ActionsOf(blocks, name).Select(action => FrontEndTargets.ActionName(name, action)));
        }

        foreach (var workflow in Items(Child(workspace, "workflows")))
        {
            if (Scalar(Child(workflow, "name")) is { } name)
            {
                names.Add(FrontEndTargets.Sanitize(name));
                names.AddRange(Items(Child(workflow, "steps")).Select(s => Scalar(Child(s, "name"))).OfType<string>()
                    .Select(step => FrontEndTargets.StepName(name, step)));
            }
        }

        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static void Add(Dictionary<string, (string? From, HashSet<string> Actions)> blocks, YamlMappingNode? block)
    {
        if (Scalar(Child(block, "name")) is not { } name)
        {
            return;
        }

        var (from, actions) = blocks.TryGetValue(name, out var known) ? known : (null, new HashSet<string>(StringComparer.Ordinal));
        actions.UnionWith(Items(Child(block, "actions")).Select(a => Scalar(Child(a, "name"))).OfType<string>());
        blocks[name] = (Scalar(Child(block, "from")) ?? from, actions);
    }

    /// <summary>The block's own actions and those along its <c>from:</c> chain (a tag after the last path segment is dropped).</summary>
    private static HashSet<string> ActionsOf(Dictionary<string, (string? From, HashSet<string> Actions)> blocks, string name)
    {
        var actions = new HashSet<string>(StringComparer.Ordinal);
        for (var (current, depth) = ((string?)name, 0); current is not null && depth < MaxInheritance && blocks.TryGetValue(current, out var block); depth++)
        {
            actions.UnionWith(block.Actions);
            current = block.From is { } from && from.LastIndexOf(':') > from.LastIndexOf('/') ? from[..from.LastIndexOf(':')] : block.From;
        }

        return actions;
    }

    /// <summary>The file's root mapping, within the loader's limits; null when it is missing, too large or does not parse.</summary>
    private static YamlMappingNode? Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > InputLimits.Default.MaxFileBytes)
            {
                return null;
            }

            return YamlFile.Parse(path, File.ReadAllText(path), new DiagnosticBag()).Root as YamlMappingNode;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static IEnumerable<YamlNode> Items(YamlNode? node) => node is YamlSequenceNode sequence ? sequence.Children : [];

    private static string? Scalar(YamlNode? node) => node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;
}
