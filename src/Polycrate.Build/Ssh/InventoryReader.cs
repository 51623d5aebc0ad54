using System.Globalization;
using Polycrate.Build.Text;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Ssh;

/// <summary>
/// Reads the hosts of a YAML inventory (Ansible's <c>all: {vars, hosts, children}</c> shape, any depth; top-level
/// groups besides <c>all</c> count as its children) or an INI inventory (<c>[group]</c>, <c>[group:vars]</c>,
/// <c>[group:children]</c>). Host names may contain dots (the 2025 tool split FQDNs at them).
/// </summary>
internal static class InventoryReader
{
    /// <exception cref="SshException">The file is not a readable inventory (PCB7402, exit code 2).</exception>
    public static IReadOnlyList<InventoryHost> Read(string path)
    {
        var text = File.ReadAllText(path);
        var tree = new InventoryTree();
        try
        {
            if (LooksLikeIni(text))
            {
                IniInventory.Fill(tree, text);
            }
            else
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
                {
                    foreach (var (key, value) in root.Children)
                    {
                        var name = ((YamlScalarNode)key).Value ?? string.Empty;
                        ReadGroup(tree, name, value, name == "all" ? null : "all");
                    }
                }
            }
        }
        catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or InvalidCastException or FormatException)
        {
            throw new SshException($"{path}: not a readable Ansible inventory ({ex.Message})", SshException.InventoryCode, exitCode: 2);
        }

        return tree.Hosts().Select(h => ToHost(h.Name, h.Groups, h.Vars)).ToList();
    }

    private static bool LooksLikeIni(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith(';')) is { } first && first.StartsWith('[');

    private static void ReadGroup(InventoryTree tree, string group, YamlNode node, string? parent)
    {
        tree.Group(group, parent);
        if (node is not YamlMappingNode mapping)
        {
            return;
        }

        foreach (var (key, value) in mapping.Children)
        {
            switch (((YamlScalarNode)key).Value)
            {
                case "vars" when value is YamlMappingNode vars:
                    tree.GroupVars(group, Flatten(vars));
                    break;
                case "hosts" when value is YamlMappingNode hosts:
                    foreach (var (hostKey, hostValue) in hosts.Children)
                    {
                        tree.Host(((YamlScalarNode)hostKey).Value ?? string.Empty, group, hostValue is YamlMappingNode hostVars ? Flatten(hostVars) : []);
                    }

                    break;
                case "children" when value is YamlMappingNode children:
                    foreach (var (childKey, childValue) in children.Children)
                    {
                        ReadGroup(tree, ((YamlScalarNode)childKey).Value ?? string.Empty, childValue, group);
                    }

                    break;
            }
        }
    }

    /// <summary>Scalar vars only: connection settings are never structures.</summary>
    private static Dictionary<string, string> Flatten(YamlMappingNode vars) =>
        vars.Children.Where(c => c.Value is YamlScalarNode).ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? string.Empty,
            c => ((YamlScalarNode)c.Value).Value ?? string.Empty, StringComparer.Ordinal);

    private static InventoryHost ToHost(string name, IReadOnlyList<string> groups, IReadOnlyDictionary<string, string> vars)
    {
        string? Var(params string[] keys) => keys.Select(k => vars.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var portText = Var("ansible_port", "ansible_ssh_port");
        var port = portText is null ? 22
            : int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is > 0 and < 65536 ? parsed
            : throw new SshException($"host {name}: ansible_port '{portText}' is not a port number", SshException.InventoryCode, exitCode: 2);
        var arguments = new List<string>();
        foreach (var key in new[] { "ansible_ssh_common_args", "ansible_ssh_extra_args" })
        {
            if (Var(key) is { } args)
            {
                arguments.AddRange(ShellWords.Split(args));
            }
        }

        return new InventoryHost(name, Var("ansible_host", "ansible_ssh_host") ?? name, port, Var("ansible_user", "ansible_ssh_user"), groups, arguments);
    }
}
