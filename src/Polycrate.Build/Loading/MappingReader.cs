using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>
/// Reads one YAML mapping against a known set of keys. Every value of the wrong type is an error at its
/// position; every key never asked for is reported by <see cref="ReportUnknownKeys"/> as a warning, so a typo
/// never passes silently.
/// </summary>
internal sealed class MappingReader
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public MappingReader(YamlMappingNode node, YamlFile file, DiagnosticBag diagnostics, string context)
    {
        _node = node;
        File = file;
        Diagnostics = diagnostics;
        Context = context;
    }

    public YamlFile File { get; }

    public DiagnosticBag Diagnostics { get; }

    /// <summary>Where we are, for messages: e.g. "workspace.poly blocks[2]".</summary>
    public string Context { get; }

    public SourceLocation Location => File.LocationOf(_node);

    /// <summary>Wraps <paramref name="node"/> when it is a mapping; otherwise reports what was found instead.</summary>
    public static MappingReader? From(YamlNode? node, YamlFile file, DiagnosticBag diagnostics, string context)
    {
        if (node is YamlMappingNode mapping)
        {
            return new MappingReader(mapping, file, diagnostics, context);
        }

        if (node is not null)
        {
            diagnostics.Error(DiagnosticCodes.UnexpectedType, $"{context}: found {Describe(node)}, expected a mapping (key: value)",
                file.LocationOf(node));
        }

        return null;
    }

    public YamlNode? Node(string key)
    {
        _known.Add(key);
        foreach (var (k, v) in _node.Children)
        {
            if (k is YamlScalarNode { Value: var name } && string.Equals(name, key, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>Marks keys as accepted without reading them (computed fields the 2025 tool also tolerates).</summary>
    public void Ignore(params string[] keys)
    {
        foreach (var key in keys)
        {
            _known.Add(key);
        }
    }

    public string? String(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null || node is YamlScalarNode { Value: null or "" } && IsNull(node))
        {
            if (required)
            {
                Diagnostics.Error(DiagnosticCodes.MissingRequired, $"{Context}: '{key}' is required", Location,
                    $"add '{key}: <value>'");
            }

            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Diagnostics.Error(DiagnosticCodes.UnexpectedType, $"{Context}.{key}: found {Describe(node)}, expected a string", File.LocationOf(node));
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Node(key);
        if (node is null || IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar && ConfigValueReader.ReadScalar(scalar) is { Kind: ScalarKind.Boolean } value)
        {
            return value.Text == "true";
        }

        // Polycrate decodes block.poly with yaml.v3, which reads YAML 1.1's yes/no/on/off into a bool field (Ansible
        // users write them everywhere); only settings take them, config values stay the strings Ansible gets.
        if (node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { } word } && Yaml11Boolean(word) is { } yaml11)
        {
            return yaml11;
        }

        Diagnostics.Error(DiagnosticCodes.UnexpectedType, $"{Context}.{key}: found {Describe(node)}, expected true or false", File.LocationOf(node),
            "write true or false (yes/no and on/off work too)");
        return null;
    }

    private static bool? Yaml11Boolean(string word) => word switch
    {
        "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" => true,
        "n" or "N" or "no" or "No" or "NO" or "off" or "Off" or "OFF" => false,
        _ => null,
    };

    public IReadOnlyList<string>? StringList(string key)
    {
        var node = Node(key);
        if (node is null || IsNull(node))
        {
            return null;
        }

        if (node is YamlSequenceNode sequence)
        {
            var result = new List<string>();
            foreach (var item in sequence.Children)
            {
                if (item is YamlScalarNode { Value: { } text })
                {
                    result.Add(text);
                }
                else
                {
                    Diagnostics.Error(DiagnosticCodes.UnexpectedType, $"{Context}.{key}: found {Describe(item)} in the list, expected a string",
                        File.LocationOf(item), ColonHint(item));
                }
            }

            return result;
        }

        Diagnostics.Error(DiagnosticCodes.UnexpectedType, $"{Context}.{key}: found {Describe(node)}, expected a list of strings", File.LocationOf(node));
        return null;
    }

    /// <summary>
    /// An unquoted line such as <c>echo "done: ok"</c> is a one-entry mapping to YAML (the ': ' ends a key, quotes inside
    /// a plain scalar do not protect it) — the most common way a script line turns into a mapping.
    /// </summary>
    private static string? ColonHint(YamlNode item) =>
        item is YamlMappingNode { Children.Count: 1 } mapping && mapping.Children.Single().Key is YamlScalarNode { Style: ScalarStyle.Plain }
            ? "an unquoted ': ' makes YAML read the line as 'key: value'; quote the whole line, e.g. - 'echo \"status: ok\"'"
            : null;

    public IReadOnlyList<YamlNode>? Sequence(string key)
    {
        var node = Node(key);
        if (node is null || IsNull(node))
        {
            return null;
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }

        Diagnostics.Error(DiagnosticCodes.UnexpectedType, $"{Context}.{key}: found {Describe(node)}, expected a list", File.LocationOf(node));
        return null;
    }

    public MappingReader? Mapping(string key)
    {
        var node = Node(key);
        return node is null || IsNull(node) ? null : From(node, File, Diagnostics, $"{Context}.{key}");
    }

    public ConfigMap? ConfigMap(string key)
    {
        var node = Node(key);
        if (node is null || IsNull(node))
        {
            return null;
        }

        if (node is not YamlMappingNode)
        {
            Diagnostics.Error(DiagnosticCodes.UnexpectedType, $"{Context}.{key}: found {Describe(node)}, expected a mapping", File.LocationOf(node));
            return null;
        }

        return (Model.ConfigMap)ConfigValueReader.Read(node, File, Diagnostics);
    }

    /// <summary>A map of string values (labels, env).</summary>
    public IReadOnlyDictionary<string, string>? StringMap(string key)
    {
        var map = ConfigMap(key);
        if (map is null)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Entries)
        {
            if (v is ConfigScalar scalar)
            {
                result[k] = scalar.Kind == ScalarKind.Null ? string.Empty : scalar.Text;
            }
            else
            {
                Diagnostics.Error(DiagnosticCodes.UnexpectedType, $"{Context}.{key}.{k}: expected a plain value, found a nested structure",
                    File.LocationOf(Node(key)!));
            }
        }

        return result;
    }

    /// <summary>Reports every key of this mapping no reader asked for.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var (k, _) in _node.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && !_known.Contains(name))
            {
                var suggestion = Suggest(name);
                Diagnostics.Warning(DiagnosticCodes.UnknownKey, $"{Context}: unknown key '{MessageText.Cut(name)}' is ignored", File.LocationOf(k),
                    suggestion is null ? $"known keys here: {MessageText.List(_known.Order(StringComparer.Ordinal))}" : $"did you mean '{suggestion}'?");
            }
        }
    }

    public SourceLocation LocationOf(string key) => Node(key) is { } node ? File.LocationOf(node) : Location;

    private string? Suggest(string unknown) => EditDistance.Closest(unknown, _known, minimumTolerance: 1, ignoreCase: true);

    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode scalar && ConfigValueReader.ReadScalar(scalar).Kind == ScalarKind.Null;

    internal static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{Truncate(s.Value ?? string.Empty)}'",
        _ => "an unexpected node",
    };

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
