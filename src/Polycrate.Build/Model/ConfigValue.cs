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
    /// <summary>The map without entries.</summary>
    public static ConfigMap Empty { get; } = new([]);

    /// <summary>The value under <paramref name="key"/> (ordinal, case-sensitive); null when the key is absent.</summary>
    public ConfigValue? this[string key] =>
        Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal)).Value;

    /// <summary>Whether <paramref name="key"/> is present (ordinal, case-sensitive).</summary>
    public bool ContainsKey(string key) => Entries.Any(e => string.Equals(e.Key, key, StringComparison.Ordinal));

    /// <summary>The number of entries.</summary>
    public int Count => Entries.Count;

    /// <summary>A <c>Dictionary&lt;string, object?&gt;</c> (ordinal keys) of the entries' plain views.</summary>
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

    /// <summary>Structural: the same keys in the same order with equal values.</summary>
    public bool Equals(ConfigMap? other) =>
        other is not null && Entries.Count == other.Entries.Count &&
        Entries.Zip(other.Entries).All(p => p.First.Key == p.Second.Key && Equals(p.First.Value, p.Second.Value));

    /// <summary>The entry count (cheap, consistent with <see cref="Equals(ConfigMap?)"/>).</summary>
    public override int GetHashCode() => Entries.Count;
}

/// <summary>A list; lists are atomic in merges (an override replaces the whole list).</summary>
public sealed record ConfigList(IReadOnlyList<ConfigValue> Items) : ConfigValue
{
    /// <summary>The list without items.</summary>
    public static ConfigList Empty { get; } = new([]);

    /// <summary>A <c>List&lt;object?&gt;</c> of the items' plain views.</summary>
    public override object? ToPlainObject() => Items.Select(i => i.ToPlainObject()).ToList();

    /// <summary>Structural: equal items in the same order.</summary>
    public bool Equals(ConfigList? other) =>
        other is not null && Items.SequenceEqual(other.Items);

    /// <summary>The item count (cheap, consistent with <see cref="Equals(ConfigList?)"/>).</summary>
    public override int GetHashCode() => Items.Count;
}

/// <summary>The YAML 1.2 core-schema type of a scalar.</summary>
public enum ScalarKind
{
    /// <summary>Text (quoted, or plain text that is no other type).</summary>
    String,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An integer (decimal, or <c>0x</c> hex stored as decimal); beyond 64 bits it stays text in <see cref="ConfigValue.ToPlainObject"/>.</summary>
    Integer,

    /// <summary>A floating-point number (<c>1.5</c>, <c>1e3</c>, <c>.inf</c>, <c>.nan</c>).</summary>
    Float,

    /// <summary><c>null</c>, <c>~</c> or an empty value.</summary>
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

    /// <summary>The null scalar (text <c>null</c>).</summary>
    public static ConfigScalar Null { get; } = new(ScalarKind.Null, "null");

    /// <summary>A string scalar; <paramref name="value"/> is kept as is.</summary>
    public static ConfigScalar String(string value) => new(ScalarKind.String, value);

    /// <summary>A boolean scalar (text <c>true</c>/<c>false</c>).</summary>
    public static ConfigScalar Bool(bool value) => new(ScalarKind.Boolean, value ? "true" : "false");

    /// <summary>An integer scalar (invariant decimal text).</summary>
    public static ConfigScalar Integer(long value) => new(ScalarKind.Integer, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>null, <c>bool</c>, <c>long</c>, <c>double</c> or <c>string</c> by <see cref="Kind"/>; the text when a number does not parse.</summary>
    public override object? ToPlainObject() => Kind switch
    {
        ScalarKind.Null => null,
        ScalarKind.Boolean => Text == "true",
        ScalarKind.Integer => long.TryParse(Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : Text,
        ScalarKind.Float => double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : Text,
        _ => Text,
    };

    /// <summary>The canonical <see cref="Text"/>.</summary>
    public override string ToString() => Text;
}
