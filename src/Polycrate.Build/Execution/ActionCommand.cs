using Polycrate.Build.Model;

namespace Polycrate.Build.Execution;

/// <summary>
/// The command an action runs. Playbooks: <c>ansible-playbook -e @&lt;snapshot&gt; &lt;playbook&gt;</c> in the block's
/// directory. Scripts: all lines in order in one bash with <c>set -euo pipefail</c>, so a failing line stops the
/// script and <c>cd</c>/<c>export</c> carry over (the 2025 tool ran every line in the background).
/// Arguments are passed as a list, never through a shell string, so paths need no quoting.
/// </summary>
internal static class ActionCommand
{
    /// <summary>The argument list; pass-through options (Ansible.AnsibleInvocation) come after the snapshot, so their extra vars win.</summary>
    public static IReadOnlyList<string> For(BlockAction action, string snapshotPath, IReadOnlyList<string>? ansibleArguments = null) =>
        action.Kind == ActionKind.Playbook
            ? ["ansible-playbook", "-e", "@" + snapshotPath, .. ansibleArguments ?? [], action.Playbook!]
            : ["bash", "-c", Script(action.Script ?? [])];

    public static string Script(IReadOnlyList<string> lines) =>
        "set -euo pipefail\n" + string.Join("\n", lines) + "\n";
}
