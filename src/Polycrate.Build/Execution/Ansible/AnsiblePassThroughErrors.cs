using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Execution.Ansible;

/// <summary>Codes of pass-through errors (docs/diagnostics.md, PCB73xx).</summary>
internal static class AnsiblePassThroughErrors
{
    /// <summary>An option value Ansible would not accept (e.g. <c>--extra-vars</c> that is not key=value). Exit code 2.</summary>
    public const string InvalidCode = DiagnosticCodes.AnsiblePassThroughInvalid;

    /// <summary>A file named by <c>--extra-vars @FILE</c> or <c>--vault-password-file</c> does not exist. Exit code 2.</summary>
    public const string FileMissingCode = DiagnosticCodes.AnsiblePassThroughFileMissing;
}
