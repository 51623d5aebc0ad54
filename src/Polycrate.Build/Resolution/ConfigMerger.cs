using Polycrate.Build.Model;

namespace Polycrate.Build.Resolution;

/// <summary>
/// Merges block config: an explicit override always wins (also <c>false</c>, <c>0</c>, <c>""</c> and <c>null</c>),
/// maps merge key by key recursively, lists are replaced whole, keys are case-sensitive. The result is a new
/// tree; nothing is shared by reference with a mutable parent (the trees are immutable).
/// </summary>
internal static class ConfigMerger
{
    public static ConfigMap Merge(ConfigMap overriding, ConfigMap defaults)
    {
        if (overriding.Count == 0)
        {
            return defaults;
        }

        if (defaults.Count == 0)
        {
            return overriding;
        }

        var result = new List<KeyValuePair<string, ConfigValue>>(defaults.Count + overriding.Count);
        foreach (var (key, baseValue) in defaults.Entries)
        {
            var overrideValue = overriding[key];
            result.Add(new(key, overrideValue switch
            {
                null => baseValue,
                ConfigMap overrideMap when baseValue is ConfigMap baseMap => Merge(overrideMap, baseMap),
                _ => overrideValue,
            }));
        }

        foreach (var entry in overriding.Entries)
        {
            if (!defaults.ContainsKey(entry.Key))
            {
                result.Add(entry);
            }
        }

        return new ConfigMap(result);
    }
}
