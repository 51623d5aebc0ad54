using System.Globalization;
using System.Text;
using Polycrate.Build.Model;

namespace Polycrate.Build.Serialization;

/// <summary>
/// Writes a <see cref="ConfigValue"/> tree as block-style YAML. Strings that any YAML reader (including
/// YAML 1.1 readers such as PyYAML in Ansible) could take for another type are double-quoted, so values
/// arrive in playbooks with the type they had in workspace.poly. Ansible's <c>!unsafe</c> and <c>!vault</c> tags are
/// written back, so a value meant literally is not templated by Ansible.
/// </summary>
internal static class ConfigYamlWriter
{
    /// <param name="value">The tree to write.</param>
    /// <param name="unsafeKeys">
    /// Strings under one of these keys (directly or as list items) that contain <c>{</c> are tagged <c>!unsafe</c>, so
    /// Ansible never evaluates them as Jinja (script lines with <c>docker ps --format '{{.Names}}'</c>, Go templates).
    /// </param>
    /// <param name="cache">
    /// Rendered text of large sub-trees by identity, shared by the snapshots of one run: every step's snapshot contains
    /// the same workspace and workflow sections, and rendering them once keeps the cost of a step independent of the
    /// workflow's size. Use one cache with one <paramref name="unsafeKeys"/> set.
    /// </param>
    public static string Write(ConfigValue value, IReadOnlySet<string>? unsafeKeys = null, YamlFragmentCache? cache = null) =>
        Render(value, unsafeKeys, cache).ToString();

    /// <summary>
    /// The text of <see cref="Write"/> in the builder it was written into, for a caller that passes its chunks on (the
    /// CLI's stdout): a 1,000-block <c>workspace inspect</c> would otherwise copy its 1.2 MB into one more string.
    /// </summary>
    internal static StringBuilder Render(ConfigValue value, IReadOnlySet<string>? unsafeKeys = null, YamlFragmentCache? cache = null)
    {
        var context = new Context(unsafeKeys, cache, Parts: null);
        var builder = new StringBuilder();
        WriteDocument(builder, value, context);
        return builder;
    }

    /// <summary>
    /// The same text as <see cref="Write"/>, as parts: fragments served by <paramref name="cache"/> are not copied into a
    /// string of the whole document but referenced as their UTF-8 bytes (see <see cref="YamlText"/>), which keeps writing
    /// a step's snapshot free of allocations that grow with the workflow.
    /// </summary>
    public static YamlText WriteParts(ConfigValue value, IReadOnlySet<string>? unsafeKeys = null, YamlFragmentCache? cache = null)
    {
        var context = new Context(unsafeKeys, cache, Parts: []);
        var builder = new StringBuilder();
        WriteDocument(builder, value, context);
        context.Flush(builder);
        return new YamlText(context.Parts!);
    }

    private static void WriteDocument(StringBuilder builder, ConfigValue value, Context context)
    {
        switch (value)
        {
            case ConfigMap { Count: > 0 } map:
                WriteMap(builder, map, 0, padFirst: true, context);
                break;
            case ConfigList { Items.Count: > 0 } list:
                WriteList(builder, list, 0, null, context);
                break;
            default:
                builder.Append(Inline(value)).Append('\n');
                break;
        }
    }

    private sealed record Context(IReadOnlySet<string>? UnsafeKeys, YamlFragmentCache? Cache, List<ReadOnlyMemory<byte>>? Parts)
    {
        /// <summary>How often the builder was moved into <see cref="Parts"/> (its positions are not comparable across a flush).</summary>
        public int Flushes { get; private set; }

        /// <summary>A string under an unsafe key that holds braces and carries no tag of its own.</summary>
        public bool IsUnsafe(string? key, ConfigValue value) =>
            key is not null && UnsafeKeys is not null && UnsafeKeys.Contains(key)
            && value is ConfigScalar { Kind: ScalarKind.String, Tag: null } scalar && scalar.Text.Contains('{', StringComparison.Ordinal);

        /// <summary>Moves what the builder holds into <see cref="Parts"/> (counted even when empty: a part may follow).</summary>
        public void Flush(StringBuilder builder)
        {
            Flushes++;
            if (builder.Length > 0)
            {
                Parts!.Add(Encoding.UTF8.GetBytes(builder.ToString()));
                builder.Clear();
            }
        }
    }

    private static void WriteMap(StringBuilder builder, ConfigMap map, int indent, bool padFirst, Context context)
    {
        var first = true;
        foreach (var (key, child) in map.Entries)
        {
            if (padFirst || !first)
            {
                builder.Append(' ', indent);
            }

            first = false;
            builder.Append(Scalar(ConfigScalar.String(key))).Append(':');
            WriteValue(builder, child, indent + 2, key, context);
        }
    }

    private static void WriteList(StringBuilder builder, ConfigList list, int indent, string? key, Context context)
    {
        foreach (var item in list.Items)
        {
            builder.Append(' ', indent).Append('-');
            if (item is ConfigMap { Count: > 0 } map)
            {
                builder.Append(' ');
                WriteMap(builder, map, indent + 2, padFirst: false, context);
            }
            else
            {
                WriteValue(builder, item, indent + 2, key, context);
            }
        }
    }

    /// <summary>Writes what follows a "key:" or "-": a scalar on the same line, a collection on the next lines.</summary>
    private static void WriteValue(StringBuilder builder, ConfigValue value, int indent, string? key, Context context)
    {
        switch (value)
        {
            case ConfigMap { Count: > 0 } map:
                builder.Append('\n');
                WriteCached(builder, map, indent, context, () => WriteMap(builder, map, indent, padFirst: true, context));
                break;
            case ConfigList { Items.Count: > 0 } list:
                builder.Append('\n');
                WriteCached(builder, list, indent, context, () => WriteList(builder, list, indent, key, context));
                break;
            default:
                builder.Append(context.IsUnsafe(key, value) ? " !unsafe " : " ").Append(Inline(value)).Append('\n');
                break;
        }
    }

    private static void WriteCached(StringBuilder builder, ConfigValue value, int indent, Context context, Action write)
    {
        if (context.Cache is not { } cache)
        {
            write();
            return;
        }

        if (cache.TryGet(value, indent, out var fragment))
        {
            if (context.Parts is null)
            {
                builder.Append(fragment.Text);
            }
            else
            {
                context.Flush(builder);
                context.Parts.Add(fragment.Utf8);
            }

            return;
        }

        var start = builder.Length;
        var flushes = context.Flushes;
        write();
        // A fragment served inside this one moved the text before it out of the builder: then this one is not kept.
        if (context.Flushes == flushes)
        {
            cache.Offer(value, indent, builder, start);
        }
    }

    private static string Inline(ConfigValue value) => value switch
    {
        ConfigMap => "{}",
        ConfigList => "[]",
        ConfigScalar scalar => Scalar(scalar),
        _ => "null",
    };

    private static string Scalar(ConfigScalar scalar) => scalar.Tag is { } tag
        ? $"{tag} {Quote(scalar.Text)}"
        : scalar.Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean or ScalarKind.Integer => scalar.Text,
        ScalarKind.Float => double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? scalar.Text : Quote(scalar.Text),
        _ => IsSafePlain(scalar.Text) ? scalar.Text : Quote(scalar.Text),
    };

    /// <summary>A YAML double-quoted scalar: only backslash, quote and control characters are escaped.</summary>
    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                '\r' => builder.Append("\\r"),
                _ when char.IsControl(c) => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    /// <summary>True when the text may stand unquoted: a conservative character set, checked without regexes (hot path).</summary>
    private static bool IsSafePlain(string text)
    {
        if (text.Length == 0 || !(char.IsAsciiLetterOrDigit(text[0]) || text[0] is '_' or '/' or '.' or '$' or '@'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or ':' or '@' or '$' or '+' or '=' or ',' or ' ' or '(' or ')' or '-'))
            {
                return false;
            }
        }

        return !text.EndsWith(' ') && !text.Contains(": ", StringComparison.Ordinal) && !text.EndsWith(':') && !LooksTyped(text);
    }

    /// <summary>
    /// Would a YAML 1.1 or 1.2 reader take this plain text for a boolean, null or number? Numbers include YAML 1.1's
    /// sexagesimal form (<c>1:20</c> reads as 80) and hex; a text with other characters (<c>127.0.0.1:5000/app</c>) is a string.
    /// </summary>
    private static bool LooksTyped(string text) =>
        (text.Length <= 5 && text.ToLowerInvariant() is "y" or "n" or "yes" or "no" or "true" or "false" or "on" or "off" or "null" or "~")
        || ((char.IsAsciiDigit(text[0]) || text[0] is '.' or '+' or '-')
            && (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                || text.StartsWith("0x", StringComparison.Ordinal)
                || text.All(c => char.IsAsciiDigit(c) || c is ':' or '.' or '_' or '+' or '-')));
}
