using System.Text;
using Polycrate.Build.Model;
using Polycrate.Build.Serialization;

namespace Polycrate.Build.Snapshots;

/// <summary>
/// The snapshot as flat environment variables, as Polycrate's README promises (<c>BLOCK_CONFIG_YOUR_NAME</c>,
/// <c>WORKSPACE_NAME</c>, <c>ACTION_NAME</c>, …): section and keys upper-cased and joined with <c>_</c>, nested maps
/// descend, a list is JSON and each item also gets its index (<c>BLOCK_CONFIG_NODES_0_NAME</c>, Polycrate's documented
/// form), null is empty, any character other than A-Z, 0-9 and <c>_</c> becomes <c>_</c>.
/// <c>workspace.blocks</c>, <c>workspace.workflows</c>, <c>workflow.steps</c> and <c>action.script</c> are not
/// flattened (they are in the snapshot file; as JSON they would grow with the workspace, and one variable may not
/// exceed the kernel's 128 KiB per string). When two keys flatten to the same name, the first in snapshot order wins.
/// </summary>
internal static class SnapshotVariables
{
    private static readonly HashSet<string> Skipped = new(["WORKSPACE_BLOCKS", "WORKSPACE_WORKFLOWS", "WORKFLOW_STEPS", "ACTION_SCRIPT"], StringComparer.Ordinal);

    /// <summary>Flattens the model sections (<c>workspace</c>, <c>block</c>, <c>action</c>, <c>workflow</c>, <c>step</c>) of <paramref name="sections"/>.</summary>
    public static IReadOnlyList<EnvironmentEntry> Flatten(ConfigMap sections)
    {
        var result = new List<EnvironmentEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, ConfigValue value)
        {
            if (Skipped.Contains(name))
            {
                return;
            }

            switch (value)
            {
                case ConfigMap map:
                    foreach (var entry in map.Entries)
                    {
                        Add(name + "_" + Name(entry.Key), entry.Value);
                    }

                    break;
                case ConfigScalar scalar:
                    if (seen.Add(name))
                    {
                        result.Add(new EnvironmentEntry(name, scalar.Kind == ScalarKind.Null ? string.Empty : scalar.Text));
                    }

                    break;
                case ConfigList list:
                    if (seen.Add(name))
                    {
                        result.Add(new EnvironmentEntry(name, ConfigJsonWriter.WriteCompact(value)));
                    }

                    // Polycrate's documented form (its reference shows ACTION_SCRIPT_0, BLOCK_ACTIONS_0_NAME): one per item.
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        Add(name + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), list.Items[i]);
                    }

                    break;
                default:
                    if (seen.Add(name))
                    {
                        result.Add(new EnvironmentEntry(name, ConfigJsonWriter.WriteCompact(value)));
                    }

                    break;
            }
        }

        foreach (var section in sections.Entries.Where(e => e.Key is "workspace" or "block" or "action" or "workflow" or "step"))
        {
            Add(Name(section.Key), section.Value);
        }

        return result;
    }

    /// <summary>Upper case; anything but A-Z, 0-9 and '_' becomes '_'.</summary>
    public static string Name(string key)
    {
        var name = new StringBuilder(key.Length);
        foreach (var c in key.ToUpperInvariant())
        {
            name.Append(c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        return name.ToString();
    }
}
