using Polycrate.Build.Model;
using Polycrate.Build.Serialization;

namespace Polycrate.Build.Templating;

/// <summary>
/// What script templates read: the action's snapshot (real values). Go names map to snapshot keys: a root is the
/// lower-cased section (<c>.Block</c> → <c>block</c>); a struct field matches its key ignoring case
/// (<c>.Block.Artifacts.Path</c> → <c>block.artifacts.path</c>); keys inside user maps (<c>config</c>,
/// <c>globals</c>, <c>labels</c>, <c>.Env</c>) match exactly, like Go map keys. Scalars render as their text, null as
/// an empty string, maps and lists as JSON.
/// </summary>
internal sealed class TemplateData
{
    private readonly ConfigMap _snapshot;

    public TemplateData(ConfigMap snapshot)
    {
        _snapshot = snapshot;
    }

    /// <summary>The rendered value of <c>.Root.Field…</c> (<paramref name="path"/> without dots), or null when a field does not exist.</summary>
    public string? Resolve(IReadOnlyList<string> path) => Walk(path, out _) switch
    {
        null => null,
        ConfigScalar { Kind: ScalarKind.Null } => string.Empty,
        ConfigScalar scalar => scalar.Text,
        var value => ConfigJsonWriter.WriteCompact(value),
    };

    /// <summary>Why <paramref name="path"/> does not resolve: which field is missing and what exists there.</summary>
    public string Explain(IReadOnlyList<string> path)
    {
        Walk(path, out var failedAt);
        var parent = string.Join('.', path.Take(failedAt));
        var holder = failedAt == 0 ? null : Walk(path.Take(failedAt).ToList(), out _);
        var known = holder is ConfigMap map && map.Count > 0 ? $"; it has: {string.Join(", ", map.Entries.Select(e => e.Key).Take(20))}" : string.Empty;
        return failedAt == 0
            ? $"'{path[0]}' is not available in this run"
            : $".{parent} has no field '{path[failedAt]}'{known}";
    }

    private ConfigValue? Walk(IReadOnlyList<string> path, out int failedAt)
    {
        ConfigValue? current = _snapshot[path[0].ToLowerInvariant()];
        var exact = path[0] == "Env";
        failedAt = 0;
        for (var i = 1; current is not null && i < path.Count; i++)
        {
            if (current is not ConfigMap map)
            {
                failedAt = i;
                return null;
            }

            var name = path[i];
            var entry = map.Entries.FirstOrDefault(e => string.Equals(e.Key, name, StringComparison.Ordinal));
            if (entry.Value is null && !exact)
            {
                entry = map.Entries.FirstOrDefault(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase));
            }

            if (entry.Value is null)
            {
                failedAt = i;
                return null;
            }

            // Below this key the names are the user's own: block/action config, globals, labels.
            exact = exact || entry.Key is "globals" or "labels" || (entry.Key == "config" && i == 1 && path[0] is "Block" or "Action");
            current = entry.Value;
        }

        return current;
    }
}
