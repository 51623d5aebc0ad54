using System.Text.RegularExpressions;

namespace Polycrate.Build.Execution.Ansible;

/// <summary>
/// Ansible's "Found variable using reserved name: block" / "…: action" warning, which every playbook action would print:
/// Polycrate exposes the snapshot's <c>block</c> and <c>action</c> as play-level extra vars (<c>-e @snapshot</c>), and
/// they must stay there, because play keywords such as <c>hosts: "{{ block.config.hosts_group }}"</c> are templated
/// with play-level variables only (the <c>polycrate_vars</c> plugin's host-level variables come too late for them).
/// ansible-core has no setting that silences this one warning (ansible/ansible#84897; <c>ANSIBLE_SYSTEM_WARNINGS</c>
/// and the other switches do not cover it), so the action's output drops exactly these two lines: warnings about any
/// other reserved name, and every other line, pass unchanged.
/// </summary>
internal static partial class ReservedNameWarning
{
    /// <summary>True for Ansible's warning about the <c>block</c> or <c>action</c> variable Polycrate itself defines (colour codes ignored).</summary>
    public static bool IsAboutPolycrateVariable(string line)
    {
        if (!line.Contains("reserved name", StringComparison.Ordinal))
        {
            return false;
        }

        return Warning().IsMatch(Ansi().Replace(line, string.Empty).Trim());
    }

    // ansible-core 2.14–2.18: "Found variable using reserved name: block"; newer: "Found variable using reserved name 'block'."
    [GeneratedRegex(@"^\[WARNING\]: Found variable using reserved name:? '?(block|action)'?\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Warning();

    [GeneratedRegex(@"\x1b\[[0-9;]*m", RegexOptions.CultureInvariant)]
    private static partial Regex Ansi();
}
