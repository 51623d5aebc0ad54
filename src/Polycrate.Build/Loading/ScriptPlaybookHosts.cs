using System.Text.RegularExpressions;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.Loading;

/// <summary>
/// A playbook a <c>script:</c> line starts (<c>ansible-playbook site.yml</c>) whose play picks its hosts with Polycrate
/// variables (<c>hosts: "{{ block.config.group }}"</c>) fails exactly as in Polycrate: such a playbook gets those
/// variables from the <c>polycrate_vars</c> vars plugin, which Ansible asks per host and group — not while it templates
/// <c>hosts:</c>, when only extra vars and play vars exist (<c>'block' is undefined</c>). Only a <c>playbook:</c> action
/// passes them as extra vars. A warning at the <c>hosts:</c> line (PCB1022) says so before the run. Found by lines, not by
/// parsing (a hostile file cannot cost more than reading 1 MiB): a play's <c>hosts:</c> is <c>- hosts:</c> or a key
/// indented at most 4 spaces; a line that passes extra vars from a file (<c>-e @…</c>) is left alone.
/// </summary>
internal static partial class ScriptPlaybookHosts
{
    private const long MaxPlaybookBytes = 1024 * 1024;

    /// <summary>One warning per playbook file, at its first templated <c>hosts:</c> value.</summary>
    public static void WarnAtLoad(Workspace workspace, DiagnosticBag diagnostics)
    {
        var checkedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in workspace.Blocks.Where(b => !b.IsTemplate))
        {
            var directory = block.Workdir ?? workspace.RootPath;
            foreach (var action in block.Actions.Where(a => a.Script is { Count: > 0 }))
            {
                foreach (var line in action.Script!.SelectMany(s => s.Split('\n')))
                {
                    if (!AnsiblePlaybookLine().IsMatch(line) || ExtraVarsFromFile().IsMatch(line) || ScriptFileReference.Find(line) is not { } reference)
                    {
                        continue;
                    }

                    var file = Path.GetFullPath(Path.Combine(directory, reference.Path));
                    if (checkedFiles.Add(file) && TemplatedHosts(file) is { } hosts)
                    {
                        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.ScriptPlaybookTemplatedHosts,
                            $"playbook '{reference.Path}', started by the script of action '{action.Name}' of block '{block.Name}', picks its hosts "
                            + $"with Polycrate variables ({MessageText.Cut(hosts.Value)}): a playbook a script starts gets them only per host, from the "
                            + "polycrate_vars vars plugin, not while Ansible templates 'hosts:', so it fails with \"'block' is undefined\"",
                            hosts.Location,
                            $"make it a 'playbook: {reference.Path}' action, or pass the variables as extra vars: "
                            + "'ansible-playbook -e @$POLYCRATE_WORKSPACE_SNAPSHOT_YAML " + reference.Path + "' (README: \"Playbooks a script starts\")"));
                    }
                }
            }
        }
    }

    /// <summary>The first play-level <c>hosts:</c> whose value templates a Polycrate variable, or null.</summary>
    internal static (string Value, SourceLocation Location)? TemplatedHosts(string file)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists || info.Length > MaxPlaybookBytes || info.LinkTarget is not null)
            {
                return null;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = PlayHosts().Match(lines[i]);
                if (match.Success && PolycrateVariable().IsMatch(match.Groups["value"].Value))
                {
                    var value = match.Groups["value"];
                    return (value.Value.Trim(), new SourceLocation(file, i + 1, value.Index + 1));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable: the run reports what ansible-playbook says.
        }

        return null;
    }

    [GeneratedRegex(@"^\s*ansible-playbook\s")]
    private static partial Regex AnsiblePlaybookLine();

    [GeneratedRegex(@"(^|\s)(-e\s*|--extra-vars[\s=]+)['""]?@")]
    private static partial Regex ExtraVarsFromFile();

    [GeneratedRegex(@"^(-\s+| {1,4}(-\s+)?)hosts:\s*(?<value>\S.*)$")]
    private static partial Regex PlayHosts();

    [GeneratedRegex(@"\{\{[^}]*?\b(block|workspace|action|workflow|step|env|mounts)\s*(\.|\[|\||\}\})")]
    private static partial Regex PolycrateVariable();
}
