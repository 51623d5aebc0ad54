using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Polycrate.Build.Model;

namespace Polycrate.Build.Serialization;

/// <summary>
/// Writes a <see cref="ConfigValue"/> tree as block-style YAML. Strings that any YAML reader (including
/// YAML 1.1 readers such as PyYAML in Ansible) could take for another type are double-quoted, so values
/// arrive in playbooks with the type they had in workspace.poly.
/// </summary>
public static partial class ConfigYamlWriter
{
    public static string Write(ConfigValue value)
    {
        var builder = new StringBuilder();
        switch (value)
        {
            case ConfigMap { Count: > 0 } map:
                WriteMap(builder, map, 0, padFirst: true);
                break;
            case ConfigList { Items.Count: > 0 } list:
                WriteList(builder, list, 0);
                break;
            default:
                builder.Append(Inline(value)).Append('\n');
                break;
        }

        return builder.ToString();
    }

    private static void WriteMap(StringBuilder builder, ConfigMap map, int indent, bool padFirst)
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
            WriteValue(builder, child, indent + 2);
        }
    }

    private static void WriteList(StringBuilder builder, ConfigList list, int indent)
    {
        foreach (var item in list.Items)
        {
            builder.Append(' ', indent).Append('-');
            if (item is ConfigMap { Count: > 0 } map)
            {
                builder.Append(' ');
                WriteMap(builder, map, indent + 2, padFirst: false);
            }
            else
            {
                WriteValue(builder, item, indent + 2);
            }
        }
    }

    /// <summary>Writes what follows a "key:" or "-": a scalar on the same line, a collection on the next lines.</summary>
    private static void WriteValue(StringBuilder builder, ConfigValue value, int indent)
    {
        switch (value)
        {
            case ConfigMap { Count: > 0 } map:
                builder.Append('\n');
                WriteMap(builder, map, indent, padFirst: true);
                break;
            case ConfigList { Items.Count: > 0 } list:
                builder.Append('\n');
                WriteList(builder, list, indent);
                break;
            default:
                builder.Append(' ').Append(Inline(value)).Append('\n');
                break;
        }
    }

    private static string Inline(ConfigValue value) => value switch
    {
        ConfigMap => "{}",
        ConfigList => "[]",
        ConfigScalar scalar => Scalar(scalar),
        _ => "null",
    };

    private static string Scalar(ConfigScalar scalar) => scalar.Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean or ScalarKind.Integer => scalar.Text,
        ScalarKind.Float => double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? scalar.Text : Quote(scalar.Text),
        _ => SafePlain().IsMatch(scalar.Text) && !LooksTyped(scalar.Text) ? scalar.Text : Quote(scalar.Text),
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

    private static bool LooksTyped(string text) =>
        YamlReservedWord().IsMatch(text) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9_/.$@][A-Za-z0-9_./:@$+=, ()-]*$")]
    private static partial Regex SafePlain();

    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$")]
    private static partial Regex YamlReservedWord();
}
