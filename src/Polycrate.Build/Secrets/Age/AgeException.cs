using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// An age encryption or decryption failure. Messages name the file and the problem, never key material,
/// passphrases or plaintext.
/// </summary>
internal sealed class AgeException : PolycrateException
{
    public AgeException(AgeErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public AgeErrorKind Kind { get; }

    public override string Code => Kind switch
    {
        AgeErrorKind.InvalidKey => DiagnosticCodes.AgeInvalidKey,
        AgeErrorKind.MalformedHeader => DiagnosticCodes.AgeMalformedHeader,
        AgeErrorKind.NoIdentityMatched => DiagnosticCodes.AgeNoIdentityMatched,
        AgeErrorKind.HeaderMacMismatch => DiagnosticCodes.AgeHeaderMacMismatch,
        AgeErrorKind.PayloadAuthenticationFailed => DiagnosticCodes.AgePayloadAuthenticationFailed,
        AgeErrorKind.Truncated => DiagnosticCodes.AgeTruncated,
        AgeErrorKind.MalformedArmor => DiagnosticCodes.AgeMalformedArmor,
        AgeErrorKind.WorkFactorTooLarge => DiagnosticCodes.AgeWorkFactorTooHigh,
        AgeErrorKind.InvalidRecipients => DiagnosticCodes.AgeIncompatibleRecipients,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "no diagnostic code for this kind"),
    };

    public override int ExitCode => 1;
}
