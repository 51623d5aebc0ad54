using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// A workspace encryption failure (range 51xx of <see cref="DiagnosticCodes"/>). Messages name files and what to do, never key material or
/// secret contents.
/// </summary>
internal sealed class WorkspaceSecretsException : PolycrateException
{
    public WorkspaceSecretsException(SecretsErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public SecretsErrorKind Kind { get; }

    public override string Code => Kind switch
    {
        SecretsErrorKind.NoIdentity => DiagnosticCodes.SecretsNoIdentity,
        SecretsErrorKind.NoRecipients => DiagnosticCodes.SecretsNoRecipients,
        SecretsErrorKind.IdentityNotRecipient => DiagnosticCodes.SecretsIdentityNotRecipient,
        SecretsErrorKind.PlaintextConflict => DiagnosticCodes.SecretsPlaintextConflict,
        SecretsErrorKind.VerificationFailed => DiagnosticCodes.SecretsVerificationFailed,
        SecretsErrorKind.KeyFileMissing => DiagnosticCodes.SecretsKeyFileMissing,
        SecretsErrorKind.FileExists => DiagnosticCodes.SecretsFileExists,
        SecretsErrorKind.PlaceholderPlaintext => DiagnosticCodes.SecretsPlaceholderPlaintext,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "no diagnostic code for this kind"),
    };

    /// <summary>Missing or mismatched keys and files are invalid input (2); conflicts and failed checks are failures (1).</summary>
    public override int ExitCode => Kind is SecretsErrorKind.PlaintextConflict or SecretsErrorKind.VerificationFailed or SecretsErrorKind.PlaceholderPlaintext ? 1 : 2;
}
