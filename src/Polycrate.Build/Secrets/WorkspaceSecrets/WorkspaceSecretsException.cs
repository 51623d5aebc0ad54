using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// A workspace encryption failure (PCB51xx). Messages name files and what to do, never key material or
/// secret contents.
/// </summary>
public sealed class WorkspaceSecretsException : PolycrateException
{
    public WorkspaceSecretsException(SecretsErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public SecretsErrorKind Kind { get; }

    public override string Code => $"PCB{(int)Kind}";

    /// <summary>Missing or mismatched keys and files are invalid input (2); conflicts and failed checks are failures (1).</summary>
    public override int ExitCode => Kind is SecretsErrorKind.PlaintextConflict or SecretsErrorKind.VerificationFailed or SecretsErrorKind.PlaceholderPlaintext ? 1 : 2;
}
