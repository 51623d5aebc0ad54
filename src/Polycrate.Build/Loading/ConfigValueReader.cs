using System.Globalization;
using System.Text.RegularExpressions;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>Turns free-form YAML (config, globals) into <see cref="ConfigValue"/>, typing plain scalars by the YAML 1.2 core schema.</summary>
internal static partial class ConfigValueReader
{
    public static ConfigValue Read(YamlNode node, YamlFile file, DiagnosticBag diagnostics)
    {
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

                    entries.Add(new(keyText, Read(value, file, diagnostics)));
                }

                return new ConfigMap(entries);
            case YamlSequenceNode sequence:
                return new ConfigList(sequence.Children.Select(c => Read(c, file, diagnostics)).ToList());
            case YamlScalarNode scalar:
                return ReadScalar(scalar);
            default:
                return ConfigScalar.Null;
        }
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
