using System.Globalization;

namespace Polycrate.Build.Model;

/// <summary>
/// Free-form configuration data (block <c>config</c>, labels of snapshots, globals) as an immutable tree.
/// Keys keep their case and their order; scalars keep their YAML type so snapshots round-trip faithfully.
/// </summary>
public abstract record ConfigValue
{
    /// <summary>A plain .NET view (dictionaries, lists, strings, bools, longs, doubles, null) for serializers.</summary>
    public abstract object? ToPlainObject();
}

/// <summary>An ordered map with case-sensitive keys.</summary>
public sealed record ConfigMap(IReadOnlyList<KeyValuePair<string, ConfigValue>> Entries) : ConfigValue
{
    public static ConfigMap Empty { get; } = new([]);

    public ConfigValue? this[string key] =>
        Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal)).Value;

    public bool ContainsKey(string key) => Entries.Any(e => string.Equals(e.Key, key, StringComparison.Ordinal));

    public int Count => Entries.Count;

    public override object? ToPlainObject()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries)
        {
            result[key] = value.ToPlainObject();
        }

        return result;
    }

    /// <summary>Builds a map from key/value pairs, dropping null values (used for snapshot sections).</summary>
    public static ConfigMap Of(params (string Key, ConfigValue? Value)[] entries) =>
        new(entries.Where(e => e.Value is not null)
            .Select(e => new KeyValuePair<string, ConfigValue>(e.Key, e.Value!))
            .ToList());

    public bool Equals(ConfigMap? other) =>
        other is not null && Entries.Count == other.Entries.Count &&
        Entries.Zip(other.Entries).All(p => p.First.Key == p.Second.Key && Equals(p.First.Value, p.Second.Value));

    public override int GetHashCode() => Entries.Count;
}

/// <summary>A list; lists are atomic in merges (an override replaces the whole list).</summary>
public sealed record ConfigList(IReadOnlyList<ConfigValue> Items) : ConfigValue
{
    public static ConfigList Empty { get; } = new([]);

    public override object? ToPlainObject() => Items.Select(i => i.ToPlainObject()).ToList();

    public bool Equals(ConfigList? other) =>
        other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;
}

/// <summary>The YAML 1.2 core-schema type of a scalar.</summary>
public enum ScalarKind
{
    String,
    Boolean,
    Integer,
    Float,
    Null,
}

/// <summary>A scalar with its resolved type; <see cref="Text"/> is the canonical text.</summary>
public sealed record ConfigScalar(ScalarKind Kind, string Text) : ConfigValue
{
    /// <summary>
    /// Ansible's <c>!unsafe</c> or <c>!vault</c> tag when the value carried one; null otherwise. Kept through to the
    /// snapshot so Ansible neither templates an unsafe value nor loses a vault value's meaning.
    /// </summary>
    public string? Tag { get; init; }

    public static ConfigScalar Null { get; } = new(ScalarKind.Null, "null");

    public static ConfigScalar String(string value) => new(ScalarKind.String, value);

    public static ConfigScalar Bool(bool value) => new(ScalarKind.Boolean, value ? "true" : "false");

    public static ConfigScalar Integer(long value) => new(ScalarKind.Integer, value.ToString(CultureInfo.InvariantCulture));

    public override object? ToPlainObject() => Kind switch
    {
        ScalarKind.Null => null,
        ScalarKind.Boolean => Text == "true",
        ScalarKind.Integer => long.TryParse(Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : Text,
        ScalarKind.Float => double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : Text,
        _ => Text,
    };

    public override string ToString() => Text;
}
