using Polycrate.Build.Text;

namespace Polycrate.Build.Ssh;

/// <summary>Ansible's INI inventory: <c>host key=value …</c> lines under <c>[group]</c>, <c>[group:vars]</c> and <c>[group:children]</c>.</summary>
internal static class IniInventory
{
    public static void Fill(InventoryTree tree, string text)
    {
        var group = "ungrouped";
        var section = "hosts";
        tree.Group(group, "all");
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                var header = line[1..^1].Split(':', 2);
                group = header[0];
                section = header.Length == 2 ? header[1] : "hosts";
                tree.Group(group, group == "all" ? null : "all");
                continue;
            }

            var words = ShellWords.Split(line);
            switch (section)
            {
                case "vars":
                    var separator = line.IndexOf('=', StringComparison.Ordinal);
                    if (separator > 0)
                    {
                        tree.GroupVars(group, new Dictionary<string, string> { [line[..separator].Trim()] = Unquote(line[(separator + 1)..].Trim()) });
                    }

                    break;
                case "children":
                    tree.Group(words[0], group);
                    break;
                default:
                    tree.Host(words[0], group, words.Skip(1).Select(w => w.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal));
                    break;
            }
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
