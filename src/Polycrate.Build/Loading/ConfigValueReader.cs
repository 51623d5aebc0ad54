using System.Globalization;
using System.Text.RegularExpressions;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>
/// Turns free-form YAML (config, globals) into <see cref="ConfigValue"/>, typing plain scalars by the YAML 1.2 core
/// schema. Ansible's <c>!unsafe</c> and <c>!vault</c> tags are kept (on a mapping or list, <c>!unsafe</c> applies to
/// every string inside, as in Ansible); any other local tag is dropped with a warning, because dropping it may change the meaning.
/// </summary>
internal static partial class ConfigValueReader
{
    /// <summary>Ansible's tags that must reach the snapshot: <c>!unsafe</c> (never template) and <c>!vault</c> (encrypted).</summary>
    public static readonly IReadOnlySet<string> KeptTags = new HashSet<string>(StringComparer.Ordinal) { "!unsafe", "!vault" };

    public static ConfigValue Read(YamlNode node, YamlFile file, DiagnosticBag diagnostics) => Read(node, file, diagnostics, inheritedTag: null);

    private static ConfigValue Read(YamlNode node, YamlFile file, DiagnosticBag diagnostics, string? inheritedTag)
    {
        var own = TagOf(node, file, diagnostics);
        var tag = own ?? inheritedTag;
        if (node is YamlScalarNode taggedScalar && tag is not null)
        {
            // As in Ansible: a tagged scalar is a string; inside a tagged mapping or list only strings are wrapped.
            var scalar = own is null ? ReadScalar(taggedScalar) : ConfigScalar.String(taggedScalar.Value ?? string.Empty);
            return scalar.Kind == ScalarKind.String ? scalar with { Tag = tag } : scalar;
        }

        if (tag == "!vault")
        {
            diagnostics.Error(DiagnosticCodes.UnexpectedType, "found !vault on a mapping or list, expected it on an encrypted string",
                file.LocationOf(node), "put !vault in front of the output of 'ansible-vault encrypt_string'");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var entries = new List<KeyValuePair<string, ConfigValue>>();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } keyText })
                    {
                        diagnostics.Error(DiagnosticCodes.UnexpectedType, "found a complex mapping key, expected a plain string key",
                            file.LocationOf(key));
                        continue;
                    }

                    entries.Add(new(keyText, Read(value, file, diagnostics, tag)));
                }

                return new ConfigMap(entries);
            case YamlSequenceNode sequence:
                return new ConfigList(sequence.Children.Select(c => Read(c, file, diagnostics, tag)).ToList());
            case YamlScalarNode scalar:
                WarnGoTemplate(scalar, file, diagnostics);
                return ReadScalar(scalar);
            default:
                return ConfigScalar.Null;
        }
    }

    /// <summary>
    /// Polycrate never templates config values: a Go field reference in one (<c>host: "app.{{ .Workspace.Config.Globals.domain }}"</c>,
    /// as its editor extension's examples write) reached script lines only through Polycrate's second rendering pass (a
    /// bug: polycrate.md §15.3) and makes Ansible fail. Rendered once here, it stays literal — so say so at the value.
    /// </summary>
    private static void WarnGoTemplate(YamlScalarNode scalar, YamlFile file, DiagnosticBag diagnostics)
    {
        // Only the template is quoted, never the whole value (it may be a secret).
        if (scalar.Value is { } text && Templating.ScriptTemplate.FirstFieldReference(text) is { } template)
        {
            diagnostics.Warning(DiagnosticCodes.ConfigTemplate,
                $"config value uses the Go template field '{MessageText.Cut(template)}'; config values are not templated, so scripts get it literally and Ansible cannot parse it",
                file.LocationOf(scalar),
                "write the value itself, or use Jinja without the dot ('{{ workspace.config.globals.domain }}'), which Ansible renders where a playbook uses the value");
        }
    }

    /// <summary>A kept tag of <paramref name="node"/>; another local tag (<c>!name</c>) is reported at the node (a warning; an error with --strict).</summary>
    private static string? TagOf(YamlNode node, YamlFile file, DiagnosticBag diagnostics)
    {
        if (node.Tag.IsEmpty || node.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            return null;
        }

        var tag = node.Tag.Value;
        if (KeptTags.Contains(tag))
        {
            return tag;
        }

        diagnostics.Warning(DiagnosticCodes.InvalidValue, $"the YAML tag '{MessageText.Cut(tag)}' is not supported and is dropped, which may change the value's meaning",
            file.LocationOf(node), "remove the tag, or use !unsafe (never templated by Ansible) or !vault (ansible-vault)");
        return null;
    }

    public static ConfigScalar ReadScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain && scalar.Style != ScalarStyle.Any)
        {
            return ConfigScalar.String(text);
        }

        if (scalar.Tag.IsEmpty is false)
        {
            var tag = scalar.Tag.Value;
            if (tag.EndsWith(":str", StringComparison.Ordinal))
            {
                return ConfigScalar.String(text);
            }
        }

        return Resolve(text);
    }

    /// <summary>YAML 1.2 core schema resolution of a plain scalar.</summary>
    public static ConfigScalar Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return ConfigScalar.Null;
            case "true" or "True" or "TRUE":
                return ConfigScalar.Bool(true);
            case "false" or "False" or "FALSE":
                return ConfigScalar.Bool(false);
        }

        if (IntegerPattern().IsMatch(text))
        {
            return new ConfigScalar(ScalarKind.Integer, text.TrimStart('+'));
        }

        if (HexPattern().IsMatch(text))
        {
            return ConfigScalar.Integer(long.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        if (FloatPattern().IsMatch(text) || SpecialFloatPattern().IsMatch(text))
        {
            return new ConfigScalar(ScalarKind.Float, text);
        }

        return ConfigScalar.String(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^0x[0-9a-fA-F]+$")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex SpecialFloatPattern();
}
