using Polycrate.Build.Model;

namespace Polycrate.Build.Resolution;

/// <summary>
/// Combines a block with the block it builds on: an instance with its <c>from:</c> parent, or a workspace.poly
/// entry with the installed block.poly of the same name. The overriding side wins wherever it set a value.
/// </summary>
internal static class BlockMerger
{
    public static Block Merge(Block overriding, Block source, bool inherit)
    {
        var kind = overriding.Kind ?? (source.Kind == "k8sapp" && inherit ? "k8sappinstance" : source.Kind);
        return overriding with
        {
            Version = overriding.Version ?? source.Version,
            Kind = kind,
            Type = overriding.Type ?? source.Type,
            Flavor = overriding.Flavor ?? source.Flavor,
            Description = overriding.Description ?? source.Description,
            Labels = MergeLabels(overriding.Labels, source.Labels),
            Config = ConfigMerger.Merge(overriding.Config, source.Config),
            Actions = MergeActions(overriding.Actions, source.Actions),
            Changelog = overriding.Changelog ?? source.Changelog,

            // A template is abstract: its instances are not templates unless they say so.
            Template = overriding.Template ?? (inherit ? null : source.Template),
            Inventory = MergeLink(overriding.Inventory, source.Inventory),
            Kubeconfig = MergeLink(overriding.Kubeconfig, source.Kubeconfig),

            // Instances run in their parent's directory (multi-level chains: the root's).
            Workdir = source.Workdir ?? overriding.Workdir,
        };
    }

    private static Dictionary<string, string> MergeLabels(IReadOnlyDictionary<string, string> overriding, IReadOnlyDictionary<string, string> source)
    {
        var result = new Dictionary<string, string>(source, StringComparer.Ordinal);
        foreach (var (key, value) in overriding)
        {
            result[key] = value;
        }

        return result;
    }

    private static List<BlockAction> MergeActions(IReadOnlyList<BlockAction> overriding, IReadOnlyList<BlockAction> source)
    {
        var result = new List<BlockAction>();
        foreach (var action in source)
        {
            var own = overriding.FirstOrDefault(a => a.Name == action.Name);
            result.Add(own is null ? action : MergeAction(own, action));
        }

        result.AddRange(overriding.Where(a => source.All(s => s.Name != a.Name)));
        return result;
    }

    private static BlockAction MergeAction(BlockAction own, BlockAction source)
    {
        // An action that names its own playbook or script replaces the inherited one entirely.
        var ownsBody = own.Playbook is not null || own.Script is not null;
        return own with
        {
            Description = own.Description ?? source.Description,
            Type = own.Type ?? source.Type,
            Playbook = ownsBody ? own.Playbook : source.Playbook,
            PlaybookLocation = ownsBody ? own.PlaybookLocation : source.PlaybookLocation,
            Script = ownsBody ? own.Script : source.Script,
            ScriptLocations = ownsBody ? own.ScriptLocations : source.ScriptLocations,
            Interactive = own.Interactive ?? source.Interactive,
            Prompt = own.Prompt ?? source.Prompt,
            Labels = MergeLabels(own.Labels, source.Labels),
            Config = ConfigMerger.Merge(own.Config, source.Config),
        };
    }

    private static ArtifactLink? MergeLink(ArtifactLink? overriding, ArtifactLink? source) =>
        overriding is null ? source
        : source is null ? overriding
        : overriding with { From = overriding.From ?? source.From, Filename = overriding.Filename ?? source.Filename, Path = overriding.Path ?? source.Path };
}
